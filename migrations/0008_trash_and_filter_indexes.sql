CREATE INDEX `attachments_deleted` ON `attachments` (`deleted_at`) WHERE "attachments"."deleted_at" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `milestones_deleted` ON `milestones` (`deleted_at`) WHERE "milestones"."deleted_at" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `organizations_deleted` ON `organizations` (`deleted_at`) WHERE "organizations"."deleted_at" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `partnerships_deleted` ON `partnerships` (`deleted_at`) WHERE "partnerships"."deleted_at" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `partnerships_live_owner` ON `partnerships` (`owner`,`deleted_at`) WHERE "partnerships"."deleted_at" IS NULL AND "partnerships"."owner" IS NOT NULL;