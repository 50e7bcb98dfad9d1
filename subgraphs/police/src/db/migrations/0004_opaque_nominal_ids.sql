ALTER TABLE "nominal" DROP CONSTRAINT "nominal_id_format";--> statement-breakpoint
ALTER TABLE "incident_involvement" ALTER COLUMN "nominal_id" SET DATA TYPE varchar(64);--> statement-breakpoint
ALTER TABLE "intelligence_item" ALTER COLUMN "nominal_id" SET DATA TYPE varchar(64);--> statement-breakpoint
ALTER TABLE "nominal" ALTER COLUMN "id" SET DATA TYPE varchar(64);--> statement-breakpoint
ALTER TABLE "nominal_alias" ALTER COLUMN "nominal_id" SET DATA TYPE varchar(64);--> statement-breakpoint
ALTER TABLE "offence" ALTER COLUMN "nominal_id" SET DATA TYPE varchar(64);--> statement-breakpoint
ALTER TABLE "police_notification" ALTER COLUMN "nominal_id" SET DATA TYPE varchar(64);--> statement-breakpoint
ALTER TABLE "subject_link" ALTER COLUMN "record_id" SET DATA TYPE varchar(64);--> statement-breakpoint
ALTER TABLE "warning_marker" ALTER COLUMN "nominal_id" SET DATA TYPE varchar(64);