CREATE TABLE "import_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"agency" text NOT NULL,
	"record_type" text NOT NULL,
	"record_id" text NOT NULL,
	"previous" jsonb NOT NULL,
	"replaced_at" timestamp with time zone DEFAULT now() NOT NULL,
	"import_run_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE INDEX "import_history_record_idx" ON "import_history" USING btree ("record_type","record_id");