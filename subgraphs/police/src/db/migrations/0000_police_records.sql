CREATE TYPE "public"."arrest_outcome" AS ENUM('charged', 'cautioned', 'community_resolution', 'released_under_investigation', 'bailed', 'no_further_action');--> statement-breakpoint
CREATE TYPE "public"."dash_risk" AS ENUM('standard', 'medium', 'high');--> statement-breakpoint
CREATE TYPE "public"."gender" AS ENUM('female', 'male', 'non_binary', 'not_known');--> statement-breakpoint
CREATE TYPE "public"."handling_code" AS ENUM('p', 'c');--> statement-breakpoint
CREATE TYPE "public"."incident_role" AS ENUM('victim', 'perpetrator', 'child_present');--> statement-breakpoint
CREATE TYPE "public"."intelligence_assessment" AS ENUM('a', 'b', 'c', 'd', 'e');--> statement-breakpoint
CREATE TYPE "public"."link_source" AS ENUM('seed_ground_truth', 'auto_match', 'researcher_confirmed');--> statement-breakpoint
CREATE TYPE "public"."notification_category" AS ENUM('child_at_risk', 'domestic_abuse_child_present', 'missing_person', 'vulnerable_adult', 'child_exploitation');--> statement-breakpoint
CREATE TYPE "public"."offence_category" AS ENUM('violence_against_the_person', 'sexual_offences', 'robbery', 'theft', 'criminal_damage', 'drug_offences', 'possession_of_weapons', 'public_order', 'fraud');--> statement-breakpoint
CREATE TYPE "public"."sex" AS ENUM('female', 'male');--> statement-breakpoint
CREATE TYPE "public"."warning_marker_code" AS ENUM('at', 'co', 'dr', 'es', 'ex', 'fi', 'im', 'mh', 'sh', 'su', 'vi', 'we');--> statement-breakpoint
CREATE TABLE "domestic_abuse_incident" (
	"id" uuid PRIMARY KEY NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"dash_risk" "dash_risk" NOT NULL,
	"marac_referral" boolean NOT NULL,
	"summary" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incident_involvement" (
	"incident_id" uuid NOT NULL,
	"nominal_id" varchar(10) NOT NULL,
	"role" "incident_role" NOT NULL,
	CONSTRAINT "incident_involvement_incident_id_nominal_id_role_pk" PRIMARY KEY("incident_id","nominal_id","role")
);
--> statement-breakpoint
CREATE TABLE "intelligence_item" (
	"id" uuid PRIMARY KEY NOT NULL,
	"nominal_id" varchar(10) NOT NULL,
	"recorded_on" date NOT NULL,
	"source_evaluation" smallint NOT NULL,
	"intelligence_assessment" "intelligence_assessment" NOT NULL,
	"handling_code" "handling_code" NOT NULL,
	"sanitised_text" text NOT NULL,
	CONSTRAINT "intelligence_item_source_evaluation" CHECK ("intelligence_item"."source_evaluation" between 1 and 3)
);
--> statement-breakpoint
CREATE TABLE "nominal" (
	"id" varchar(10) PRIMARY KEY NOT NULL,
	"given_name" text NOT NULL,
	"middle_names" text[] DEFAULT '{}' NOT NULL,
	"family_name" text NOT NULL,
	"sex" "sex",
	"gender" "gender",
	"date_of_birth" date,
	"address_line1" text,
	"address_line2" text,
	"address_town" text,
	"address_postcode" text,
	"address_uprn" text,
	"pnc_id" varchar(13),
	"cro_number" varchar(12),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "nominal_id_format" CHECK ("nominal"."id" ~ '^NOM[0-9]{7}$'),
	CONSTRAINT "nominal_pnc_id_canonical" CHECK ("nominal"."pnc_id" ~ '^[0-9]{4}/[0-9]{7}[A-Z]$'),
	CONSTRAINT "nominal_cro_number_canonical" CHECK ("nominal"."cro_number" ~ '^([0-9]{6}/[0-9]{2}[A-Z]|SF[0-9]{2}/[0-9]{1,6}[A-Z])$')
);
--> statement-breakpoint
CREATE TABLE "nominal_alias" (
	"id" serial PRIMARY KEY NOT NULL,
	"nominal_id" varchar(10) NOT NULL,
	"given_name" text NOT NULL,
	"family_name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "offence" (
	"id" uuid PRIMARY KEY NOT NULL,
	"nominal_id" varchar(10) NOT NULL,
	"committed_on" date NOT NULL,
	"category" "offence_category" NOT NULL,
	"description" text NOT NULL,
	"arrested_on" date,
	"arrest_outcome" "arrest_outcome",
	CONSTRAINT "offence_arrest_complete" CHECK (("offence"."arrested_on" is null) = ("offence"."arrest_outcome" is null))
);
--> statement-breakpoint
CREATE TABLE "police_notification" (
	"id" uuid PRIMARY KEY NOT NULL,
	"nominal_id" varchar(10) NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"category" "notification_category" NOT NULL,
	"summary" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subject_link" (
	"subject_id" uuid NOT NULL,
	"record_id" varchar(10) NOT NULL,
	"source" "link_source" NOT NULL,
	"linked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"linked_by" text,
	CONSTRAINT "subject_link_subject_id_record_id_pk" PRIMARY KEY("subject_id","record_id")
);
--> statement-breakpoint
CREATE TABLE "warning_marker" (
	"id" serial PRIMARY KEY NOT NULL,
	"nominal_id" varchar(10) NOT NULL,
	"code" "warning_marker_code" NOT NULL,
	"added_on" date NOT NULL
);
--> statement-breakpoint
ALTER TABLE "incident_involvement" ADD CONSTRAINT "incident_involvement_incident_id_domestic_abuse_incident_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."domestic_abuse_incident"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_involvement" ADD CONSTRAINT "incident_involvement_nominal_id_nominal_id_fk" FOREIGN KEY ("nominal_id") REFERENCES "public"."nominal"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intelligence_item" ADD CONSTRAINT "intelligence_item_nominal_id_nominal_id_fk" FOREIGN KEY ("nominal_id") REFERENCES "public"."nominal"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nominal_alias" ADD CONSTRAINT "nominal_alias_nominal_id_nominal_id_fk" FOREIGN KEY ("nominal_id") REFERENCES "public"."nominal"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offence" ADD CONSTRAINT "offence_nominal_id_nominal_id_fk" FOREIGN KEY ("nominal_id") REFERENCES "public"."nominal"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "police_notification" ADD CONSTRAINT "police_notification_nominal_id_nominal_id_fk" FOREIGN KEY ("nominal_id") REFERENCES "public"."nominal"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_link" ADD CONSTRAINT "subject_link_record_id_nominal_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."nominal"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warning_marker" ADD CONSTRAINT "warning_marker_nominal_id_nominal_id_fk" FOREIGN KEY ("nominal_id") REFERENCES "public"."nominal"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "incident_involvement_nominal_idx" ON "incident_involvement" USING btree ("nominal_id");--> statement-breakpoint
CREATE INDEX "intelligence_item_nominal_idx" ON "intelligence_item" USING btree ("nominal_id","recorded_on");--> statement-breakpoint
CREATE INDEX "nominal_pnc_id_idx" ON "nominal" USING btree ("pnc_id");--> statement-breakpoint
CREATE INDEX "nominal_cro_number_idx" ON "nominal" USING btree ("cro_number");--> statement-breakpoint
CREATE INDEX "nominal_name_idx" ON "nominal" USING btree ("family_name","given_name");--> statement-breakpoint
CREATE INDEX "nominal_date_of_birth_idx" ON "nominal" USING btree ("date_of_birth");--> statement-breakpoint
CREATE INDEX "nominal_postcode_idx" ON "nominal" USING btree ("address_postcode");--> statement-breakpoint
CREATE INDEX "nominal_alias_nominal_idx" ON "nominal_alias" USING btree ("nominal_id");--> statement-breakpoint
CREATE INDEX "offence_nominal_idx" ON "offence" USING btree ("nominal_id","committed_on");--> statement-breakpoint
CREATE INDEX "police_notification_nominal_idx" ON "police_notification" USING btree ("nominal_id","raised_at");--> statement-breakpoint
CREATE INDEX "subject_link_record_idx" ON "subject_link" USING btree ("record_id");--> statement-breakpoint
CREATE INDEX "warning_marker_nominal_idx" ON "warning_marker" USING btree ("nominal_id");