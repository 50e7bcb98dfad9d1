ALTER TABLE "camhs_involvement" ALTER COLUMN "patient_id" SET DATA TYPE varchar(64);--> statement-breakpoint
ALTER TABLE "community_health_contact" ALTER COLUMN "patient_id" SET DATA TYPE varchar(64);--> statement-breakpoint
ALTER TABLE "cpis_flag" ALTER COLUMN "patient_id" SET DATA TYPE varchar(64);--> statement-breakpoint
ALTER TABLE "gp_registration" ALTER COLUMN "patient_id" SET DATA TYPE varchar(64);--> statement-breakpoint
ALTER TABLE "maternity_episode" ALTER COLUMN "patient_id" SET DATA TYPE varchar(64);--> statement-breakpoint
ALTER TABLE "patient" ALTER COLUMN "id" SET DATA TYPE varchar(64);--> statement-breakpoint
ALTER TABLE "patient_alias" ALTER COLUMN "patient_id" SET DATA TYPE varchar(64);--> statement-breakpoint
ALTER TABLE "subject_link" ALTER COLUMN "record_id" SET DATA TYPE varchar(64);--> statement-breakpoint
ALTER TABLE "unscheduled_care_attendance" ALTER COLUMN "patient_id" SET DATA TYPE varchar(64);