ALTER TABLE "person" ADD COLUMN "changed_xid" "xid8" DEFAULT pg_current_xact_id() NOT NULL;--> statement-breakpoint
CREATE INDEX "person_changed_idx" ON "person" USING btree ("changed_xid","id");--> statement-breakpoint
-- The subject change feed (`subjectChanges`) reads persons in the order of the transaction that
-- last changed them: any real change to a person, or to one of their aliases, moves them to the end.
CREATE FUNCTION "person_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	NEW.changed_xid := pg_current_xact_id();
	RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER "person_changed" BEFORE UPDATE ON "person"
	FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION "person_changed"();--> statement-breakpoint
CREATE FUNCTION "person_alias_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE "person" SET "changed_xid" = pg_current_xact_id()
		WHERE "id" IN (NEW.person_id, OLD.person_id) AND "changed_xid" <> pg_current_xact_id();
	RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "person_alias_changed" AFTER INSERT OR UPDATE OR DELETE ON "person_alias"
	FOR EACH ROW EXECUTE FUNCTION "person_alias_changed"();
