CREATE TABLE `annual_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`institution_id` integer NOT NULL,
	`year` integer NOT NULL,
	`submitted_on` text NOT NULL,
	`content` text NOT NULL,
	`conclusion` text NOT NULL,
	`supersedes_id` integer,
	`created_by` integer NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`institution_id`) REFERENCES `institutions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`supersedes_id`) REFERENCES `annual_reports`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `annual_reports_institution` ON `annual_reports` (`institution_id`,`year`);--> statement-breakpoint
CREATE UNIQUE INDEX `annual_reports_supersedes` ON `annual_reports` (`supersedes_id`);--> statement-breakpoint
CREATE TABLE `case_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`event` text NOT NULL,
	`from_state` text NOT NULL,
	`to_state` text NOT NULL,
	`occurred_on` text NOT NULL,
	`reason` text NOT NULL,
	`list_entry_id` integer,
	`by` integer NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `negative_cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`list_entry_id`) REFERENCES `list_entries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_events_case` ON `case_events` (`case_id`);--> statement-breakpoint
CREATE TABLE `decision_applicants` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`round_id` integer NOT NULL,
	`institution_id` integer NOT NULL,
	`request` text NOT NULL,
	`review` text,
	`outcome` text,
	`outcome_reason` text,
	`decided_by` integer,
	`decided_at` text,
	FOREIGN KEY (`round_id`) REFERENCES `decision_rounds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`institution_id`) REFERENCES `institutions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `decision_applicants_round_institution` ON `decision_applicants` (`round_id`,`institution_id`);--> statement-breakpoint
CREATE TABLE `decision_rounds` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`opened_on` text NOT NULL,
	`state` text NOT NULL,
	`created_by` integer NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `draws` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer NOT NULL,
	`seed` text NOT NULL,
	`rules_version` integer NOT NULL,
	`pool` text NOT NULL,
	`result` text NOT NULL,
	`created_by` integer NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `inspection_plans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `enforcement_decisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`institution_id` integer NOT NULL,
	`doc_no` text NOT NULL,
	`decided_on` text NOT NULL,
	`valid_from` text,
	`valid_until` text,
	`content` text NOT NULL,
	`authority` text NOT NULL,
	`authority_uscc` text NOT NULL,
	`fields` text NOT NULL,
	`record_id` integer,
	`supersedes_id` integer,
	`created_by` integer NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`institution_id`) REFERENCES `institutions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`record_id`) REFERENCES `credit_records`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`supersedes_id`) REFERENCES `enforcement_decisions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `enforcement_institution` ON `enforcement_decisions` (`institution_id`,`kind`);--> statement-breakpoint
CREATE UNIQUE INDEX `enforcement_supersedes` ON `enforcement_decisions` (`supersedes_id`);--> statement-breakpoint
CREATE TABLE `grading_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`rules_version` integer NOT NULL,
	`as_of` text NOT NULL,
	`counts` text NOT NULL,
	`ms` integer NOT NULL,
	`by` text NOT NULL,
	`at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `inspection_plans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`kind` text NOT NULL,
	`period_from` text NOT NULL,
	`period_to` text NOT NULL,
	`created_by` integer NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `inspections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer,
	`draw_id` integer,
	`institution_id` integer NOT NULL,
	`inspectors` text NOT NULL,
	`due_on` text NOT NULL,
	`state` text NOT NULL,
	`done_on` text,
	`result` text,
	`findings` text,
	`record_id` integer,
	`recorded_by` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `inspection_plans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`draw_id`) REFERENCES `draws`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`institution_id`) REFERENCES `institutions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`record_id`) REFERENCES `credit_records`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `inspections_institution` ON `inspections` (`institution_id`);--> statement-breakpoint
CREATE INDEX `inspections_state_due` ON `inspections` (`state`,`due_on`);--> statement-breakpoint
CREATE TABLE `list_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`list` text NOT NULL,
	`subject_kind` text NOT NULL,
	`subject_key` text NOT NULL,
	`subject_name` text NOT NULL,
	`origin` text NOT NULL,
	`rule` text,
	`case_id` integer,
	`reason` text NOT NULL,
	`proposed_by` integer NOT NULL,
	`proposed_at` text NOT NULL,
	`state` text NOT NULL,
	`decided_by` integer,
	`decided_at` text,
	`decision_reason` text,
	`start_on` text NOT NULL,
	`end_on` text NOT NULL,
	`published` integer DEFAULT false NOT NULL,
	`published_at` text,
	`ended_at` text,
	`end_reason` text,
	FOREIGN KEY (`case_id`) REFERENCES `negative_cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`proposed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `list_entries_subject` ON `list_entries` (`subject_kind`,`subject_key`);--> statement-breakpoint
CREATE INDEX `list_entries_list_state` ON `list_entries` (`list`,`state`);--> statement-breakpoint
CREATE TABLE `negative_cases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` text NOT NULL,
	`institution_id` integer NOT NULL,
	`matter` text NOT NULL,
	`facts` text NOT NULL,
	`opened_on` text NOT NULL,
	`state` text NOT NULL,
	`record_id` integer,
	`notice_number` text,
	`notice_requirements` text,
	`notice_issued_on` text,
	`notice_deadline` text,
	`notice_sha256` text,
	`created_by` integer NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`institution_id`) REFERENCES `institutions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`record_id`) REFERENCES `credit_records`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`notice_sha256`) REFERENCES `evidence_files`(`sha256`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `negative_cases_number` ON `negative_cases` (`number`);--> statement-breakpoint
CREATE INDEX `negative_cases_institution` ON `negative_cases` (`institution_id`);--> statement-breakpoint
CREATE INDEX `negative_cases_state` ON `negative_cases` (`state`);--> statement-breakpoint
CREATE TABLE `practitioners` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`institution_id` integer NOT NULL,
	`name` text NOT NULL,
	`gender` text NOT NULL,
	`id_number` text NOT NULL,
	`post` text NOT NULL,
	`qualification` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`institution_id`) REFERENCES `institutions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `practitioners_institution_id_number` ON `practitioners` (`institution_id`,`id_number`);--> statement-breakpoint
CREATE INDEX `practitioners_id_number` ON `practitioners` (`id_number`);--> statement-breakpoint
ALTER TABLE `institutions` ADD `grid` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `institutions` ADD `address` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `institutions` ADD `legal_rep` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `institutions` ADD `licence_no` text;--> statement-breakpoint
ALTER TABLE `institutions` ADD `licence_valid_until` text;--> statement-breakpoint
ALTER TABLE `institutions` ADD `created_at` text DEFAULT '2026-01-01T00:00:00.000Z' NOT NULL;