CREATE TYPE "public"."access_outcome" AS ENUM('returned', 'denied', 'rejected');--> statement-breakpoint
CREATE TABLE "access_log_entry" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"id" uuid NOT NULL,
	"request_id" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"principal_id" text NOT NULL,
	"principal_agency" text,
	"principal_roles" text[] NOT NULL,
	"purpose_enquiry_id" uuid,
	"operation_name" text,
	"operation_type" text NOT NULL,
	"subject_ids" uuid[] NOT NULL,
	"subjects_outside_purpose" uuid[] NOT NULL,
	"fields_returned" text[] NOT NULL,
	"fields_denied" text[] NOT NULL,
	"break_glass_grant_ids" text[] NOT NULL,
	"outcome" "access_outcome" NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "access_log_entry_id_unique" UNIQUE("id")
);
--> statement-breakpoint
CREATE INDEX "access_log_occurred_at_idx" ON "access_log_entry" USING btree ("occurred_at");--> statement-breakpoint
CREATE INDEX "access_log_principal_idx" ON "access_log_entry" USING btree ("principal_id","occurred_at");--> statement-breakpoint
CREATE INDEX "access_log_purpose_idx" ON "access_log_entry" USING btree ("purpose_enquiry_id");--> statement-breakpoint
CREATE INDEX "access_log_subjects_idx" ON "access_log_entry" USING gin ("subject_ids");