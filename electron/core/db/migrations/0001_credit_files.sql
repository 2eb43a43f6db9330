CREATE TABLE `catalogue_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`version` integer NOT NULL,
	`code` text NOT NULL,
	`name_zh` text NOT NULL,
	`name_en` text NOT NULL,
	`info_class` text NOT NULL,
	`subject_kinds` text NOT NULL,
	`polarity` text NOT NULL,
	`points` integer NOT NULL,
	`disclosure_months` integer NOT NULL,
	`evidence_required` integer NOT NULL,
	`releasable` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`version`) REFERENCES `catalogue_versions`(`version`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `catalogue_items_version_code` ON `catalogue_items` (`version`,`code`);--> statement-breakpoint
CREATE TABLE `catalogue_versions` (
	`version` integer PRIMARY KEY NOT NULL,
	`published_at` text NOT NULL,
	`publisher` text NOT NULL,
	`note` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `credit_records` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`subject_kind` text NOT NULL,
	`subject_id` integer NOT NULL,
	`item_id` integer NOT NULL,
	`occurred_on` text NOT NULL,
	`expires_on` text NOT NULL,
	`description` text NOT NULL,
	`kind` text NOT NULL,
	`supersedes_id` integer,
	`author_id` integer NOT NULL,
	`created_at` text NOT NULL,
	`source` text DEFAULT 'local' NOT NULL,
	FOREIGN KEY (`item_id`) REFERENCES `catalogue_items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`supersedes_id`) REFERENCES `credit_records`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `records_subject` ON `credit_records` (`subject_kind`,`subject_id`,`occurred_on`);--> statement-breakpoint
CREATE UNIQUE INDEX `records_supersedes` ON `credit_records` (`supersedes_id`);--> statement-breakpoint
CREATE INDEX `records_item` ON `credit_records` (`item_id`);--> statement-breakpoint
CREATE INDEX `records_occurred` ON `credit_records` (`occurred_on`);--> statement-breakpoint
CREATE TABLE `evidence_files` (
	`sha256` text PRIMARY KEY NOT NULL,
	`mime` text NOT NULL,
	`bytes` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `objections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`record_id` integer NOT NULL,
	`raised_by` integer NOT NULL,
	`reason` text NOT NULL,
	`raised_at` text NOT NULL,
	`decision` text,
	`decision_reason` text,
	`decided_by` integer,
	`decided_at` text,
	FOREIGN KEY (`record_id`) REFERENCES `credit_records`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`raised_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `objections_record` ON `objections` (`record_id`);--> statement-breakpoint
CREATE INDEX `objections_open` ON `objections` (`decision`);--> statement-breakpoint
CREATE TABLE `record_evidence` (
	`record_id` integer NOT NULL,
	`sha256` text NOT NULL,
	`file_name` text NOT NULL,
	FOREIGN KEY (`record_id`) REFERENCES `credit_records`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sha256`) REFERENCES `evidence_files`(`sha256`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `record_evidence_pk` ON `record_evidence` (`record_id`,`sha256`);--> statement-breakpoint
CREATE TABLE `repairs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`record_id` integer NOT NULL,
	`kind` text NOT NULL,
	`reason` text NOT NULL,
	`effective_on` text NOT NULL,
	`by` integer NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`record_id`) REFERENCES `credit_records`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `repairs_record` ON `repairs` (`record_id`);