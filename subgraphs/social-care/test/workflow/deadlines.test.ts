import { readFileSync } from "node:fs";
import type { Logger } from "@mash/platform/observability/logger";
import { describe, expect, it } from "vitest";
import { loadBankHolidays } from "../../src/workflow/bank-holidays.js";
import { warnAboutBankHolidays } from "../../src/workflow/check-configuration.js";
import {
  type DeadlineConfig,
  deadlineConfigSchema,
  loadDeadlineConfig,
} from "../../src/workflow/deadline-config.js";
import { checksDeadline } from "../../src/workflow/deadlines.js";
import { mergeBankHolidays } from "../../src/workflow/update-bank-holidays-cli.js";

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
    const settings = JSON.parse(
      readFileSync(new URL("../../config/rating-deadlines.json", import.meta.url), "utf8"),
    );
    expect(deadlineConfigSchema.safeParse(settings).success).toBe(true);
    const broken = { ...settings, workingDay: { start: "17:00", end: "09:00" } };
    expect(deadlineConfigSchema.safeParse(broken).success).toBe(false);
    expect(deadlineConfigSchema.safeParse({ ...settings, timeZone: "Mars/Olympus" }).success).toBe(
      false,
    );
    expect(
      deadlineConfigSchema.safeParse({
        ...settings,
        ratings: { ...settings.ratings, RED: { hours: -1, clock: "hours" } },
      }).success,
    ).toBe(false);
    expect(
      deadlineConfigSchema.safeParse({
        ...settings,
        bankHolidays: { division: "wessex", warnWhenLessThanDays: 120 },
      }).success,
    ).toBe(false);
  });
});

describe("bank holidays from the data file", () => {
  function capturingLogger() {
    const lines: { level: number; msg: string }[] = [];
    const at = (level: number) => (_details: unknown, msg: string) => lines.push({ level, msg });
    // Only the two levels the warning uses.
    const logger = { warn: at(40), error: at(50) } as unknown as Logger;
    return { logger, lines };
  }

  it("reads the division's dates and how far they reach", () => {
    const holidays = loadBankHolidays("england-and-wales");
    expect(holidays.dates.has("2027-12-28")).toBe(true);
    expect(holidays.coversUntil).toBe("2027-12-31");
  });

  it("warns within the configured days of the data running out, and says it loudly once it has", () => {
    const quiet = capturingLogger();
    expect(warnAboutBankHolidays(config, quiet.logger, at("2027-01-10T12:00:00Z"))).toBeUndefined();
    expect(quiet.lines).toEqual([]);

    const soon = capturingLogger();
    expect(warnAboutBankHolidays(config, soon.logger, at("2027-10-01T12:00:00Z"))).toBe("warn");
    expect(soon.lines[0]?.msg).toMatch(/runs out in 91 days: run `npm run bank-holidays:update`/);

    const late = capturingLogger();
    expect(warnAboutBankHolidays(config, late.logger, at("2028-01-03T12:00:00Z"))).toBe("error");
    expect(late.lines[0]).toMatchObject({ level: 50, msg: expect.stringMatching(/HAS RUN OUT/) });
  });

  it("updates from a newer published list, keeping the years it no longer carries", () => {
    const previous = {
      "england-and-wales": {
        division: "england-and-wales" as const,
        events: [
          { title: "Christmas Day", date: "2025-12-25", notes: "", bunting: true },
          { title: "New Year’s Day", date: "2026-01-01", notes: "", bunting: true },
        ],
      },
    };
    const latest = {
      "england-and-wales": {
        division: "england-and-wales" as const,
        events: [
          { title: "New Year’s Day", date: "2026-01-01", notes: "", bunting: true },
          { title: "New Year’s Day", date: "2028-01-03", notes: "Substitute day", bunting: true },
        ],
      },
    };
    const merged = mergeBankHolidays(previous, latest);
    expect(merged["england-and-wales"]?.events.map((event) => event.date)).toEqual([
      "2025-12-25",
      "2026-01-01",
      "2028-01-03",
    ]);
  });
});
