CREATE TABLE `meeting_counts` (
	`date` text PRIMARY KEY NOT NULL,
	`n` integer NOT NULL
);
--> statement-breakpoint
-- Written by hand (drizzle-kit has no triggers). meeting_counts: live meetings per day, kept on every write,
-- local or merged (a merge writes meetings through the same table, so these triggers run for it too).
CREATE TRIGGER `meeting_counts_insert` AFTER INSERT ON `meetings` WHEN NEW.deleted_at IS NULL BEGIN
  INSERT INTO meeting_counts (date, n) VALUES (NEW.date, 1) ON CONFLICT (date) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `meeting_counts_update` AFTER UPDATE OF date, deleted_at ON `meetings`
  WHEN OLD.date IS NOT NEW.date OR (OLD.deleted_at IS NULL) IS NOT (NEW.deleted_at IS NULL) BEGIN
  UPDATE meeting_counts SET n = n - 1 WHERE OLD.deleted_at IS NULL AND date = OLD.date;
  INSERT INTO meeting_counts (date, n) SELECT NEW.date, 1 WHERE NEW.deleted_at IS NULL ON CONFLICT (date) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `meeting_counts_delete` AFTER DELETE ON `meetings` WHEN OLD.deleted_at IS NULL BEGIN
  UPDATE meeting_counts SET n = n - 1 WHERE date = OLD.date;
END;
--> statement-breakpoint
INSERT INTO meeting_counts (date, n) SELECT date, count(*) FROM meetings WHERE deleted_at IS NULL GROUP BY date;
