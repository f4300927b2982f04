CREATE TABLE `client_staff` (
	`client_id` text NOT NULL,
	`staff_id` text NOT NULL,
	`practice_id` text NOT NULL,
	PRIMARY KEY(`client_id`, `staff_id`),
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`staff_id`) REFERENCES `staff_members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`practice_id`) REFERENCES `practices`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `role_permissions` (
	`role_id` text NOT NULL,
	`practice_id` text NOT NULL,
	`permission` text NOT NULL,
	PRIMARY KEY(`role_id`, `permission`),
	FOREIGN KEY (`role_id`) REFERENCES `roles`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`practice_id`) REFERENCES `practices`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `roles` (
	`id` text PRIMARY KEY NOT NULL,
	`practice_id` text NOT NULL,
	`name` text NOT NULL,
	`system_key` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`practice_id`) REFERENCES `practices`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `roles_practice_name` ON `roles` (`practice_id`,`name`);--> statement-breakpoint
CREATE UNIQUE INDEX `roles_practice_system_key` ON `roles` (`practice_id`,`system_key`);--> statement-breakpoint
CREATE TABLE `staff_roles` (
	`staff_id` text NOT NULL,
	`role_id` text NOT NULL,
	`practice_id` text NOT NULL,
	PRIMARY KEY(`staff_id`, `role_id`),
	FOREIGN KEY (`staff_id`) REFERENCES `staff_members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`role_id`) REFERENCES `roles`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`practice_id`) REFERENCES `practices`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `practices` ADD `logo_storage_key` text;