CREATE TABLE `documents` (
	`id` text PRIMARY KEY NOT NULL,
	`practice_id` text NOT NULL,
	`client_id` text NOT NULL,
	`storage_key` text NOT NULL,
	`file_name` text NOT NULL,
	`content_type` text NOT NULL,
	`kind` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`sha256` text NOT NULL,
	`uploaded_by` text,
	`uploaded_at` integer NOT NULL,
	`shared_by` text,
	`shared_at` integer,
	`unshared_at` integer,
	`acknowledgement_requested_at` integer,
	`acknowledged_at` integer,
	`first_viewed_at` integer,
	`first_downloaded_at` integer,
	FOREIGN KEY (`practice_id`) REFERENCES `practices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`uploaded_by`) REFERENCES `staff_members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`shared_by`) REFERENCES `staff_members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `documents_storage_key_unique` ON `documents` (`storage_key`);--> statement-breakpoint
CREATE INDEX `documents_client_shared` ON `documents` (`practice_id`,`client_id`,`shared_at`,`id`) WHERE "documents"."shared_at" IS NOT NULL AND "documents"."unshared_at" IS NULL;--> statement-breakpoint
CREATE INDEX `documents_client` ON `documents` (`practice_id`,`client_id`);--> statement-breakpoint
CREATE TABLE `assignments` (
	`id` text PRIMARY KEY NOT NULL,
	`practice_id` text NOT NULL,
	`client_id` text NOT NULL,
	`questionnaire_version_id` text NOT NULL,
	`assigned_by` text,
	`assigned_at` integer NOT NULL,
	`due_date` text,
	`status` text DEFAULT 'pending' NOT NULL,
	`completed_at` integer,
	`withdrawn_at` integer,
	FOREIGN KEY (`practice_id`) REFERENCES `practices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`questionnaire_version_id`) REFERENCES `questionnaire_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assigned_by`) REFERENCES `staff_members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `assignments_client_status` ON `assignments` (`practice_id`,`client_id`,`status`,`due_date`);--> statement-breakpoint
CREATE TABLE `questionnaire_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`practice_id` text NOT NULL,
	`questionnaire_id` text NOT NULL,
	`version_number` integer NOT NULL,
	`title` text NOT NULL,
	`description` text,
	`language` text NOT NULL,
	`question_count` integer NOT NULL,
	`resource_json` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`practice_id`) REFERENCES `practices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`questionnaire_id`) REFERENCES `questionnaires`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `questionnaire_versions_number` ON `questionnaire_versions` (`questionnaire_id`,`version_number`);--> statement-breakpoint
CREATE TABLE `questionnaires` (
	`id` text PRIMARY KEY NOT NULL,
	`practice_id` text NOT NULL,
	`canonical_url` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`built_in` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`practice_id`) REFERENCES `practices`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `questionnaires_practice_url` ON `questionnaires` (`practice_id`,`canonical_url`);