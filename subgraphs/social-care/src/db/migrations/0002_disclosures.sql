CREATE TYPE "public"."disclosure_decision" AS ENUM('shared', 'nothing_known', 'declined');--> statement-breakpoint
CREATE TYPE "public"."lawful_basis" AS ENUM('uk_gdpr_art_6_1_c_legal_obligation', 'uk_gdpr_art_6_1_e_public_task', 'uk_gdpr_art_9_2_g_substantial_public_interest', 'uk_gdpr_art_9_2_h_health_and_social_care', 'dpa_2018_sch_1_para_18_safeguarding', 'dpa_2018_sch_1_para_10_crime');--> statement-breakpoint
CREATE TABLE "disclosure" (
	"id" uuid PRIMARY KEY NOT NULL,
	"enquiry_id" uuid NOT NULL,
	"subject_ids" uuid[] NOT NULL,
	"decision" "disclosure_decision" NOT NULL,
	"summary" text,
	"shared_record_ids" text[] NOT NULL,
	"lawful_basis" "lawful_basis"[] NOT NULL,
	"decline_reason" text,
	"recipients" text NOT NULL,
	"decided_by" text NOT NULL,
	"decided_by_agency" text NOT NULL,
	"decided_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "disclosure_enquiry_idx" ON "disclosure" USING btree ("enquiry_id","decided_at");