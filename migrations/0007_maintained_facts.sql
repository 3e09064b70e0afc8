CREATE TABLE `partnership_facts` (
	`partnership_id` text PRIMARY KEY NOT NULL,
	`last_meeting` text
);
--> statement-breakpoint
CREATE TABLE `partnership_meetings` (
	`partnership_id` text NOT NULL,
	`meeting_id` text NOT NULL,
	`date` text NOT NULL,
	`time` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `partnership_meetings_link` ON `partnership_meetings` (`meeting_id`,`partnership_id`);--> statement-breakpoint
CREATE INDEX `partnership_meetings_by_date` ON `partnership_meetings` (`partnership_id`,`date`,`time`,`meeting_id`);--> statement-breakpoint
CREATE TABLE `task_counts` (
	`status` text NOT NULL,
	`due_on` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`status`, `due_on`)
);
--> statement-breakpoint
CREATE INDEX `milestones_live_partnership_date` ON `milestones` (`partnership_id`,`date`,`id`,`deleted_at`) WHERE "milestones"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX `milestones_planned` ON `milestones` (`date`,`id`,`partnership_id`,`title`,`kind`,`deleted_at`,`status`) WHERE "milestones"."deleted_at" IS NULL AND "milestones"."status" = 'planned';--> statement-breakpoint
CREATE INDEX `partnerships_live_status` ON `partnerships` (`status`,`id`,`title`,`title_zh`,`title_en`,`deleted_at`) WHERE "partnerships"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX `partnerships_live_review_on` ON `partnerships` (`review_on`) WHERE "partnerships"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX `partnerships_live_term_end` ON `partnerships` (`term_end`) WHERE "partnerships"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX `tasks_open_due` ON `tasks` (`due_on`,`title`,`id`) WHERE "tasks"."deleted_at" IS NULL AND "tasks"."status" IN ('open', 'in_progress') AND "tasks"."due_on" IS NOT NULL;--> statement-breakpoint
-- Written by hand (drizzle-kit has no triggers). partnership_meetings holds one row per live
-- meeting linked by a live link to a partnership; these triggers keep it so on every write,
-- local or merged (a merge may bring a link before its meeting: both sides look for the other).
-- A link is counted while any live link joins the pair (a merge can bring two).
CREATE TRIGGER `partnership_meetings_link_insert` AFTER INSERT ON `meeting_partnerships` WHEN NEW.deleted_at IS NULL BEGIN
  INSERT OR IGNORE INTO partnership_meetings (partnership_id, meeting_id, date, time)
    SELECT NEW.partnership_id, m.id, m.date, m.time FROM meetings m WHERE m.id = NEW.meeting_id AND m.deleted_at IS NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `partnership_meetings_link_update` AFTER UPDATE OF meeting_id, partnership_id, deleted_at ON `meeting_partnerships`
  WHEN OLD.meeting_id IS NOT NEW.meeting_id OR OLD.partnership_id IS NOT NEW.partnership_id OR OLD.deleted_at IS NOT NEW.deleted_at BEGIN
  DELETE FROM partnership_meetings WHERE meeting_id = OLD.meeting_id AND partnership_id = OLD.partnership_id
    AND NOT EXISTS (SELECT 1 FROM meeting_partnerships WHERE meeting_id = OLD.meeting_id AND partnership_id = OLD.partnership_id AND deleted_at IS NULL);
  INSERT OR IGNORE INTO partnership_meetings (partnership_id, meeting_id, date, time)
    SELECT NEW.partnership_id, m.id, m.date, m.time FROM meetings m WHERE NEW.deleted_at IS NULL AND m.id = NEW.meeting_id AND m.deleted_at IS NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `partnership_meetings_link_delete` AFTER DELETE ON `meeting_partnerships` BEGIN
  DELETE FROM partnership_meetings WHERE meeting_id = OLD.meeting_id AND partnership_id = OLD.partnership_id
    AND NOT EXISTS (SELECT 1 FROM meeting_partnerships WHERE meeting_id = OLD.meeting_id AND partnership_id = OLD.partnership_id AND deleted_at IS NULL);
