-- Links copied from the synthetic world's ground truth are gone: every link is linkage's or a
-- researcher's. A development database seeded before this loses them; `npm run relink` links
-- its records again (or delete .data to reseed).
DELETE FROM "subject_link" WHERE "source" = 'seed_ground_truth';--> statement-breakpoint
ALTER TABLE "subject_link" ALTER COLUMN "source" SET DATA TYPE text;--> statement-breakpoint
DROP TYPE "public"."link_source";--> statement-breakpoint
CREATE TYPE "public"."link_source" AS ENUM('auto_match', 'researcher_confirmed');--> statement-breakpoint
ALTER TABLE "subject_link" ALTER COLUMN "source" SET DATA TYPE "public"."link_source" USING "source"::"public"."link_source";