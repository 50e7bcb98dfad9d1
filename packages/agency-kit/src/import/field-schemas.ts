import { ConfigurationError } from "@mash/platform/config/parse-env";
import { stableUuid } from "@mash/platform/db/deterministic-id";
import { parseCrn } from "@mash/uk-identifiers/crn";
import { parseCroNumber } from "@mash/uk-identifiers/cro-number";
import { parseNhsNumber } from "@mash/uk-identifiers/nhs-number";
import { type PncParseOptions, parsePncId } from "@mash/uk-identifiers/pnc-id";
import type { IdentifierResult } from "@mash/uk-identifiers/result";
import { parseUpn } from "@mash/uk-identifiers/upn";
import type { PgEnum } from "drizzle-orm/pg-core";
import { z } from "zod";
import { RECORD_ID_MAX_LENGTH } from "../db/agency-record-id.js";

// The field schemas every agency's record types are built from. Each normalises what it accepts
// (identifiers to their canonical forms, instants to ISO UTC with milliseconds, absent optional
// fields to null) so that the same record, however spelled, compares equal to what is stored.

/** Optional fields may be absent or null; either way the record holds null. */
export function optional<T extends z.ZodType>(schema: T) {
  return schema.nullable().default(null);
}

/** A required text field: present and not blank. */
export const text = () => z.string().trim().min(1, "must not be blank");

/** A calendar date, YYYY-MM-DD, that exists (no 30 February). */
export const calendarDate = () => z.iso.date({ error: "must be a date, YYYY-MM-DD" });

/** An instant with a UTC offset; stored and exported as ISO 8601 UTC with milliseconds. */
export const instant = () =>
  z.iso
    .datetime({ offset: true, error: "must be an ISO 8601 date and time with a UTC offset" })
    .transform((value) => new Date(value).toISOString());

/** Agency record ids that are UUIDs (events): lower case, as stored. */
export const uuid = () =>
  z
    .string()
    .regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, {
      error: "must be a UUID",
    })
    .transform((value) => value.toLowerCase());

/** Letters, digits and the separators ids are made with; no spaces, no control characters. */
const RECORD_ID_CHARACTERS = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;

/**
 * The stricter pattern an agency may configure for its record ids (`<AGENCY>_RECORD_ID_PATTERN`,
 * e.g. POLICE_RECORD_ID_PATTERN='^[0-9]{8}$'), or null. A pattern that is not a regular
 * expression stops the import before it reads a line.
 */
export function configuredRecordIdPattern(agency: string, env = process.env): RegExp | null {
  const name = `${agency.toUpperCase().replace(/-/g, "_")}_RECORD_ID_PATTERN`;
  const source = env[name];
  if (!source) return null;
  try {
    return new RegExp(source);
  } catch (error) {
    throw new ConfigurationError(
      `${name} is not a regular expression: ${(error as Error).message}`,
    );
  }
}

/**
 * An agency's own id for one of its person records: opaque, whatever its system issues. By default
 * only its length (1 to 64) and characters are checked; an agency that wants
 * more configures a pattern. Ids are compared exactly, so they are not trimmed or case-folded.
 */
export function agencyRecordId(agency: string, env = process.env) {
  const pattern = configuredRecordIdPattern(agency, env);
  const id = z
    .string()
    .min(1, "must not be empty")
    .max(RECORD_ID_MAX_LENGTH, `must be at most ${RECORD_ID_MAX_LENGTH} characters`)
    .regex(RECORD_ID_CHARACTERS, {
      error: "must be letters, digits, '.', '_', ':' or '-', starting with a letter or digit",
    });
  return pattern ? id.regex(pattern, { error: `must match ${pattern.source}` }) : id;
}

/**
 * An agency's own record id for a table keyed by UUID (social care's: the person's id is the MASH
 * subject id every agency links to). Opaque and checked like `agencyRecordId`; a UUID is kept as it
 * is, any other id (a council's LCS1234567) becomes the name-based UUID of (agency, record type,
 * id), so the same id always names the same row, and a reference in the file names it too.
 */
export function agencyRecordIdAsUuid(agency: string, recordType: string, env = process.env) {
  return agencyRecordId(agency, env).transform((id) => stableUuid(id, `${agency}:${recordType}`));
}

/** One of a pgEnum's values (the lower-case forms of the SDL's enum values). */
export function enumOf<T extends [string, ...string[]]>(pgEnum: PgEnum<T>) {
  return z.enum(pgEnum.enumValues, {
    error: `must be one of ${pgEnum.enumValues.join(", ")}`,
  });
}

/** A string identifier checked (format, check digit) and normalised by a runtime parser. */
function identifier(parse: (input: string) => IdentifierResult) {
  return z.string().transform((value, ctx) => {
    const result = parse(value);
    if (result.ok) return result.value;
    ctx.addIssue({ code: "custom", message: result.message });
    return z.NEVER;
  });
}

export const nhsNumber = () => identifier(parseNhsNumber);
export const upn = () => identifier(parseUpn);
export const croNumber = () => identifier(parseCroNumber);
export const crn = () => identifier(parseCrn);
export const pncId = (options: PncParseOptions = {}) =>
  identifier((input) => parsePncId(input, options));

/** The address columns of `addressColumns()`, flat, each optional. */
export function addressFields() {
  return {
    addressLine1: optional(z.string()),
    addressLine2: optional(z.string()),
    addressTown: optional(z.string()),
    addressPostcode: optional(z.string()),
    addressUprn: optional(z.string()),
  };
}

/** A person's name as every agency's person table holds it. */
export function nameFields() {
  return {
    givenName: text(),
    middleNames: z.array(text()).default([]),
    familyName: text(),
  };
}

/** An alias, as every agency's alias table holds it. */
export function aliasItem() {
  return { givenName: text(), familyName: text() };
}

/** zod itself, for the few fields an agency spells out (agencies take it from here, one version). */
export { z } from "zod";
