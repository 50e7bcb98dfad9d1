import { badUserInput } from "@mash/platform/graphql/errors";
import { parseNhsNumber } from "@mash/uk-identifiers/nhs-number";
import type { ContactPersonInput, SubmitContactInput } from "../__generated__/resolvers-types.js";

/**
 * Strict validation of a submitted contact. Every refusal is BAD_USER_INPUT with the path of the
 * offending field (`input.household.0.givenName`), so a form can put the message beside it.
 */

export interface ValidPerson {
  givenName: string;
  familyName: string;
  dateOfBirth: string | null;
  nhsNumber: string | null;
  relationshipToSubject: string | null;
  address: { line1: string; line2: string | null; town: string; postcode: string } | null;
}

export interface ValidContact {
  idempotencyKey: string;
  referrer: {
    name: string;
    role: string;
    organisation: string;
    type: SubmitContactInput["referrer"]["type"];
    phone: string | null;
    email: string | null;
  };
  subject: ValidPerson;
  household: ValidPerson[];
  otherPeople: ValidPerson[];
  concern: SubmitContactInput["concern"];
  summary: string;
  consent: { decision: SubmitContactInput["consent"]["decision"]; reason: string | null };
}

const MAX_PEOPLE = 30;
const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,100}$/;
const UK_POSTCODE = /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/;
const UK_PHONE = /^(\+44\s?|0)[\d\s]{9,13}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function text(value: string, field: string, min: number, max: number): string {
  const trimmed = value.trim();
  if (trimmed.length < min || trimmed.length > max) {
    throw badUserInput(`Must be ${min} to ${max} characters.`, { field, reason: "OUT_OF_RANGE" });
  }
  return trimmed;
}

function optionalText(value: string | null | undefined, field: string, max: number): string | null {
  if (value === null || value === undefined || value.trim() === "") return null;
  return text(value, field, 1, max);
}

function dateOfBirth(value: unknown, field: string, today: Date): string | null {
  if (value === null || value === undefined) return null;
  // The Date scalar may hand over a string or a Date depending on how it was parsed.
  const iso = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
  if (!ISO_DATE.test(iso) || Number.isNaN(Date.parse(iso))) {
    throw badUserInput("A date of birth is YYYY-MM-DD.", { field, reason: "MALFORMED_DATE" });
  }
  if (iso > today.toISOString().slice(0, 10)) {
    throw badUserInput("A date of birth cannot be in the future.", {
      field,
      reason: "DATE_IN_FUTURE",
    });
  }
  if (iso < "1900-01-01") {
    throw badUserInput("A date of birth before 1900 is not plausible.", {
      field,
      reason: "OUT_OF_RANGE",
    });
  }
  return iso;
}

function nhsNumber(value: string | null | undefined, field: string): string | null {
  if (value === null || value === undefined || value.trim() === "") return null;
  const parsed = parseNhsNumber(value);
  if (!parsed.ok) throw badUserInput(parsed.message, { field, reason: parsed.code });
  return parsed.value;
}

function address(input: ContactPersonInput["address"], field: string): ValidPerson["address"] {
  if (!input) return null;
  const postcode = input.postcode.trim().toUpperCase().replace(/\s+/g, " ");
  if (!UK_POSTCODE.test(postcode)) {
    throw badUserInput("Not a UK postcode.", {
      field: `${field}.postcode`,
      reason: "MALFORMED_POSTCODE",
    });
  }
  return {
    line1: text(input.line1, `${field}.line1`, 1, 200),
    line2: optionalText(input.line2, `${field}.line2`, 200),
    town: text(input.town, `${field}.town`, 1, 100),
    postcode,
  };
}

function person(input: ContactPersonInput, field: string, today: Date): ValidPerson {
  return {
    givenName: text(input.givenName, `${field}.givenName`, 1, 100),
    familyName: text(input.familyName, `${field}.familyName`, 1, 100),
    dateOfBirth: dateOfBirth(input.dateOfBirth, `${field}.dateOfBirth`, today),
    nhsNumber: nhsNumber(input.nhsNumber, `${field}.nhsNumber`),
    relationshipToSubject: optionalText(
      input.relationshipToSubject,
      `${field}.relationshipToSubject`,
      100,
    ),
    address: address(input.address, `${field}.address`),
  };
}

function people(
  inputs: readonly ContactPersonInput[] | null | undefined,
  field: string,
  today: Date,
): ValidPerson[] {
  const list = inputs ?? [];
  if (list.length > MAX_PEOPLE) {
    throw badUserInput(`At most ${MAX_PEOPLE} people.`, { field, reason: "TOO_MANY" });
  }
  return list.map((entry, index) => person(entry, `${field}.${index}`, today));
}

function referrer(input: SubmitContactInput["referrer"]): ValidContact["referrer"] {
  const phone = optionalText(input.phone, "input.referrer.phone", 30);
  const email = optionalText(input.email, "input.referrer.email", 254);
  if (phone && !UK_PHONE.test(phone)) {
    throw badUserInput("Not a UK phone number.", {
      field: "input.referrer.phone",
      reason: "MALFORMED_PHONE",
    });
  }
  if (email && !EMAIL.test(email)) {
    throw badUserInput("Not an email address.", {
      field: "input.referrer.email",
      reason: "MALFORMED_EMAIL",
    });
  }
  if (!phone && !email) {
    throw badUserInput("Give a phone number or an email address for the MASH to call back.", {
      field: "input.referrer.phone",
      reason: "REQUIRED",
    });
  }
  return {
    name: text(input.name, "input.referrer.name", 2, 200),
    role: text(input.role, "input.referrer.role", 2, 200),
    organisation: text(input.organisation, "input.referrer.organisation", 2, 200),
    type: input.type,
    phone,
    email,
  };
}

function consent(input: SubmitContactInput["consent"]): ValidContact["consent"] {
  if (input.decision === "given") {
    return {
      decision: input.decision,
      reason: optionalText(input.reason, "input.consent.reason", 2000),
    };
  }
  // Not seeking consent, or sharing despite a refusal, must be justified (and is reviewed).
  if (!input.reason || input.reason.trim() === "") {
    throw badUserInput("Say why consent was not sought or why you share despite the refusal.", {
      field: "input.consent.reason",
      reason: "REQUIRED",
    });
  }
  return { decision: input.decision, reason: text(input.reason, "input.consent.reason", 10, 2000) };
}

export function validateContact(input: SubmitContactInput, today: Date): ValidContact {
  const idempotencyKey = input.idempotencyKey.trim();
  if (!IDEMPOTENCY_KEY.test(idempotencyKey)) {
    throw badUserInput("An idempotency key is 8 to 100 letters, digits, '.', '_', ':' or '-'.", {
      field: "input.idempotencyKey",
      reason: "MALFORMED_KEY",
    });
  }
  return {
    idempotencyKey,
    referrer: referrer(input.referrer),
    subject: person(input.subject, "input.subject", today),
    household: people(input.household, "input.household", today),
    otherPeople: people(input.otherPeople, "input.otherPeople", today),
    concern: input.concern,
    summary: text(input.summary, "input.summary", 20, 8000),
    consent: consent(input.consent),
  };
}
