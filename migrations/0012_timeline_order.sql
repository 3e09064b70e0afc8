CREATE TABLE `timeline_order` (
	`partnership_id` text PRIMARY KEY NOT NULL,
	`status` text NOT NULL,
	`title` text NOT NULL,
	`first_milestone` text
);
--> statement-breakpoint
CREATE INDEX `timeline_order_all` ON `timeline_order` ("first_milestone" IS NULL,`first_milestone`,`title`,`partnership_id`);--> statement-breakpoint
CREATE INDEX `timeline_order_status` ON `timeline_order` (`status`,"first_milestone" IS NULL,`first_milestone`,`title`,`partnership_id`);--> statement-breakpoint
-- Written by hand (drizzle-kit has no triggers). timeline_order holds one row per live partnership, with its status,
-- its title and the date of its first live milestone; these triggers keep it so on every write, local or merged (a
-- merge may bring a milestone before its partnership: both sides look for the other).
CREATE TRIGGER `timeline_order_partnership_insert` AFTER INSERT ON `partnerships` WHEN NEW.deleted_at IS NULL BEGIN
  INSERT OR REPLACE INTO timeline_order (partnership_id, status, title, first_milestone)
    VALUES (NEW.id, NEW.status, NEW.title, (SELECT min(ms.date) FROM milestones ms WHERE ms.partnership_id = NEW.id AND ms.deleted_at IS NULL));
END;
--> statement-breakpoint
CREATE TRIGGER `timeline_order_partnership_update` AFTER UPDATE OF id, status, title, deleted_at ON `partnerships`
  WHEN OLD.id IS NOT NEW.id OR OLD.status IS NOT NEW.status OR OLD.title IS NOT NEW.title OR OLD.deleted_at IS NOT NEW.deleted_at BEGIN
  DELETE FROM timeline_order WHERE partnership_id = OLD.id;
  INSERT OR REPLACE INTO timeline_order (partnership_id, status, title, first_milestone)
    SELECT NEW.id, NEW.status, NEW.title, (SELECT min(ms.date) FROM milestones ms WHERE ms.partnership_id = NEW.id AND ms.deleted_at IS NULL)
     WHERE NEW.deleted_at IS NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `timeline_order_partnership_delete` AFTER DELETE ON `partnerships` BEGIN
  DELETE FROM timeline_order WHERE partnership_id = OLD.id;
END;
--> statement-breakpoint
CREATE TRIGGER `timeline_order_milestone_insert` AFTER INSERT ON `milestones` WHEN NEW.deleted_at IS NULL BEGIN
  UPDATE timeline_order SET first_milestone = NEW.date
   WHERE partnership_id = NEW.partnership_id AND (first_milestone IS NULL OR NEW.date < first_milestone);
END;
--> statement-breakpoint
CREATE TRIGGER `timeline_order_milestone_update` AFTER UPDATE OF partnership_id, date, deleted_at ON `milestones`
  WHEN OLD.partnership_id IS NOT NEW.partnership_id OR OLD.date IS NOT NEW.date OR OLD.deleted_at IS NOT NEW.deleted_at BEGIN
  UPDATE timeline_order
     SET first_milestone = (SELECT min(ms.date) FROM milestones ms WHERE ms.partnership_id = timeline_order.partnership_id AND ms.deleted_at IS NULL)
   WHERE partnership_id IN (OLD.partnership_id, NEW.partnership_id);
END;
--> statement-breakpoint
CREATE TRIGGER `timeline_order_milestone_delete` AFTER DELETE ON `milestones` WHEN OLD.deleted_at IS NULL BEGIN
  UPDATE timeline_order
     SET first_milestone = (SELECT min(ms.date) FROM milestones ms WHERE ms.partnership_id = OLD.partnership_id AND ms.deleted_at IS NULL)
   WHERE partnership_id = OLD.partnership_id;
END;
--> statement-breakpoint
INSERT INTO timeline_order (partnership_id, status, title, first_milestone)
  SELECT p.id, p.status, p.title, (SELECT min(ms.date) FROM milestones ms WHERE ms.partnership_id = p.id AND ms.deleted_at IS NULL)
    FROM partnerships p WHERE p.deleted_at IS NULL;
