CREATE TABLE "subject_feed" (
	"feed" text PRIMARY KEY NOT NULL,
	"cursor" text,
	"pulled_at" timestamp with time zone DEFAULT now() NOT NULL
);
