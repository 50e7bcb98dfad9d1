CREATE TYPE "public"."consent_decision" AS ENUM('given', 'not_sought', 'refused_overridden');--> statement-breakpoint
CREATE TYPE "public"."contact_person_role" AS ENUM('subject', 'household_member', 'other');--> statement-breakpoint
CREATE TYPE "public"."enquiry_outcome" AS ENUM('no_further_action', 'advice', 'early_help', 'child_in_need_assessment_s17', 'strategy_discussion_s47', 'police_action', 'adult_s42_enquiry', 'forward_to_allocated_worker');--> statement-breakpoint
CREATE TYPE "public"."enquiry_rating" AS ENUM('red', 'amber', 'green', 'blue');--> statement-breakpoint
CREATE TYPE "public"."mash_contact_status" AS ENUM('awaiting_screening', 'routed_to_allocated_worker', 'in_enquiry', 'decided');--> statement-breakpoint
ALTER TYPE "public"."enquiry_status" ADD VALUE 'rated' BEFORE 'decided';--> statement-breakpoint
CREATE TABLE "enquiry_check_subject" (
	"enquiry_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"role" "contact_person_role" NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	CONSTRAINT "enquiry_check_subject_enquiry_id_person_id_pk" PRIMARY KEY("enquiry_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "enquiry_decision" (
	"enquiry_id" uuid PRIMARY KEY NOT NULL,
	"outcome" "enquiry_outcome" NOT NULL,
	"rationale" text NOT NULL,
	"referrer_feedback" text NOT NULL,
	"outstanding_agencies" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"outstanding_checks_override_reason" text,
	"decided_by" text NOT NULL,
	"decided_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enquiry_rating_change" (
	"id" serial PRIMARY KEY NOT NULL,
	"enquiry_id" uuid NOT NULL,
	"from_rating" "enquiry_rating",
	"to_rating" "enquiry_rating" NOT NULL,
	"rationale" text NOT NULL,
	"changed_by" text NOT NULL,
	"changed_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "mash_contact" (
	"id" uuid PRIMARY KEY NOT NULL,
	"referrer_id" text NOT NULL,
	"referrer_agency" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"payload_hash" text NOT NULL,
	"referrer_name" text NOT NULL,
	"referrer_role" text NOT NULL,
	"referrer_organisation" text NOT NULL,
	"referrer_type" "referrer_type" NOT NULL,
	"referrer_phone" text,
	"referrer_email" text,
	"concern" "concern_category" NOT NULL,
	"summary" text NOT NULL,
	"consent" "consent_decision" NOT NULL,
	"consent_reason" text,
	"received_at" timestamp with time zone NOT NULL,
	"status" "mash_contact_status" NOT NULL,
	"subject_person_id" uuid,
	"routed_to_worker" text,
	"routed_to_team" text
);
--> statement-breakpoint
CREATE TABLE "mash_contact_person" (
	"id" serial PRIMARY KEY NOT NULL,
	"contact_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"role" "contact_person_role" NOT NULL,
	"given_name" text NOT NULL,
	"family_name" text NOT NULL,
	"date_of_birth" date,
	"nhs_number" varchar(10),
	"relationship_to_subject" text,
	"address_line1" text,
	"address_line2" text,
	"address_town" text,
	"address_postcode" text,
	"address_uprn" text,
	"person_id" uuid
);
--> statement-breakpoint
ALTER TABLE "enquiry" ADD COLUMN "contact_id" uuid;--> statement-breakpoint
ALTER TABLE "enquiry" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "enquiry" ADD COLUMN "rating" "enquiry_rating";--> statement-breakpoint
ALTER TABLE "enquiry" ADD COLUMN "checks_requested_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "enquiry" ADD COLUMN "checks_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "enquiry" ADD COLUMN "closed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "enquiry" ADD COLUMN "closed_by" text;--> statement-breakpoint
ALTER TABLE "enquiry_check_subject" ADD CONSTRAINT "enquiry_check_subject_enquiry_id_enquiry_id_fk" FOREIGN KEY ("enquiry_id") REFERENCES "public"."enquiry"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enquiry_check_subject" ADD CONSTRAINT "enquiry_check_subject_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enquiry_decision" ADD CONSTRAINT "enquiry_decision_enquiry_id_enquiry_id_fk" FOREIGN KEY ("enquiry_id") REFERENCES "public"."enquiry"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enquiry_rating_change" ADD CONSTRAINT "enquiry_rating_change_enquiry_id_enquiry_id_fk" FOREIGN KEY ("enquiry_id") REFERENCES "public"."enquiry"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mash_contact" ADD CONSTRAINT "mash_contact_subject_person_id_person_id_fk" FOREIGN KEY ("subject_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mash_contact_person" ADD CONSTRAINT "mash_contact_person_contact_id_mash_contact_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."mash_contact"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mash_contact_person" ADD CONSTRAINT "mash_contact_person_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "enquiry_check_subject_person_idx" ON "enquiry_check_subject" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "enquiry_rating_change_enquiry_idx" ON "enquiry_rating_change" USING btree ("enquiry_id","changed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "mash_contact_idempotency_idx" ON "mash_contact" USING btree ("referrer_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "mash_contact_status_idx" ON "mash_contact" USING btree ("status","received_at");--> statement-breakpoint
CREATE INDEX "mash_contact_subject_idx" ON "mash_contact" USING btree ("subject_person_id","received_at");--> statement-breakpoint
CREATE INDEX "mash_contact_person_contact_idx" ON "mash_contact_person" USING btree ("contact_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "enquiry_contact_idx" ON "enquiry" USING btree ("contact_id");--> statement-breakpoint
CREATE INDEX "enquiry_queue_idx" ON "enquiry" USING btree ("status","checks_due_at");