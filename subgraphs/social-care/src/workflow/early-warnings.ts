import { addDays, addMonths, differenceInCalendarDays, parseISO } from "date-fns";

/**
 * Early warnings: patterns across a subject's contacts and cases (and, for the cross-agency one,
 * dates the police and health subgraphs provide) that a MASH worker should not have to spot by
 * hand. Each says its kind and a neutral summary only: the records behind it stay with their
 * agency and their own access rules.
 */

export type EarlyWarningKind =
  | "repeated_contacts"
  | "re_referral_after_closure"
  | "domestic_abuse_then_emergency_attendance";

export interface EarlyWarning {
  kind: EarlyWarningKind;
  summary: string;
  lastSeenOn: string;
}

export interface EarlyWarningFacts {
  /** When each contact about the subject was received (history and new contacts alike). */
  contactDates: readonly Date[];
  /** When each social care case (child in need, child protection, looked after) ended. */
  caseClosedDates: readonly string[];
  /** Police: dates of domestic abuse incidents at which the subject, a child, was present. */
  domesticAbuseChildPresentDates: readonly string[];
  /** Health: dates of the subject's emergency department attendances. */
  emergencyAttendanceDates: readonly string[];
}

export const REPEAT_WINDOW_DAYS = 7;
export const RE_REFERRAL_WINDOW_MONTHS = 12;
export const CROSS_AGENCY_WINDOW_DAYS = 30;

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

function repeatedContacts(dates: readonly Date[]): EarlyWarning | null {
  const sorted = [...dates].sort((a, b) => a.getTime() - b.getTime());
  let latest: Date | null = null;
  for (let i = 1; i < sorted.length; i += 1) {
    const [earlier, later] = [sorted[i - 1], sorted[i]];
    if (
      earlier &&
      later &&
      later.getTime() - earlier.getTime() <= REPEAT_WINDOW_DAYS * 86_400_000
    ) {
      latest = later;
    }
  }
  if (!latest) return null;
  return {
    kind: "repeated_contacts",
    summary: `Two or more contacts about this person within ${REPEAT_WINDOW_DAYS} days.`,
    lastSeenOn: isoDay(latest),
  };
}

function reReferral(contactDates: readonly Date[], closed: readonly string[]): EarlyWarning | null {
  let latest: Date | null = null;
  for (const closedOn of closed) {
    const start = parseISO(closedOn);
    const end = addMonths(start, RE_REFERRAL_WINDOW_MONTHS);
    for (const date of contactDates) {
      if (date > start && date <= end && (!latest || date > latest)) latest = date;
    }
  }
  if (!latest) return null;
  return {
    kind: "re_referral_after_closure",
    summary: `A new contact within ${RE_REFERRAL_WINDOW_MONTHS} months of a social care case closing.`,
    lastSeenOn: isoDay(latest),
  };
}

function domesticAbuseThenAttendance(
  incidents: readonly string[],
  attendances: readonly string[],
): EarlyWarning | null {
  let latest: string | null = null;
  for (const incident of incidents) {
    const from = parseISO(incident);
    const until = addDays(from, CROSS_AGENCY_WINDOW_DAYS);
    for (const attendance of attendances) {
      const day = parseISO(attendance);
      const after = differenceInCalendarDays(day, from) >= 0 && day <= until;
      if (after && (!latest || attendance > latest)) latest = attendance;
    }
  }
  if (!latest) return null;
  // Neutral on purpose: neither the incident nor the presenting complaint is named.
  return {
    kind: "domestic_abuse_then_emergency_attendance",
    summary: `Police and health information together suggest a pattern within ${CROSS_AGENCY_WINDOW_DAYS} days: ask both agencies for their checks.`,
    lastSeenOn: latest,
  };
}

export function earlyWarnings(facts: EarlyWarningFacts): EarlyWarning[] {
  return [
    repeatedContacts(facts.contactDates),
    reReferral(facts.contactDates, facts.caseClosedDates),
    domesticAbuseThenAttendance(
      facts.domesticAbuseChildPresentDates,
      facts.emergencyAttendanceDates,
    ),
  ].filter((warning): warning is EarlyWarning => warning !== null);
}
