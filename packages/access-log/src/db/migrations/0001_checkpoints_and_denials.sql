CREATE TYPE "public"."access_entry_kind" AS ENUM('access', 'mutation_intent', 'refused', 'refusals_counted');--> statement-breakpoint
ALTER TYPE "public"."access_outcome" ADD VALUE 'nothing_returned';--> statement-breakpoint
ALTER TYPE "public"."access_outcome" ADD VALUE 'pending';--> statement-breakpoint
CREATE TABLE "access_log_archive" (
	"to_seq" bigint PRIMARY KEY NOT NULL,
	"from_seq" bigint NOT NULL,
	"month" text NOT NULL,
	"prev_hash" text NOT NULL,
	"last_hash" text NOT NULL,
	"entries" integer NOT NULL,
	"file_name" text NOT NULL,
	"file_sha256" text NOT NULL,
	"archived_at" timestamp with time zone NOT NULL,
	"jws" text NOT NULL,
	CONSTRAINT "access_log_archive_month_unique" UNIQUE("month")
);
--> statement-breakpoint
CREATE TABLE "access_log_checkpoint" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"hash" text NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	"jws" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "access_log_entry" ADD COLUMN "hash_version" smallint DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "access_log_entry" ADD COLUMN "kind" "access_entry_kind" DEFAULT 'access' NOT NULL;--> statement-breakpoint
ALTER TABLE "access_log_entry" ADD COLUMN "client_request_id" text;--> statement-breakpoint
ALTER TABLE "access_log_entry" ADD COLUMN "fields_requested" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "access_log_entry" ADD COLUMN "denials" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "access_log_entry" ADD COLUMN "arguments" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "access_log_entry" ADD COLUMN "request_count" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "access_log_entry" ADD COLUMN "counted_since" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "access_log_request_idx" ON "access_log_entry" USING btree ("request_id");