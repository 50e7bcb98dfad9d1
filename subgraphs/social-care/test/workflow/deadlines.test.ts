import { describe, expect, it } from "vitest";
import {
  type DeadlineConfig,
  deadlineConfigSchema,
  loadDeadlineConfig,
} from "../../src/workflow/deadline-config.js";
import { checksDeadline } from "../../src/workflow/deadlines.js";

// The committed configuration: RED 4 hours round the clock, AMBER 24 working hours (09:00–17:00,
// Monday to Friday, England and Wales bank holidays), GREEN 72 hours, BLUE no deadline.
const config: DeadlineConfig = loadDeadlineConfig();

const at = (iso: string) => new Date(iso);

describe("checks deadlines", () => {
  it("runs RED round the clock, out of hours and at the weekend", () => {
    // Saturday 23:00 in winter (GMT): due Sunday 03:00.
    expect(checksDeadline("RED", at("2026-01-10T23:00:00Z"), config)?.toISOString()).toBe(
      "2026-01-11T03:00:00.000Z",
    );
    // A Friday evening in summer (BST, UTC+1): four elapsed hours, whatever the office does.
    expect(checksDeadline("RED", at("2026-07-03T20:30:00+01:00"), config)?.toISOString()).toBe(
      "2026-07-03T23:30:00.000Z",
    );
  });

  it("counts GREEN in plain hours across a weekend", () => {
    // Friday 10:00 GMT + 72 h = Monday 10:00.
    expect(checksDeadline("GREEN", at("2026-01-09T10:00:00Z"), config)?.toISOString()).toBe(
      "2026-01-12T10:00:00.000Z",
    );
  });

  it("counts AMBER in working hours, skipping the weekend", () => {
    // Thursday 15:00: 2 h Thursday, 8 h Friday, (weekend), 8 h Monday, 6 h Tuesday → Tue 15:00.
    expect(checksDeadline("AMBER", at("2026-01-08T15:00:00Z"), config)?.toISOString()).toBe(
      "2026-01-13T15:00:00.000Z",
    );
  });

  it("skips bank holidays: Good Friday and Easter Monday 2026", () => {
    // Thursday 2 April 2026 16:00 BST: 1 h Thursday, then Fri 3 (Good Friday), the weekend and
    // Mon 6 (Easter Monday) are skipped: 8 h Tue 7, 8 h Wed 8, 7 h Thu 9 → Thu 9 April 16:00 BST.
    expect(checksDeadline("AMBER", at("2026-04-02T16:00:00+01:00"), config)?.toISOString()).toBe(
      "2026-04-09T15:00:00.000Z",
    );
  });

  it("starts a working-hours clock at the next opening when rated out of hours", () => {
    // Saturday 26 December 2026; Monday 28 is the Boxing Day substitute: the clock starts Tue 29
    // 09:00 GMT, 8 h a day for three days → Thursday 31 December 17:00.
    expect(checksDeadline("AMBER", at("2026-12-26T11:00:00Z"), config)?.toISOString()).toBe(
      "2026-12-31T17:00:00.000Z",
    );
  });

  it("gives BLUE no deadline", () => {
    expect(checksDeadline("BLUE", at("2026-01-08T15:00:00Z"), config)).toBeNull();
  });

  it("refuses an invalid configuration", () => {
    const broken = { ...config, workingDay: { start: "17:00", end: "09:00" } };
    expect(deadlineConfigSchema.safeParse(broken).success).toBe(false);
    expect(deadlineConfigSchema.safeParse({ ...config, timeZone: "Mars/Olympus" }).success).toBe(
      false,
    );
    expect(
      deadlineConfigSchema.safeParse({
        ...config,
        ratings: { ...config.ratings, RED: { hours: -1, clock: "hours" } },
      }).success,
    ).toBe(false);
  });
});
