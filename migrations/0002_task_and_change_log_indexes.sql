CREATE INDEX `change_log_origin_hlc` ON `change_log` (`origin`,`hlc`);--> statement-breakpoint
CREATE INDEX `tasks_status_due_on` ON `tasks` (`status`,`due_on`);--> statement-breakpoint
CREATE INDEX `tasks_assignee` ON `tasks` (`assignee`);