CREATE TYPE "public"."break_glass_review_status" AS ENUM('pending', 'upheld', 'not_upheld');--> statement-breakpoint
CREATE TYPE "public"."enquiry_status" AS ENUM('open', 'decided', 'closed');--> statement-breakpoint
CREATE TABLE "break_glass_grant" (
	"id" uuid PRIMARY KEY NOT NULL,
	"principal_id" text NOT NULL,
	"principal_agency" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"enquiry_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"review_status" "break_glass_review_status" DEFAULT 'pending' NOT NULL,
	"reviewed_by" text,
	"reviewed_at" timestamp with time zone,
	"review_note" text
);
--> statement-breakpoint
CREATE TABLE "enquiry" (
	"id" uuid PRIMARY KEY NOT NULL,
	"subject_id" uuid NOT NULL,
	"status" "enquiry_status" DEFAULT 'open' NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"opened_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enquiry_participant" (
	"enquiry_id" uuid NOT NULL,
	"principal_id" text NOT NULL,
	"agency" text NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enquiry_participant_enquiry_id_principal_id_pk" PRIMARY KEY("enquiry_id","principal_id")
);
--> statement-breakpoint
ALTER TABLE "break_glass_grant" ADD CONSTRAINT "break_glass_grant_subject_id_person_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "break_glass_grant" ADD CONSTRAINT "break_glass_grant_enquiry_id_enquiry_id_fk" FOREIGN KEY ("enquiry_id") REFERENCES "public"."enquiry"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enquiry" ADD CONSTRAINT "enquiry_subject_id_person_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enquiry_participant" ADD CONSTRAINT "enquiry_participant_enquiry_id_enquiry_id_fk" FOREIGN KEY ("enquiry_id") REFERENCES "public"."enquiry"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "break_glass_grant_principal_idx" ON "break_glass_grant" USING btree ("principal_id","enquiry_id");--> statement-breakpoint
CREATE INDEX "break_glass_grant_review_idx" ON "break_glass_grant" USING btree ("review_status");--> statement-breakpoint
CREATE INDEX "enquiry_subject_idx" ON "enquiry" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "enquiry_participant_principal_idx" ON "enquiry_participant" USING btree ("principal_id");