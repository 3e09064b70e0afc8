PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_organizations` (
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
	`source` text,
	CONSTRAINT "organizations_latitude_range" CHECK("__new_organizations"."latitude" IS NULL OR ("__new_organizations"."latitude" BETWEEN -90 AND 90)),
	CONSTRAINT "organizations_longitude_range" CHECK("__new_organizations"."longitude" IS NULL OR ("__new_organizations"."longitude" BETWEEN -180 AND 180))
);
--> statement-breakpoint
INSERT INTO `__new_organizations`("id", "created_at", "updated_at", "deleted_at", "hlc", "origin", "field_stamps", "display_name", "name_zh", "name_en", "name_local", "aliases", "country", "region", "kind", "latitude", "longitude", "notes", "source") SELECT "id", "created_at", "updated_at", "deleted_at", "hlc", "origin", "field_stamps", "display_name", "name_zh", "name_en", "name_local", "aliases", "country", "region", "kind", "latitude", "longitude", "notes", "source" FROM `organizations`;--> statement-breakpoint
DROP TABLE `organizations`;--> statement-breakpoint
ALTER TABLE `__new_organizations` RENAME TO `organizations`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `organizations_display_name` ON `organizations` (`display_name`);--> statement-breakpoint
CREATE INDEX `organizations_country` ON `organizations` (`country`);