CREATE TABLE `objection_evidence` (
	`objection_id` integer NOT NULL,
	`sha256` text NOT NULL,
	`file_name` text NOT NULL,
	FOREIGN KEY (`objection_id`) REFERENCES `objections`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sha256`) REFERENCES `evidence_files`(`sha256`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `objection_evidence_pk` ON `objection_evidence` (`objection_id`,`sha256`);