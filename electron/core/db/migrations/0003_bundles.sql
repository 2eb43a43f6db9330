CREATE TABLE `received_rows` (
	`school` text NOT NULL,
	`kind` text NOT NULL,
	`remote_id` text NOT NULL,
	`data` text NOT NULL,
	`seq` integer NOT NULL,
	PRIMARY KEY(`school`, `kind`, `remote_id`)
);
--> statement-breakpoint
CREATE TABLE `sync_inbox` (
	`sender` text NOT NULL,
	`seq` integer NOT NULL,
	`inner_hash` text NOT NULL,
	`applied_at` text NOT NULL,
	`counts` text NOT NULL,
	PRIMARY KEY(`sender`, `seq`)
);
--> statement-breakpoint
CREATE TABLE `sync_outbox` (
	`recipient` text NOT NULL,
	`seq` integer NOT NULL,
	`created_at` text NOT NULL,
	`inner_hash` text NOT NULL,
	`file_name` text NOT NULL,
	`counts` text NOT NULL,
	`bytes` integer NOT NULL,
	`data` blob,
	PRIMARY KEY(`recipient`, `seq`)
);
--> statement-breakpoint
CREATE TABLE `sync_partners` (
	`uscc` text PRIMARY KEY NOT NULL,
	`mode` text NOT NULL,
	`name` text NOT NULL,
	`sign_key` text NOT NULL,
	`age_recipient` text NOT NULL,
	`fingerprint` text NOT NULL,
	`enrolled_at` text NOT NULL,
	`last_applied` integer DEFAULT 0 NOT NULL,
	`peer_acked` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sync_sent` (
	`recipient` text NOT NULL,
	`kind` text NOT NULL,
	`remote_id` text NOT NULL,
	`hash` text NOT NULL,
	PRIMARY KEY(`recipient`, `kind`, `remote_id`)
);
