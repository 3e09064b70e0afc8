DROP INDEX `meetings_list`;--> statement-breakpoint
CREATE INDEX `meetings_list` ON `meetings` (`deleted_at`,`date`,`time`,`id`,`title`);