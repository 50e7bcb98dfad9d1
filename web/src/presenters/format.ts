/**
 * How values read on the page, in GOV.UK content style: sentence case, dates as
 * "7 December 2026 at 2:30pm" (UK time), plain words for the graph's enum values.
 */

const TIME_ZONE = "Europe/London";

export function govukDate(value: string | null | undefined): string {
  if (!value) return "";
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const day = new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: TIME_ZONE,
  }).format(date);
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return day;
  const pieces = new Intl.DateTimeFormat("en-GB", {
    hour: "numeric",
    minute: "2-digit",
    hour12: true,
    timeZone: TIME_ZONE,
  }).formatToParts(date);
  const parts = Object.fromEntries(pieces.map((part) => [part.type, part.value]));
  const minutes = parts.minute === "00" ? "" : `:${parts.minute}`;
  return `${day} at ${parts.hour}${minutes}${(parts.dayPeriod ?? "").toLowerCase()}`;
}

/** "in 3 hours 20 minutes" / "5 hours ago", from now to a deadline. */
export function timeLeft(value: string | null | undefined, now = new Date()): string {
  if (!value) return "";
  const minutes = Math.round((new Date(value).getTime() - now.getTime()) / 60_000);
  const span = Math.abs(minutes);
  const hours = Math.floor(span / 60);
  const rest = span % 60;
  const words = [
    hours > 0 ? `${hours} ${hours === 1 ? "hour" : "hours"}` : "",
    rest > 0 || hours === 0 ? `${rest} ${rest === 1 ? "minute" : "minutes"}` : "",
  ]
    .filter(Boolean)
    .join(" ");
  return minutes >= 0 ? `${words} left` : `overdue by ${words}`;
}

/** An enum value as words: NOTHING_KNOWN → "Nothing known". */
export function words(value: string | null | undefined): string {
  if (!value) return "";
  const text = value.toLowerCase().replace(/_/g, " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export const AGENCY_NAMES: Record<string, string> = {
  SOCIAL_CARE: "Social care",
  POLICE: "Police",
  HEALTH: "Health",
  PROBATION: "Probation",
};

export function agencyName(value: string): string {
  return AGENCY_NAMES[value] ?? words(value);
}

const STATUS_TAGS: Record<string, { text: string; classes: string }> = {
  DONE: { text: "Shared", classes: "govuk-tag--green" },
  NOTHING_KNOWN: { text: "Nothing known", classes: "govuk-tag--green" },
  DECLINED: { text: "Declined", classes: "govuk-tag--purple" },
  PENDING: { text: "Pending", classes: "govuk-tag--yellow" },
  OVERDUE: { text: "Overdue", classes: "govuk-tag--red" },
  AGENCY_UNAVAILABLE: { text: "Agency unavailable", classes: "govuk-tag--grey" },
  NOT_REQUESTED: { text: "Not requested", classes: "govuk-tag--grey" },
};

/** A check status as a GOV.UK tag (text and colour). */
export function statusTag(status: string | null | undefined) {
  return (
    STATUS_TAGS[status ?? ""] ?? { text: words(status) || "Unknown", classes: "govuk-tag--grey" }
  );
}

const RATING_TAGS: Record<string, string> = {
  RED: "govuk-tag--red",
  AMBER: "govuk-tag--orange",
  GREEN: "govuk-tag--green",
  BLUE: "govuk-tag--blue",
};

export function ratingTag(rating: string | null | undefined) {
  return rating
    ? { text: words(rating), classes: RATING_TAGS[rating] ?? "" }
    : { text: "Not rated", classes: "govuk-tag--grey" };
}

/** A check the agency still owes: not answered yet. */
export function isOwed(status: string | null | undefined): boolean {
  return status === "PENDING" || status === "OVERDUE" || status === "AGENCY_UNAVAILABLE";
}

export function personName(name: { givenName?: string; familyName?: string } | null | undefined) {
  return name ? `${name.givenName ?? ""} ${name.familyName ?? ""}`.trim() : "";
}
