CREATE TABLE `quiet_order` (
	`partnership_id` text PRIMARY KEY NOT NULL,
	`status` text NOT NULL,
	`title` text NOT NULL,
	`began` text NOT NULL,
	`last_meeting` text NOT NULL,
	`prior_meeting` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `quiet_order_last` ON `quiet_order` (`last_meeting`,`title`,`partnership_id`,`began`,`status`) WHERE "quiet_order"."status" IN ('active', 'negotiating');--> statement-breakpoint
CREATE INDEX `quiet_order_prior` ON `quiet_order` (`prior_meeting`,`title`,`partnership_id`,`last_meeting`,`began`,`status`) WHERE "quiet_order"."status" IN ('active', 'negotiating');--> statement-breakpoint
CREATE TABLE `quiet_refresh` (
	`partnership_id` text NOT NULL
);
--> statement-breakpoint
-- Written by hand (drizzle-kit has no triggers). quiet_order holds one row per live partnership with what the
-- dashboard's quiet card asks of it (db/dashboard.ts); these triggers keep it so on every write, local or merged (a
-- merge may bring a meeting's link before its partnership: the partnership's own insert reads its meetings then).
-- One trigger computes a row: inserting a partnership's id into quiet_refresh replaces its row (or removes it) and
-- takes the id out again. Its meetings come from partnership_meetings (migration 0007), which only ever gains and
-- loses rows: its latest day, and the latest day before that one, each one seek of partnership_meetings_by_date.
CREATE TRIGGER `quiet_refresh_insert` AFTER INSERT ON `quiet_refresh` BEGIN
  DELETE FROM quiet_order WHERE partnership_id = NEW.partnership_id;
  INSERT INTO quiet_order (partnership_id, status, title, began, last_meeting, prior_meeting)
    SELECT p.id, p.status, p.title,
           min(coalesce(p.term_start, p.created_at), coalesce(p.status_since, p.created_at), substr(p.created_at, 1, 10)),
           coalesce(latest.day, ''),
           coalesce((SELECT max(pm.date) FROM partnership_meetings pm WHERE pm.partnership_id = p.id AND pm.date < latest.day), '')
      FROM partnerships p, (SELECT max(date) AS day FROM partnership_meetings WHERE partnership_id = NEW.partnership_id) latest
     WHERE p.id = NEW.partnership_id AND p.deleted_at IS NULL;
  DELETE FROM quiet_refresh WHERE partnership_id = NEW.partnership_id;
END;
--> statement-breakpoint
CREATE TRIGGER `quiet_order_partnership_insert` AFTER INSERT ON `partnerships` WHEN NEW.deleted_at IS NULL BEGIN
  INSERT INTO quiet_refresh (partnership_id) VALUES (NEW.id);
END;
--> statement-breakpoint
CREATE TRIGGER `quiet_order_partnership_update` AFTER UPDATE OF id, status, title, term_start, status_since, created_at, deleted_at ON `partnerships`
  WHEN OLD.id IS NOT NEW.id OR OLD.status IS NOT NEW.status OR OLD.title IS NOT NEW.title OR OLD.term_start IS NOT NEW.term_start
    OR OLD.status_since IS NOT NEW.status_since OR OLD.created_at IS NOT NEW.created_at OR OLD.deleted_at IS NOT NEW.deleted_at BEGIN
  INSERT INTO quiet_refresh (partnership_id) SELECT OLD.id UNION SELECT NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER `quiet_order_partnership_delete` AFTER DELETE ON `partnerships` BEGIN
  DELETE FROM quiet_order WHERE partnership_id = OLD.id;
END;
--> statement-breakpoint
CREATE TRIGGER `quiet_order_meeting_insert` AFTER INSERT ON `partnership_meetings` BEGIN
  INSERT INTO quiet_refresh (partnership_id) VALUES (NEW.partnership_id);
END;
--> statement-breakpoint
CREATE TRIGGER `quiet_order_meeting_delete` AFTER DELETE ON `partnership_meetings` BEGIN
  INSERT INTO quiet_refresh (partnership_id) VALUES (OLD.partnership_id);
END;
--> statement-breakpoint
INSERT INTO quiet_refresh (partnership_id) SELECT id FROM partnerships WHERE deleted_at IS NULL;
