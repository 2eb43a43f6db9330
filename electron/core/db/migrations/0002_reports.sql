CREATE TABLE `confirmations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`report_id` integer NOT NULL,
	`kind` text NOT NULL,
	`teacher_key_id` integer,
	`signature` text,
	`handwriting_sha256` text,
	`scan_sha256` text,
	`confirmed_at` text NOT NULL,
	`recorded_by` integer NOT NULL,
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`teacher_key_id`) REFERENCES `teacher_keys`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`handwriting_sha256`) REFERENCES `evidence_files`(`sha256`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`scan_sha256`) REFERENCES `evidence_files`(`sha256`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `confirmations_report` ON `confirmations` (`report_id`);--> statement-breakpoint
CREATE TABLE `report_files` (
	`sha256` text PRIMARY KEY NOT NULL,
	`report_id` integer NOT NULL,
	`confirmed` integer NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` text NOT NULL,
	`teacher_id` integer NOT NULL,
	`year` integer NOT NULL,
	`serial` integer NOT NULL,
	`snapshot` text NOT NULL,
	`snapshot_hash` text NOT NULL,
	`file_audit_seq` integer NOT NULL,
	`created_at` text NOT NULL,
	`created_by` integer NOT NULL,
	FOREIGN KEY (`teacher_id`) REFERENCES `teachers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reports_number` ON `reports` (`number`);--> statement-breakpoint
CREATE INDEX `reports_teacher` ON `reports` (`teacher_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `reports_year_serial` ON `reports` (`year`,`serial`);--> statement-breakpoint
CREATE TABLE `teacher_keys` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`teacher_id` integer NOT NULL,
	`public_key` text NOT NULL,
	`fingerprint` text NOT NULL,
	`wrapped_private` text NOT NULL,
	`created_at` text NOT NULL,
	`retired_at` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`teacher_id`) REFERENCES `teachers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `teacher_keys_user` ON `teacher_keys` (`user_id`);