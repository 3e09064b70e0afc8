CREATE INDEX `contacts_list` ON `contacts` (`deleted_at`,`name`,`id`);--> statement-breakpoint
CREATE INDEX `tasks_list` ON `tasks` (`deleted_at`,"due_on" IS NULL,`due_on`,`title`,`id`,`status`);