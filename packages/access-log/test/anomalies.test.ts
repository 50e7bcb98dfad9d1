import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  breakGlassUse,
  bulkAccess,
  outOfHours,
  outsideEnquiries,
  parseWindow,
} from "../src/anomalies.js";
import type { ReaderScope } from "../src/read-access-log.js";
import { aRecord, memoryAccessLog } from "./access-log-store.js";

const subject = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const ALL: ReaderScope = { kind: "all" };

describe("anomaly reports find what councils look for, and not the controls", () => {
  let store: Awaited<ReturnType<typeof memoryAccessLog>>;
  const window = parseWindow({ from: "2026-06-01T00:00:00Z", to: "2026-06-30T23:59:59Z" });

  beforeAll(async () => {
    store = await memoryAccessLog();
    const records = [
      // Controls: in hours (UK summer time), within purpose, few subjects, no break-glass.
      aRecord({
        id: crypto.randomUUID(),
        occurredAt: new Date("2026-06-10T09:00:00Z"),
        principalId: "control",
      }),
      aRecord({ occurredAt: new Date("2026-06-10T16:30:00Z"), principalId: "control" }),
      // Outside the declared enquiry.
      aRecord({
        occurredAt: new Date("2026-06-11T10:00:00Z"),
        principalId: "curious",
        subjectIds: [subject(900)],
        subjectsOutsidePurpose: [subject(900)],
      }),
      // Out of hours: a Saturday, 06:30 and 19:15 UK time (05:30Z and 18:15Z in June).
      aRecord({ occurredAt: new Date("2026-06-13T11:00:00Z"), principalId: "weekend" }),
      aRecord({ occurredAt: new Date("2026-06-15T05:30:00Z"), principalId: "early" }),
      aRecord({ occurredAt: new Date("2026-06-15T18:15:00Z"), principalId: "late" }),
      // Break-glass use.
      aRecord({
        occurredAt: new Date("2026-06-16T11:00:00Z"),
        principalId: "glass",
        breakGlassGrantIds: ["grant-1"],
      }),
      // Bulk: 30 distinct subjects within 40 minutes by one person...
      ...Array.from({ length: 30 }, (_, i) =>
        aRecord({
          occurredAt: new Date(Date.parse("2026-06-17T10:00:00Z") + i * 80_000),
          principalId: "browser",
          subjectIds: [subject(i)],
        }),
      ),
      // ...and a control reading 20 subjects across a working day (09:10 to 15:30 UK time).
      ...Array.from({ length: 20 }, (_, i) =>
        aRecord({
          occurredAt: new Date(Date.parse("2026-06-18T08:10:00Z") + i * 1_200_000),
          principalId: "steady",
          subjectIds: [subject(100 + i)],
        }),
      ),
      // Outside the window altogether.
      aRecord({
        occurredAt: new Date("2026-07-04T03:00:00Z"),
        principalId: "outside-window",
        subjectsOutsidePurpose: [subject(1)],
      }),
    ];
    for (const record of records) await store.writer.record(record);
  });
  afterAll(() => store?.database.close());

  const principals = (rows: { principalId: string }[]) =>
    [...new Set(rows.map((r) => r.principalId))].sort();

  it("access to subjects not linked to the enquiry", async () => {
    expect(principals(await outsideEnquiries(store.db, ALL, window))).toEqual(["curious"]);
  });

  it("out-of-hours access, in UK time", async () => {
    expect(principals(await outOfHours(store.db, ALL, window))).toEqual([
      "early",
      "late",
      "weekend",
    ]);
  });

  it("break-glass use", async () => {
    expect(principals(await breakGlassUse(store.db, ALL, window))).toEqual(["glass"]);
  });

  it("bulk access: many distinct subjects in a short window", async () => {
    const bulk = await bulkAccess(store.db, ALL, {
      ...window,
      bulkThreshold: 25,
      bulkWindowMinutes: 60,
    });
    expect(bulk.map((row) => row.principalId)).toEqual(["browser"]);
    expect(bulk[0]?.distinctSubjects).toBeGreaterThanOrEqual(25);
  });

  it("shows a practitioner only their own entries", async () => {
    const own = await outOfHours(store.db, { kind: "own", principalId: "late" }, window);
    expect(principals(own)).toEqual(["late"]);
  });

  it("refuses windows that are reversed or too long", () => {
    expect(() => parseWindow({ from: "2026-06-02T00:00:00Z", to: "2026-06-01T00:00:00Z" })).toThrow(
      /before/,
    );
    expect(() => parseWindow({ from: "2026-01-01T00:00:00Z", to: "2026-12-01T00:00:00Z" })).toThrow(
      /93 days/,
    );
  });
});
