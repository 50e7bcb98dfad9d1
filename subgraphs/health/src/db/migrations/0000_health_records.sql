CREATE TYPE "public"."camhs_status" AS ENUM('open', 'closed');--> statement-breakpoint
CREATE TYPE "public"."community_health_service" AS ENUM('health_visiting', 'school_nursing');--> statement-breakpoint
CREATE TYPE "public"."cpis_plan_type" AS ENUM('child_protection_plan', 'looked_after', 'unborn_child_protection_plan');--> statement-breakpoint
CREATE TYPE "public"."gender" AS ENUM('female', 'male', 'non_binary', 'not_known');--> statement-breakpoint
CREATE TYPE "public"."link_source" AS ENUM('seed_ground_truth', 'auto_match', 'researcher_confirmed');--> statement-breakpoint
CREATE TYPE "public"."sex" AS ENUM('female', 'male');--> statement-breakpoint
CREATE TYPE "public"."unscheduled_care_setting" AS ENUM('emergency_department', 'minor_injury_unit', 'walk_in_centre', 'gp_out_of_hours', 'nhs_111', 'ambulance');--> statement-breakpoint
CREATE TABLE "camhs_involvement" (
	"id" uuid PRIMARY KEY NOT NULL,
	"patient_id" varchar(10) NOT NULL,
	"referred_on" date NOT NULL,
	"status" "camhs_status" NOT NULL,
	"closed_on" date,
	"clinical_notes" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "community_health_contact" (
	"id" uuid PRIMARY KEY NOT NULL,
	"patient_id" varchar(10) NOT NULL,
	"contact_date" date NOT NULL,
	"service" "community_health_service" NOT NULL,
	"summary" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cpis_access" (
	"flag_id" uuid NOT NULL,
	"attendance_id" uuid NOT NULL,
	"accessed_at" timestamp with time zone NOT NULL,
	"setting" "unscheduled_care_setting" NOT NULL,
	CONSTRAINT "cpis_access_flag_id_attendance_id_pk" PRIMARY KEY("flag_id","attendance_id")
);
--> statement-breakpoint
CREATE TABLE "cpis_flag" (
	"id" uuid PRIMARY KEY NOT NULL,
	"patient_id" varchar(10) NOT NULL,
	"nhs_number" varchar(10) NOT NULL,
	"plan_type" "cpis_plan_type" NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"local_authority_name" text NOT NULL,
	"local_authority_code" varchar(9) NOT NULL,
	"local_authority_office_hours_phone" text NOT NULL,
	"local_authority_out_of_hours_phone" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gp_registration" (
	"id" serial PRIMARY KEY NOT NULL,
	"patient_id" varchar(10) NOT NULL,
	"practice_code" varchar(6) NOT NULL,
	"practice_name" text NOT NULL,
	"registered_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "maternity_episode" (
	"id" uuid PRIMARY KEY NOT NULL,
	"patient_id" varchar(10) NOT NULL,
	"booking_date" date NOT NULL,
	"expected_delivery_date" date NOT NULL,
	"concerns" text[] DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "patient" (
	"id" varchar(10) PRIMARY KEY NOT NULL,
	"nhs_number" varchar(10),
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
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "patient_alias" (
	"id" serial PRIMARY KEY NOT NULL,
	"patient_id" varchar(10) NOT NULL,
	"given_name" text NOT NULL,
	"family_name" text NOT NULL
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
CREATE TABLE "unscheduled_care_attendance" (
	"id" uuid PRIMARY KEY NOT NULL,
	"patient_id" varchar(10) NOT NULL,
	"attended_at" timestamp with time zone NOT NULL,
	"setting" "unscheduled_care_setting" NOT NULL,
	"presenting_complaint" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "camhs_involvement" ADD CONSTRAINT "camhs_involvement_patient_id_patient_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patient"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_health_contact" ADD CONSTRAINT "community_health_contact_patient_id_patient_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patient"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cpis_access" ADD CONSTRAINT "cpis_access_flag_id_cpis_flag_id_fk" FOREIGN KEY ("flag_id") REFERENCES "public"."cpis_flag"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cpis_access" ADD CONSTRAINT "cpis_access_attendance_id_unscheduled_care_attendance_id_fk" FOREIGN KEY ("attendance_id") REFERENCES "public"."unscheduled_care_attendance"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cpis_flag" ADD CONSTRAINT "cpis_flag_patient_id_patient_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patient"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gp_registration" ADD CONSTRAINT "gp_registration_patient_id_patient_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patient"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maternity_episode" ADD CONSTRAINT "maternity_episode_patient_id_patient_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patient"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_alias" ADD CONSTRAINT "patient_alias_patient_id_patient_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patient"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_link" ADD CONSTRAINT "subject_link_record_id_patient_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."patient"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unscheduled_care_attendance" ADD CONSTRAINT "unscheduled_care_attendance_patient_id_patient_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patient"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "camhs_involvement_patient_idx" ON "camhs_involvement" USING btree ("patient_id");--> statement-breakpoint
CREATE INDEX "community_health_contact_patient_idx" ON "community_health_contact" USING btree ("patient_id","contact_date");--> statement-breakpoint
CREATE INDEX "cpis_access_flag_idx" ON "cpis_access" USING btree ("flag_id","accessed_at");--> statement-breakpoint
CREATE INDEX "cpis_flag_patient_idx" ON "cpis_flag" USING btree ("patient_id");--> statement-breakpoint
CREATE INDEX "cpis_flag_nhs_number_idx" ON "cpis_flag" USING btree ("nhs_number");--> statement-breakpoint
CREATE INDEX "gp_registration_patient_idx" ON "gp_registration" USING btree ("patient_id","registered_on");--> statement-breakpoint
CREATE INDEX "maternity_episode_patient_idx" ON "maternity_episode" USING btree ("patient_id");--> statement-breakpoint
CREATE INDEX "patient_nhs_number_idx" ON "patient" USING btree ("nhs_number");--> statement-breakpoint
CREATE INDEX "patient_name_dob_idx" ON "patient" USING btree ("family_name","date_of_birth");--> statement-breakpoint
CREATE INDEX "patient_alias_patient_idx" ON "patient_alias" USING btree ("patient_id");--> statement-breakpoint
CREATE INDEX "subject_link_record_idx" ON "subject_link" USING btree ("record_id");--> statement-breakpoint
CREATE INDEX "unscheduled_care_attendance_patient_idx" ON "unscheduled_care_attendance" USING btree ("patient_id","attended_at");