CREATE TYPE "public"."gender" AS ENUM('female', 'male', 'non_binary', 'not_known');--> statement-breakpoint
CREATE TYPE "public"."licence_condition_type" AS ENUM('no_contact', 'exclusion_zone', 'residence', 'drug_testing', 'programme', 'curfew', 'non_association');--> statement-breakpoint
CREATE TYPE "public"."link_source" AS ENUM('seed_ground_truth', 'auto_match', 'researcher_confirmed');--> statement-breakpoint
CREATE TYPE "public"."mappa_category" AS ENUM('category_1', 'category_2', 'category_3');--> statement-breakpoint
CREATE TYPE "public"."mappa_level" AS ENUM('level_1', 'level_2', 'level_3');--> statement-breakpoint
CREATE TYPE "public"."rosh_level" AS ENUM('low', 'medium', 'high', 'very_high');--> statement-breakpoint
CREATE TYPE "public"."sex" AS ENUM('female', 'male');--> statement-breakpoint
CREATE TYPE "public"."supervision_type" AS ENUM('licence', 'post_sentence_supervision', 'community_order', 'suspended_sentence_order');--> statement-breakpoint
CREATE TABLE "licence_condition" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"type" "licence_condition_type" NOT NULL,
	"description" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "offender" (
	"crn" varchar(7) PRIMARY KEY NOT NULL,
	"given_name" text NOT NULL,
	"middle_names" text[] DEFAULT '{}' NOT NULL,
	"family_name" text NOT NULL,
	"sex" "sex",
	"gender" "gender",
	"date_of_birth" date,
	"pnc_id" varchar(13),
	"address_line1" text,
	"address_line2" text,
	"address_town" text,
	"address_postcode" text,
	"address_uprn" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "offender_alias" (
	"id" serial PRIMARY KEY NOT NULL,
	"crn" varchar(7) NOT NULL,
	"given_name" text NOT NULL,
	"family_name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "probation_case" (
	"id" uuid PRIMARY KEY NOT NULL,
	"crn" varchar(7) NOT NULL,
	"supervision_type" "supervision_type" NOT NULL,
	"offender_manager" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"index_offence" text NOT NULL,
	"mappa_category" "mappa_category",
	"mappa_level" "mappa_level",
	"rosh_overall" "rosh_level" NOT NULL,
	"rosh_children" "rosh_level" NOT NULL,
	"rosh_public" "rosh_level" NOT NULL,
	"rosh_known_adult" "rosh_level" NOT NULL,
	"rosh_staff" "rosh_level" NOT NULL,
	CONSTRAINT "probation_case_dates_check" CHECK ("probation_case"."end_date" >= "probation_case"."start_date"),
	CONSTRAINT "probation_case_mappa_check" CHECK (("probation_case"."mappa_category" is null) = ("probation_case"."mappa_level" is null))
);
--> statement-breakpoint
CREATE TABLE "protected_person" (
	"condition_id" uuid PRIMARY KEY NOT NULL,
	"given_name" text NOT NULL,
	"family_name" text NOT NULL,
	"address_line1" text,
	"address_line2" text,
	"address_town" text,
	"address_postcode" text,
	"address_uprn" text
);
--> statement-breakpoint
CREATE TABLE "subject_link" (
	"subject_id" uuid NOT NULL,
	"record_id" varchar(7) NOT NULL,
	"source" "link_source" NOT NULL,
	"linked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"linked_by" text,
	CONSTRAINT "subject_link_subject_id_record_id_pk" PRIMARY KEY("subject_id","record_id")
);
--> statement-breakpoint
ALTER TABLE "licence_condition" ADD CONSTRAINT "licence_condition_case_id_probation_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."probation_case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offender_alias" ADD CONSTRAINT "offender_alias_crn_offender_crn_fk" FOREIGN KEY ("crn") REFERENCES "public"."offender"("crn") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "probation_case" ADD CONSTRAINT "probation_case_crn_offender_crn_fk" FOREIGN KEY ("crn") REFERENCES "public"."offender"("crn") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protected_person" ADD CONSTRAINT "protected_person_condition_id_licence_condition_id_fk" FOREIGN KEY ("condition_id") REFERENCES "public"."licence_condition"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_link" ADD CONSTRAINT "subject_link_record_id_offender_crn_fk" FOREIGN KEY ("record_id") REFERENCES "public"."offender"("crn") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "licence_condition_case_idx" ON "licence_condition" USING btree ("case_id","position");--> statement-breakpoint
CREATE INDEX "offender_name_idx" ON "offender" USING btree ("family_name","given_name");--> statement-breakpoint
CREATE INDEX "offender_date_of_birth_idx" ON "offender" USING btree ("date_of_birth");--> statement-breakpoint
CREATE INDEX "offender_pnc_id_idx" ON "offender" USING btree ("pnc_id");--> statement-breakpoint
CREATE INDEX "offender_alias_crn_idx" ON "offender_alias" USING btree ("crn");--> statement-breakpoint
CREATE INDEX "probation_case_crn_idx" ON "probation_case" USING btree ("crn","start_date");--> statement-breakpoint
CREATE INDEX "subject_link_record_idx" ON "subject_link" USING btree ("record_id");