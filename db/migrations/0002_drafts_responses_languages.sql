CREATE TABLE `questionnaire_drafts` (
	`assignment_id` text PRIMARY KEY NOT NULL,
	`practice_id` text NOT NULL,
	`client_id` text NOT NULL,
	`answers_json` text NOT NULL,
	`revision` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`assignment_id`) REFERENCES `assignments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`practice_id`) REFERENCES `practices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `questionnaire_responses` (
	`id` text PRIMARY KEY NOT NULL,
	`practice_id` text NOT NULL,
	`client_id` text NOT NULL,
	`assignment_id` text NOT NULL,
	`questionnaire_version_id` text NOT NULL,
	`answers_json` text NOT NULL,
	`resource_json` text NOT NULL,
	`score_instrument` text,
	`score_total` integer,
	`score_band` text,
	`authored_at` integer NOT NULL,
	FOREIGN KEY (`practice_id`) REFERENCES `practices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assignment_id`) REFERENCES `assignments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`questionnaire_version_id`) REFERENCES `questionnaire_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `questionnaire_responses_assignment_id_unique` ON `questionnaire_responses` (`assignment_id`);--> statement-breakpoint
CREATE INDEX `questionnaire_responses_client` ON `questionnaire_responses` (`practice_id`,`client_id`);--> statement-breakpoint
DROP INDEX `questionnaires_practice_url`;--> statement-breakpoint
ALTER TABLE `questionnaires` ADD `language` text DEFAULT 'nl' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `questionnaires_practice_url_language` ON `questionnaires` (`practice_id`,`canonical_url`,`language`);