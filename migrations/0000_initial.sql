CREATE TABLE `attachments` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`hlc` text NOT NULL,
	`origin` text NOT NULL,
	`field_stamps` text DEFAULT '{}' NOT NULL,
	`sha256` text NOT NULL,
	`file_name` text NOT NULL,
	`mime_type` text,
	`size` integer NOT NULL,
	`partnership_id` text,
	`meeting_id` text,
	`description` text,
	FOREIGN KEY (`sha256`) REFERENCES `blobs`(`sha256`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`partnership_id`) REFERENCES `partnerships`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `attachments_partnership` ON `attachments` (`partnership_id`);--> statement-breakpoint
CREATE INDEX `attachments_meeting` ON `attachments` (`meeting_id`);--> statement-breakpoint
CREATE TABLE `blobs` (
	`sha256` text PRIMARY KEY NOT NULL,
	`size` integer NOT NULL,
	`data` blob NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `change_log` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entity` text NOT NULL,
	`row_id` text NOT NULL,
	`field` text NOT NULL,
	`value` text,
	`hlc` text NOT NULL,
	`origin` text NOT NULL,
	`office` text,
	`via` text DEFAULT 'local' NOT NULL,
	`recorded_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `change_log_row` ON `change_log` (`entity`,`row_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `change_log_unique` ON `change_log` (`entity`,`row_id`,`field`,`hlc`);--> statement-breakpoint
CREATE TABLE `conflicts` (
	`id` text PRIMARY KEY NOT NULL,
	`entity` text NOT NULL,
	`row_id` text NOT NULL,
	`field` text NOT NULL,
	`winning_value` text,
	`winning_hlc` text NOT NULL,
	`losing_value` text,
	`losing_hlc` text NOT NULL,
	`detected_at` text NOT NULL,
	`resolved_at` text,
	`resolution` text
);
--> statement-breakpoint
CREATE INDEX `conflicts_row` ON `conflicts` (`entity`,`row_id`);--> statement-breakpoint
CREATE TABLE `contacts` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`hlc` text NOT NULL,
	`origin` text NOT NULL,
	`field_stamps` text DEFAULT '{}' NOT NULL,
	`name` text NOT NULL,
	`title` text,
	`organization_id` text,
	`email` text,
	`phone` text,
	`notes` text,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `contacts_organization` ON `contacts` (`organization_id`);--> statement-breakpoint
CREATE TABLE `duplicate_candidates` (
	`id` text PRIMARY KEY NOT NULL,
	`entity` text NOT NULL,
	`local_id` text NOT NULL,
	`imported_id` text NOT NULL,
	`detected_at` text NOT NULL,
	`decision` text,
	`decided_at` text
);
--> statement-breakpoint
CREATE TABLE `meeting_attendees` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`hlc` text NOT NULL,
	`origin` text NOT NULL,
	`field_stamps` text DEFAULT '{}' NOT NULL,
	`meeting_id` text NOT NULL,
	`contact_id` text,
	`name` text,
	`side` text NOT NULL,
	`organization_id` text,
	`organization_name` text,
	`role` text,
	`is_interpreter` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `meeting_attendees_meeting` ON `meeting_attendees` (`meeting_id`);--> statement-breakpoint
CREATE INDEX `meeting_attendees_contact` ON `meeting_attendees` (`contact_id`);--> statement-breakpoint
CREATE TABLE `meeting_partnerships` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`hlc` text NOT NULL,
	`origin` text NOT NULL,
	`field_stamps` text DEFAULT '{}' NOT NULL,
	`meeting_id` text NOT NULL,
	`partnership_id` text NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`partnership_id`) REFERENCES `partnerships`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `meeting_partnerships_meeting` ON `meeting_partnerships` (`meeting_id`);--> statement-breakpoint
CREATE INDEX `meeting_partnerships_partnership` ON `meeting_partnerships` (`partnership_id`);--> statement-breakpoint
CREATE TABLE `meetings` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`hlc` text NOT NULL,
	`origin` text NOT NULL,
	`field_stamps` text DEFAULT '{}' NOT NULL,
	`title` text NOT NULL,
	`date` text NOT NULL,
	`time` text,
	`location` text,
	`format` text NOT NULL,
	`kind` text NOT NULL,
	`agenda` text,
	`summary` text,
	`outcomes` text,
	`gifts` text,
	`notes` text
);
--> statement-breakpoint
CREATE INDEX `meetings_date` ON `meetings` (`date`);--> statement-breakpoint
CREATE TABLE `meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `milestones` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`hlc` text NOT NULL,
	`origin` text NOT NULL,
	`field_stamps` text DEFAULT '{}' NOT NULL,
	`partnership_id` text NOT NULL,
	`title` text NOT NULL,
	`date` text NOT NULL,
	`date_precision` text NOT NULL,
	`kind` text NOT NULL,
	`status` text NOT NULL,
	`source` text,
	`notes` text,
	FOREIGN KEY (`partnership_id`) REFERENCES `partnerships`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `milestones_partnership` ON `milestones` (`partnership_id`);--> statement-breakpoint
CREATE INDEX `milestones_date` ON `milestones` (`date`);--> statement-breakpoint
CREATE TABLE `organizations` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`hlc` text NOT NULL,
	`origin` text NOT NULL,
	`field_stamps` text DEFAULT '{}' NOT NULL,
	`display_name` text NOT NULL,
	`name_zh` text,
	`name_en` text,
	`name_local` text,
	`aliases` text DEFAULT '[]' NOT NULL,
	`country` text,
	`region` text,
	`kind` text DEFAULT 'city' NOT NULL,
	`latitude` real,
	`longitude` real,
	`notes` text,
	`source` text
);
--> statement-breakpoint
CREATE INDEX `organizations_display_name` ON `organizations` (`display_name`);--> statement-breakpoint
CREATE INDEX `organizations_country` ON `organizations` (`country`);--> statement-breakpoint
CREATE TABLE `partnership_parties` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`hlc` text NOT NULL,
	`origin` text NOT NULL,
	`field_stamps` text DEFAULT '{}' NOT NULL,
	`partnership_id` text NOT NULL,
	`organization_id` text NOT NULL,
	`role` text,
	FOREIGN KEY (`partnership_id`) REFERENCES `partnerships`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `partnership_parties_partnership` ON `partnership_parties` (`partnership_id`);--> statement-breakpoint
CREATE INDEX `partnership_parties_organization` ON `partnership_parties` (`organization_id`);--> statement-breakpoint
CREATE TABLE `partnership_status_history` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`hlc` text NOT NULL,
	`origin` text NOT NULL,
	`field_stamps` text DEFAULT '{}' NOT NULL,
	`partnership_id` text NOT NULL,
	`status` text NOT NULL,
	`started_on` text NOT NULL,
	`note` text,
	FOREIGN KEY (`partnership_id`) REFERENCES `partnerships`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `partnership_status_history_partnership` ON `partnership_status_history` (`partnership_id`);--> statement-breakpoint
CREATE TABLE `partnerships` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`hlc` text NOT NULL,
	`origin` text NOT NULL,
	`field_stamps` text DEFAULT '{}' NOT NULL,
	`title` text NOT NULL,
	`title_zh` text,
	`title_en` text,
	`kind` text NOT NULL,
	`status` text NOT NULL,
	`status_since` text,
	`programme_id` text,
	`topics` text DEFAULT '[]' NOT NULL,
	`owner` text,
	`summary` text,
	`rationale` text,
	`term_start` text,
	`term_end` text,
	`review_on` text,
	`source` text,
	FOREIGN KEY (`programme_id`) REFERENCES `programmes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `partnerships_status` ON `partnerships` (`status`);--> statement-breakpoint
CREATE INDEX `partnerships_programme` ON `partnerships` (`programme_id`);--> statement-breakpoint
CREATE TABLE `programmes` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`hlc` text NOT NULL,
	`origin` text NOT NULL,
	`field_stamps` text DEFAULT '{}' NOT NULL,
	`name_zh` text,
	`name_en` text,
	`started_on` text,
	`ended_on` text,
	`description` text,
	`source` text
);
--> statement-breakpoint
CREATE TABLE `sync_log` (
	`id` text PRIMARY KEY NOT NULL,
	`direction` text NOT NULL,
	`at` text NOT NULL,
	`file_name` text NOT NULL,
	`peer_origin` text,
	`peer_office` text,
	`peer_hlc` text,
	`counts` text DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
CREATE TABLE `tasks` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`hlc` text NOT NULL,
	`origin` text NOT NULL,
	`field_stamps` text DEFAULT '{}' NOT NULL,
	`title` text NOT NULL,
	`details` text,
	`due_on` text,
	`assignee` text,
	`status` text NOT NULL,
	`priority` text DEFAULT 'normal' NOT NULL,
	`partnership_id` text,
	`meeting_id` text,
	`done_at` text,
	FOREIGN KEY (`partnership_id`) REFERENCES `partnerships`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `tasks_due_on` ON `tasks` (`due_on`);--> statement-breakpoint
CREATE INDEX `tasks_partnership` ON `tasks` (`partnership_id`);--> statement-breakpoint
CREATE INDEX `tasks_meeting` ON `tasks` (`meeting_id`);