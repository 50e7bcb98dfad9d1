CREATE TYPE "public"."match_band" AS ENUM('certain', 'probable', 'possible');--> statement-breakpoint
CREATE TYPE "public"."match_status" AS ENUM('pending', 'auto_linked', 'confirmed', 'rejected');--> statement-breakpoint
CREATE TABLE "mash_subject" (
	"subject_id" uuid PRIMARY KEY NOT NULL,
	"given_name" text,
	"middle_names" text[] DEFAULT '{}' NOT NULL,
	"family_name" text,
	"aliases" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"date_of_birth" date,
	"sex" text,
	"address_line1" text,
	"address_postcode" text,
	"strong_identifier" text,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "match_candidate" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject_id" uuid NOT NULL,
	"record_id" text NOT NULL,
	"score" real NOT NULL,
	"band" "match_band" NOT NULL,
	"reasons" jsonb NOT NULL,
	"status" "match_status" DEFAULT 'pending' NOT NULL,
	"proposed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" text,
	"decision_reason" text
);
--> statement-breakpoint
ALTER TABLE "match_candidate" ADD CONSTRAINT "match_candidate_record_id_patient_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."patient"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mash_subject_date_of_birth_idx" ON "mash_subject" USING btree ("date_of_birth");--> statement-breakpoint
CREATE INDEX "mash_subject_postcode_idx" ON "mash_subject" USING btree ("address_postcode");--> statement-breakpoint
CREATE INDEX "mash_subject_strong_identifier_idx" ON "mash_subject" USING btree ("strong_identifier");--> statement-breakpoint
CREATE INDEX "mash_subject_name_idx" ON "mash_subject" USING btree (upper("family_name"),upper("given_name"));--> statement-breakpoint
CREATE UNIQUE INDEX "match_candidate_pair_idx" ON "match_candidate" USING btree ("subject_id","record_id");--> statement-breakpoint
CREATE INDEX "match_candidate_record_idx" ON "match_candidate" USING btree ("record_id");--> statement-breakpoint
CREATE INDEX "patient_date_of_birth_idx" ON "patient" USING btree ("date_of_birth");--> statement-breakpoint
CREATE INDEX "patient_postcode_idx" ON "patient" USING btree ("address_postcode");--> statement-breakpoint
CREATE INDEX "patient_upper_name_idx" ON "patient" USING btree (upper("family_name"),upper("given_name"));