ALTER TABLE "enquiry" ADD COLUMN "rating" text;--> statement-breakpoint
ALTER TABLE "enquiry" ADD COLUMN "checks_due_at" timestamp with time zone;