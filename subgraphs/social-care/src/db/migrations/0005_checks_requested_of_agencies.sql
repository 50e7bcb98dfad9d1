CREATE TABLE "workflow_secret" (
	"name" text PRIMARY KEY NOT NULL,
	"secret" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "enquiry" ADD COLUMN "requested_agencies" text[] DEFAULT '{social_care,police,health,probation}'::text[] NOT NULL;--> statement-breakpoint
-- The key that signs decision bases (Enquiry.decisionBasis): 244 bits from PostgreSQL's strong random source.
INSERT INTO "workflow_secret" ("name", "secret") VALUES ('decision-basis', replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''));
