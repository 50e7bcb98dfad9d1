CREATE TYPE "public"."adult_safeguarding_outcome" AS ENUM('risk_removed', 'risk_reduced', 'risk_remains', 'no_further_action', 'ongoing');--> statement-breakpoint
CREATE TYPE "public"."care_act_category" AS ENUM('physical', 'domestic', 'sexual', 'psychological', 'financial', 'modern_slavery', 'discriminatory', 'organisational', 'neglect', 'self_neglect');--> statement-breakpoint
CREATE TYPE "public"."cin_primary_need" AS ENUM('n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'n7', 'n8', 'n9');--> statement-breakpoint
CREATE TYPE "public"."concern_category" AS ENUM('neglect', 'physical_abuse', 'emotional_abuse', 'sexual_abuse', 'domestic_abuse', 'child_sexual_exploitation', 'child_criminal_exploitation', 'parental_mental_health', 'parental_substance_misuse', 'missing_from_home', 'self_harm', 'self_neglect', 'financial_abuse');--> statement-breakpoint
CREATE TYPE "public"."consent_status" AS ENUM('given', 'refused', 'not_sought');--> statement-breakpoint
CREATE TYPE "public"."contact_outcome" AS ENUM('no_further_action', 'information_and_advice', 'early_help', 'child_in_need_assessment', 'strategy_discussion', 'police_action', 'adult_s42_enquiry', 'forwarded_to_allocated_worker');--> statement-breakpoint
CREATE TYPE "public"."cp_category" AS ENUM('neglect', 'physical_abuse', 'emotional_abuse', 'sexual_abuse', 'multiple');--> statement-breakpoint
CREATE TYPE "public"."gender" AS ENUM('female', 'male', 'non_binary', 'not_known');--> statement-breakpoint
CREATE TYPE "public"."legal_status" AS ENUM('c1', 'c2', 'e1', 'j1', 'j2', 'l1', 'l2', 'v2', 'v3');--> statement-breakpoint
CREATE TYPE "public"."placement_type" AS ENUM('foster', 'kinship', 'residential', 'placed_with_parents', 'independent_living');--> statement-breakpoint
CREATE TYPE "public"."referrer_type" AS ENUM('school', 'police', 'health_visitor', 'gp', 'hospital', 'early_years', 'housing', 'probation', 'family_member', 'member_of_public', 'anonymous', 'self');--> statement-breakpoint
CREATE TYPE "public"."relationship_type" AS ENUM('parent', 'step_parent', 'partner', 'ex_partner', 'sibling', 'half_sibling', 'grandparent', 'other_relative', 'lodger');--> statement-breakpoint
CREATE TYPE "public"."sex" AS ENUM('female', 'male');--> statement-breakpoint
CREATE TABLE "adult_safeguarding_concern" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"category" "care_act_category" NOT NULL,
	"s42_enquiry" boolean NOT NULL,
	"outcome" "adult_safeguarding_outcome" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "allocation" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"worker_name" text NOT NULL,
	"team" text NOT NULL,
	"since" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "child_in_need_episode" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"primary_need" "cin_primary_need" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "child_protection_plan" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"category" "cp_category" NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"unborn" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contact" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"referrer_type" "referrer_type" NOT NULL,
	"concern" "concern_category" NOT NULL,
	"summary" text NOT NULL,
	"consent" "consent_status" NOT NULL,
	"consent_reason" text,
	"outcome" "contact_outcome" NOT NULL,
	"decided_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "early_help_episode" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"lead_professional" text NOT NULL,
	"focus" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "household" (
	"id" uuid PRIMARY KEY NOT NULL,
	"address_line1" text,
	"address_line2" text,
	"address_town" text,
	"address_postcode" text,
	"address_uprn" text
);
--> statement-breakpoint
CREATE TABLE "looked_after_episode" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"legal_status" "legal_status" NOT NULL,
	"placement_type" "placement_type" NOT NULL,
	"address_line1" text,
	"address_line2" text,
	"address_town" text,
	"address_postcode" text,
	"address_uprn" text
);
--> statement-breakpoint
CREATE TABLE "person" (
	"id" uuid PRIMARY KEY NOT NULL,
	"given_name" text NOT NULL,
	"middle_names" text[] DEFAULT '{}' NOT NULL,
	"family_name" text NOT NULL,
	"sex" "sex",
	"gender" "gender",
	"date_of_birth" date,
	"nhs_number" varchar(10),
	"upn" varchar(13),
	"address_line1" text,
	"address_line2" text,
	"address_town" text,
	"address_postcode" text,
	"address_uprn" text,
	"household_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "person_alias" (
	"id" serial PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"given_name" text NOT NULL,
	"family_name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "relationship" (
	"id" serial PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"related_person_id" uuid NOT NULL,
	"type" "relationship_type" NOT NULL,
	"lives_together" boolean NOT NULL
);
--> statement-breakpoint
ALTER TABLE "adult_safeguarding_concern" ADD CONSTRAINT "adult_safeguarding_concern_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation" ADD CONSTRAINT "allocation_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_in_need_episode" ADD CONSTRAINT "child_in_need_episode_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_protection_plan" ADD CONSTRAINT "child_protection_plan_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact" ADD CONSTRAINT "contact_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "early_help_episode" ADD CONSTRAINT "early_help_episode_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "looked_after_episode" ADD CONSTRAINT "looked_after_episode_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person" ADD CONSTRAINT "person_household_id_household_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."household"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_alias" ADD CONSTRAINT "person_alias_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationship" ADD CONSTRAINT "relationship_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationship" ADD CONSTRAINT "relationship_related_person_id_person_id_fk" FOREIGN KEY ("related_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "adult_safeguarding_concern_person_idx" ON "adult_safeguarding_concern" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "child_in_need_episode_person_idx" ON "child_in_need_episode" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "child_protection_plan_person_idx" ON "child_protection_plan" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "contact_person_idx" ON "contact" USING btree ("person_id","received_at");--> statement-breakpoint
CREATE INDEX "early_help_episode_person_idx" ON "early_help_episode" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "looked_after_episode_person_idx" ON "looked_after_episode" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "person_name_order_idx" ON "person" USING btree ("family_name","given_name","id");--> statement-breakpoint
CREATE INDEX "person_household_idx" ON "person" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "person_date_of_birth_idx" ON "person" USING btree ("date_of_birth");--> statement-breakpoint
CREATE INDEX "person_postcode_idx" ON "person" USING btree ("address_postcode");--> statement-breakpoint
CREATE INDEX "person_nhs_number_idx" ON "person" USING btree ("nhs_number");--> statement-breakpoint
CREATE INDEX "person_alias_person_idx" ON "person_alias" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "relationship_person_idx" ON "relationship" USING btree ("person_id");