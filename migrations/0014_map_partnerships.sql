CREATE TABLE `map_partnerships` (
	`partnership_id` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`status` text NOT NULL,
	`places` text,
	`unplaced` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `map_partnerships_title` ON `map_partnerships` (`title`,`partnership_id`,`status`,`places`,`unplaced`);--> statement-breakpoint
CREATE TABLE `map_refresh` (
	`partnership_id` text NOT NULL
);
--> statement-breakpoint
DROP INDEX `partnerships_map`;
--> statement-breakpoint
-- Written by hand (drizzle-kit has no triggers). map_partnerships holds, for each live partnership with a live
-- party of a live organization, what the map needs (db/map.ts); these triggers keep it so on every write, local or
-- merged (a merge may bring a party before its partnership or its organization: each side asks for a refresh).
-- One trigger computes a row: inserting a partnership's id into map_refresh replaces its row (or removes it) and
-- takes the id out again. Parties are the distinct organizations, ordered by their first (created_at, id): the
-- ordered subquery feeds group_concat in that order (no ORDER BY inside the aggregate, which SQLite before 3.44,
-- such as an older sqlite3 shell opening the file, could not read).
CREATE TRIGGER `map_refresh_insert` AFTER INSERT ON `map_refresh` BEGIN
  DELETE FROM map_partnerships WHERE partnership_id = NEW.partnership_id;
  INSERT INTO map_partnerships (partnership_id, title, status, places, unplaced)
    SELECT p.id, p.title, p.status, parties.places, parties.unplaced
      FROM partnerships p, (
        SELECT group_concat(CASE WHEN located THEN organization_id END, ' ') AS places, count(*) - sum(located) AS unplaced
          FROM (SELECT pp.organization_id, min(pp.created_at || ' ' || pp.id) AS first, o.latitude IS NOT NULL AND o.longitude IS NOT NULL AS located
                  FROM partnership_parties pp JOIN organizations o ON o.id = pp.organization_id
                 WHERE pp.partnership_id = NEW.partnership_id AND pp.deleted_at IS NULL AND o.deleted_at IS NULL
                 GROUP BY pp.organization_id ORDER BY first)
      ) parties
     WHERE p.id = NEW.partnership_id AND p.deleted_at IS NULL AND (parties.places IS NOT NULL OR parties.unplaced > 0);
  DELETE FROM map_refresh WHERE partnership_id = NEW.partnership_id;
END;
--> statement-breakpoint
CREATE TRIGGER `map_partnerships_partnership_insert` AFTER INSERT ON `partnerships` WHEN NEW.deleted_at IS NULL BEGIN
  INSERT INTO map_refresh (partnership_id) VALUES (NEW.id);
END;
--> statement-breakpoint
CREATE TRIGGER `map_partnerships_partnership_update` AFTER UPDATE OF id, title, status, deleted_at ON `partnerships`
  WHEN OLD.id IS NOT NEW.id OR OLD.title IS NOT NEW.title OR OLD.status IS NOT NEW.status OR OLD.deleted_at IS NOT NEW.deleted_at BEGIN
  INSERT INTO map_refresh (partnership_id) SELECT OLD.id UNION SELECT NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER `map_partnerships_partnership_delete` AFTER DELETE ON `partnerships` BEGIN
  DELETE FROM map_partnerships WHERE partnership_id = OLD.id;
END;
--> statement-breakpoint
CREATE TRIGGER `map_partnerships_party_insert` AFTER INSERT ON `partnership_parties` WHEN NEW.deleted_at IS NULL BEGIN
  INSERT INTO map_refresh (partnership_id) VALUES (NEW.partnership_id);
END;
--> statement-breakpoint
CREATE TRIGGER `map_partnerships_party_update` AFTER UPDATE OF id, created_at, partnership_id, organization_id, deleted_at ON `partnership_parties`
  WHEN OLD.id IS NOT NEW.id OR OLD.created_at IS NOT NEW.created_at OR OLD.partnership_id IS NOT NEW.partnership_id
    OR OLD.organization_id IS NOT NEW.organization_id OR OLD.deleted_at IS NOT NEW.deleted_at BEGIN
  INSERT INTO map_refresh (partnership_id) SELECT OLD.partnership_id UNION SELECT NEW.partnership_id;
END;
--> statement-breakpoint
CREATE TRIGGER `map_partnerships_party_delete` AFTER DELETE ON `partnership_parties` WHEN OLD.deleted_at IS NULL BEGIN
  INSERT INTO map_refresh (partnership_id) VALUES (OLD.partnership_id);
END;
--> statement-breakpoint
CREATE TRIGGER `map_partnerships_organization_insert` AFTER INSERT ON `organizations` WHEN NEW.deleted_at IS NULL BEGIN
  INSERT INTO map_refresh (partnership_id)
    SELECT DISTINCT partnership_id FROM partnership_parties WHERE organization_id = NEW.id AND deleted_at IS NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `map_partnerships_organization_update` AFTER UPDATE OF id, latitude, longitude, deleted_at ON `organizations`
  WHEN OLD.id IS NOT NEW.id OR OLD.latitude IS NOT NEW.latitude OR OLD.longitude IS NOT NEW.longitude OR OLD.deleted_at IS NOT NEW.deleted_at BEGIN
  INSERT INTO map_refresh (partnership_id)
    SELECT DISTINCT partnership_id FROM partnership_parties WHERE organization_id IN (OLD.id, NEW.id) AND deleted_at IS NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `map_partnerships_organization_delete` AFTER DELETE ON `organizations` WHEN OLD.deleted_at IS NULL BEGIN
  INSERT INTO map_refresh (partnership_id)
    SELECT DISTINCT partnership_id FROM partnership_parties WHERE organization_id = OLD.id AND deleted_at IS NULL;
END;
--> statement-breakpoint
INSERT INTO map_refresh (partnership_id) SELECT id FROM partnerships WHERE deleted_at IS NULL;