END;
--> statement-breakpoint
CREATE TRIGGER `partnership_meetings_meeting_insert` AFTER INSERT ON `meetings` WHEN NEW.deleted_at IS NULL BEGIN
  INSERT OR IGNORE INTO partnership_meetings (partnership_id, meeting_id, date, time)
    SELECT mp.partnership_id, NEW.id, NEW.date, NEW.time FROM meeting_partnerships mp WHERE mp.meeting_id = NEW.id AND mp.deleted_at IS NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `partnership_meetings_meeting_update` AFTER UPDATE OF id, date, time, deleted_at ON `meetings`
  WHEN OLD.id IS NOT NEW.id OR OLD.date IS NOT NEW.date OR OLD.time IS NOT NEW.time OR OLD.deleted_at IS NOT NEW.deleted_at BEGIN
  DELETE FROM partnership_meetings WHERE meeting_id = OLD.id;
  INSERT OR IGNORE INTO partnership_meetings (partnership_id, meeting_id, date, time)
    SELECT mp.partnership_id, NEW.id, NEW.date, NEW.time FROM meeting_partnerships mp WHERE NEW.deleted_at IS NULL AND mp.meeting_id = NEW.id AND mp.deleted_at IS NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `partnership_meetings_meeting_delete` AFTER DELETE ON `meetings` BEGIN
  DELETE FROM partnership_meetings WHERE meeting_id = OLD.id;
END;
--> statement-breakpoint
-- task_counts: live tasks per status and due date ('' for none).
CREATE TRIGGER `task_counts_insert` AFTER INSERT ON `tasks` WHEN NEW.deleted_at IS NULL BEGIN
  INSERT INTO task_counts (status, due_on, n) VALUES (NEW.status, coalesce(NEW.due_on, ''), 1)
    ON CONFLICT (status, due_on) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `task_counts_update` AFTER UPDATE OF status, due_on, deleted_at ON `tasks`
  WHEN OLD.status IS NOT NEW.status OR OLD.due_on IS NOT NEW.due_on OR OLD.deleted_at IS NOT NEW.deleted_at BEGIN
  UPDATE task_counts SET n = n - 1 WHERE OLD.deleted_at IS NULL AND status = OLD.status AND due_on = coalesce(OLD.due_on, '');
  INSERT INTO task_counts (status, due_on, n) SELECT NEW.status, coalesce(NEW.due_on, ''), 1 WHERE NEW.deleted_at IS NULL
    ON CONFLICT (status, due_on) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `task_counts_delete` AFTER DELETE ON `tasks` WHEN OLD.deleted_at IS NULL BEGIN
  UPDATE task_counts SET n = n - 1 WHERE status = OLD.status AND due_on = coalesce(OLD.due_on, '');
END;
--> statement-breakpoint
INSERT OR IGNORE INTO partnership_meetings (partnership_id, meeting_id, date, time)
  SELECT mp.partnership_id, m.id, m.date, m.time FROM meeting_partnerships mp JOIN meetings m ON m.id = mp.meeting_id
   WHERE mp.deleted_at IS NULL AND m.deleted_at IS NULL;
--> statement-breakpoint
INSERT INTO task_counts (status, due_on, n) SELECT status, coalesce(due_on, ''), count(*) FROM tasks WHERE deleted_at IS NULL GROUP BY 1, 2;
--> statement-breakpoint
INSERT INTO partnership_facts (partnership_id, last_meeting) SELECT partnership_id, max(date) FROM partnership_meetings GROUP BY partnership_id;
--> statement-breakpoint
-- partnership_facts: each partnership's latest row of partnership_meetings (which only ever gains and loses rows).
CREATE TRIGGER `partnership_facts_insert` AFTER INSERT ON `partnership_meetings` BEGIN
  INSERT INTO partnership_facts (partnership_id, last_meeting) VALUES (NEW.partnership_id, NEW.date)
    ON CONFLICT (partnership_id) DO UPDATE SET last_meeting = excluded.last_meeting WHERE last_meeting IS NULL OR excluded.last_meeting > last_meeting;
END;
--> statement-breakpoint
CREATE TRIGGER `partnership_facts_delete` AFTER DELETE ON `partnership_meetings` BEGIN
  UPDATE partnership_facts SET last_meeting = (SELECT max(date) FROM partnership_meetings WHERE partnership_id = OLD.partnership_id)
   WHERE partnership_id = OLD.partnership_id AND last_meeting = OLD.date;
END;
