import { describe, expect, it } from "vitest";
import { createMetrics } from "../src/observability/metrics.js";
import { describeStatement } from "../src/observability/sql-statements.js";

describe("SQL statements as spans and metrics name them", () => {
  it("names the operation and the first table, never a parameter", () => {
    expect(describeStatement('select "id", "name" from "nominal" where "id" in ($1, $2)')).toEqual({
      operation: "SELECT",
      table: "nominal",
    });
    expect(describeStatement('insert into "access_log_entry" ("id") values ($1)')).toEqual({
      operation: "INSERT",
      table: "access_log_entry",
    });
    expect(describeStatement('update "enquiry" set "status" = $1 where "id" = $2')).toEqual({
      operation: "UPDATE",
      table: "enquiry",
    });
    expect(describeStatement('delete from "match_candidate" where "subject_id" = $1')).toEqual({
      operation: "DELETE",
      table: "match_candidate",
    });
    expect(
      describeStatement(
        'with "fresh" as (select 1) insert into "subject_link" select * from "fresh"',
      ),
    ).toEqual({ operation: "INSERT", table: "subject_link" });
    expect(describeStatement("select pg_advisory_xact_lock($1)")).toEqual({ operation: "SELECT" });
    expect(describeStatement('CREATE TABLE "x" ("id" uuid)')).toEqual({ operation: "OTHER" });
  });

  it("leaves transaction control out", () => {
    for (const text of ["begin", "COMMIT", "rollback", "savepoint sp1", "release savepoint sp1"]) {
      expect(describeStatement(text)).toBeUndefined();
    }
  });
});

describe("operation names as metric labels", () => {
  it("keeps the number of series bounded, whatever names clients invent", () => {
    const metrics = createMetrics("test");
    expect(metrics.operationLabel(undefined)).toBe("(anonymous)");
    expect(metrics.operationLabel("CasePicture")).toBe("CasePicture");
    for (let i = 0; i < 500; i += 1) metrics.operationLabel(`Invented${i}`);
    expect(metrics.operationLabel("CasePicture")).toBe("CasePicture");
    expect(metrics.operationLabel("Invented499")).toBe("(other)");
    expect(metrics.operationLabel("not a GraphQL name!")).toBe("(other)");
  });
});
