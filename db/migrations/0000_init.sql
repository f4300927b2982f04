CREATE TABLE `audit_events` (
	`id` text PRIMARY KEY NOT NULL,
	`practice_id` text NOT NULL,
	`actor_type` text NOT NULL,
	`actor_id` text,
	`action` text NOT NULL,
	`target_type` text,
	`target_id` text,
	`detail` text,
	`ip_address` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`practice_id`) REFERENCES `practices`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_events_practice_time` ON `audit_events` (`practice_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `audit_events_actor` ON `audit_events` (`practice_id`,`actor_type`,`actor_id`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`practice_id` text NOT NULL,
	`subject_type` text NOT NULL,
	`subject_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`idle_expires_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`practice_id`) REFERENCES `practices`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sessions_subject` ON `sessions` (`practice_id`,`subject_type`,`subject_id`);--> statement-breakpoint
CREATE INDEX `sessions_expires` ON `sessions` (`expires_at`);--> statement-breakpoint
CREATE TABLE `sign_in_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`practice_id` text NOT NULL,
	`subject_type` text NOT NULL,
	`subject_id` text NOT NULL,
	`token_hash` text NOT NULL,
	`code_hash` text NOT NULL,
	`code_attempts` integer DEFAULT 0 NOT NULL,
	`return_to` text,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`consumed_at` integer,
	`consumed_session_id` text,
	`revoked_at` integer,
	FOREIGN KEY (`practice_id`) REFERENCES `practices`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sign_in_requests_token_hash_unique` ON `sign_in_requests` (`token_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `sign_in_requests_consumed_session_id_unique` ON `sign_in_requests` (`consumed_session_id`);--> statement-breakpoint
CREATE INDEX `sign_in_requests_subject` ON `sign_in_requests` (`practice_id`,`subject_type`,`subject_id`);--> statement-breakpoint
CREATE INDEX `sign_in_requests_expires` ON `sign_in_requests` (`expires_at`);--> statement-breakpoint
CREATE TABLE `throttle_counters` (
	`key` text PRIMARY KEY NOT NULL,
	`practice_id` text NOT NULL,
	`window_started_at` integer NOT NULL,
	`count` integer NOT NULL,
	FOREIGN KEY (`practice_id`) REFERENCES `practices`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `throttle_counters_window` ON `throttle_counters` (`window_started_at`);--> statement-breakpoint
CREATE TABLE `clients` (
	`id` text PRIMARY KEY NOT NULL,
	`practice_id` text NOT NULL,
	`first_name` text NOT NULL,
	`last_name` text NOT NULL,
	`preferred_name` text,
	`email` text NOT NULL,
	`locale` text,
	`portal_access` integer DEFAULT false NOT NULL,
	`archived_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`practice_id`) REFERENCES `practices`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `clients_practice_email` ON `clients` (`practice_id`,`email`);--> statement-breakpoint
CREATE TABLE `staff_members` (
	`id` text PRIMARY KEY NOT NULL,
	`practice_id` text NOT NULL,
	`name` text NOT NULL,
	`email` text NOT NULL,
	`locale` text,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`practice_id`) REFERENCES `practices`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `staff_members_practice_email` ON `staff_members` (`practice_id`,`email`);--> statement-breakpoint
CREATE INDEX `staff_members_active` ON `staff_members` (`practice_id`) WHERE "staff_members"."active" = 1;--> statement-breakpoint
CREATE TABLE `practices` (
	`id` text PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`custom_host` text,
	`name` text NOT NULL,
	`brand_color` text DEFAULT '#2f6f5e' NOT NULL,
	`contact_email` text,
	`contact_phone` text,
	`default_locale` text DEFAULT 'nl' NOT NULL,
	`time_zone` text DEFAULT 'Europe/Amsterdam' NOT NULL,
	`sign_in_ttl_minutes` integer DEFAULT 30 NOT NULL,
	`client_idle_timeout_minutes` integer DEFAULT 30 NOT NULL,
	`client_absolute_timeout_hours` integer DEFAULT 12 NOT NULL,
	`staff_idle_timeout_minutes` integer DEFAULT 60 NOT NULL,
	`staff_absolute_timeout_hours` integer DEFAULT 12 NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `practices_slug_unique` ON `practices` (`slug`);--> statement-breakpoint
CREATE UNIQUE INDEX `practices_custom_host_unique` ON `practices` (`custom_host`);