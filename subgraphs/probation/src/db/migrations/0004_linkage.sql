CREATE TYPE "public"."link_event_kind" AS ENUM('proposed', 'auto_linked', 'auto_link_withdrawn', 'confirmed', 'rejected', 'revoked');--> statement-breakpoint
ALTER TYPE "public"."match_status" ADD VALUE 'revoked';--> statement-breakpoint
CREATE TABLE "link_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject_id" uuid NOT NULL,
	"record_id" text NOT NULL,
	"kind" "link_event_kind" NOT NULL,
	"score" real,
	"band" "match_band",
	"actor" text,
	"reason" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "match_candidate" ADD COLUMN "conflict" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "link_event_pair_idx" ON "link_event" USING btree ("subject_id","record_id");--> statement-breakpoint
CREATE INDEX "link_event_record_idx" ON "link_event" USING btree ("record_id");