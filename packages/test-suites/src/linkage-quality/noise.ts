import { calledBy, shortForm, spellingVariant, typo } from "./name-forms.js";
import type { SeededRandom } from "./seeded-random.js";

/**
 * The hard cases of record linkage, as this test's noise model makes them: each is a way an agency's
 * record of a person differs from social care's. A record has none (clean), one, or now and then two
 * (on different fields).
 */
export const NOISE_CATEGORIES = [
  "swapped_names",
  "alias_as_main_name",
  "subject_alias_as_main_name",
  "nickname",
  "short_form",
  "known_by_middle_name",
  "spelling_variant",
  "typo_given_name",
  "typo_family_name",
  "surname_change",
  "hyphenated_part",
  "dob_day_month_swapped",
  "dob_year_slip",
  "dob_day_slip",
  "moved_address",
  "address_written_short",
  "postcode_typo",
  "partial_record",
  "missing_identifier",
] as const;

export type NoiseCategory = (typeof NOISE_CATEGORIES)[number];

/** A person's details as one record holds them: what the noise model changes. */
export interface RecordDraft {
  givenName: string | null;
  middleNames: string[];
  familyName: string | null;
  aliases: { givenName: string; familyName: string }[];
  dateOfBirth: string | null;
  sex: string | null;
  addressLine1: string | null;
  postcode: string | null;
  strongIdentifier: string | null;
}

/** What a kind of noise needs to know about the person beyond the draft. */
export interface PersonFacts {
  givenName: string;
  familyName: string;
  middleNames: readonly string[];
  previousFamilyNames: readonly string[];
  dateOfBirth: string;
  /** Earlier addresses, most recent first. */
  previousAddresses: readonly { line1: string; postcode: string }[];
  /** Another given name of the same sex, for a name the person goes by that is not their own. */
  otherGivenName: string;
  /** Somewhere else in the area, for a move this population did not record. */
  elsewhere: { line1: string; postcode: string };
}

type Field = "given" | "family" | "dob" | "address" | "completeness" | "identifier";

const FIELD_OF: Record<NoiseCategory, Field> = {
  swapped_names: "given",
  alias_as_main_name: "given",
  subject_alias_as_main_name: "given",
  nickname: "given",
  short_form: "given",
  known_by_middle_name: "given",
  spelling_variant: "given",
  typo_given_name: "given",
  typo_family_name: "family",
  surname_change: "family",
  hyphenated_part: "family",
  dob_day_month_swapped: "dob",
  dob_year_slip: "dob",
  dob_day_slip: "dob",
  moved_address: "address",
  address_written_short: "address",
  postcode_typo: "address",
  partial_record: "completeness",
  missing_identifier: "identifier",
};

/** How often each kind is chosen for a noisy record (relative weights). */
const WEIGHTS: Record<NoiseCategory, number> = {
  swapped_names: 4,
  alias_as_main_name: 3,
  subject_alias_as_main_name: 3,
  nickname: 7,
  short_form: 5,
  known_by_middle_name: 3,
  spelling_variant: 4,
  typo_given_name: 5,
  typo_family_name: 5,
  surname_change: 14,
  hyphenated_part: 20,
  dob_day_month_swapped: 3,
  dob_year_slip: 4,
  dob_day_slip: 4,
  moved_address: 12,
  address_written_short: 8,
  postcode_typo: 3,
  partial_record: 8,
  missing_identifier: 3,
};

/** Whether this kind of noise can be applied to the person at all. */
function applicable(category: NoiseCategory, person: PersonFacts, draft: RecordDraft): boolean {
  switch (category) {
    case "known_by_middle_name":
      return person.middleNames.length > 0;
    case "surname_change":
      return person.previousFamilyNames.length > 0;
    case "hyphenated_part":
      return /^[^-]+-[^-]+$/.test(person.familyName);
    case "dob_day_month_swapped": {
      const [, month, day] = person.dateOfBirth.split("-").map(Number);
      return day !== undefined && month !== undefined && day <= 12 && day !== month;
    }
    case "missing_identifier":
      return draft.strongIdentifier !== null;
    case "spelling_variant":
      return (
        spellingVariant(PROBE, person.givenName) !== null ||
        spellingVariant(PROBE, person.familyName) !== null
      );
    default:
      return true;
  }
}

// Applicability checks only ask whether a variant exists; the draw that picks one is the real one.
const PROBE = { pick: <T>(items: readonly T[]) => items[0] as T } as unknown as SeededRandom;

/** Picks the kinds of noise for one record: none for about half, one or two for the rest. */
export function chooseNoise(
  random: SeededRandom,
  person: PersonFacts,
  draft: RecordDraft,
  noisyShare: number,
): NoiseCategory[] {
  if (!random.chance(noisyShare)) return [];
  const count = random.chance(0.15) ? 2 : 1;
  const chosen: NoiseCategory[] = [];
  const usedFields = new Set<Field>();
  for (let n = 0; n < count; n++) {
    const options = (Object.keys(WEIGHTS) as NoiseCategory[])
      .filter((category) => !usedFields.has(FIELD_OF[category]))
      .filter((category) => applicable(category, person, draft))
      .map((category) => [category, WEIGHTS[category]] as const);
    if (options.length === 0) break;
    const category = random.weighted(options);
    chosen.push(category);
    usedFields.add(FIELD_OF[category]);
  }
  return chosen;
}

function pad(value: number): string {
  return String(value).padStart(2, "0");
}

function validDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function slipYear(random: SeededRandom, year: number): number {
  switch (random.int(0, 2)) {
    case 0:
      return year + (random.chance(0.5) ? 1 : -1);
    case 1: {
      // One digit of the decade or the year written wrong.
      const text = String(year).split("");
      const at = random.chance(0.5) ? 2 : 3;
      const digit = Number(text[at]);
      text[at] = String((digit + random.int(1, 8)) % 10);
      return Number(text.join(""));
    }
    default: {
      const text = String(year);
      return Number(`${text.slice(0, 2)}${text[3]}${text[2]}`);
    }
  }
}

// biome-ignore format: the table reads better packed
const SHORT_STREET_TYPES: Readonly<Record<string, string>> = {
  Road: "Rd", Street: "St", Avenue: "Ave", Crescent: "Cres", Drive: "Dr", Lane: "Ln", Close: "Cl",
  Court: "Ct", Gardens: "Gdns", Grove: "Gro", Place: "Pl", Square: "Sq", Terrace: "Terr", Park: "Pk",
  Parade: "Pde", Walk: "Wlk", Mews: "Mws", View: "Vw", Green: "Grn", Way: "Wy", Hill: "Hl",
};

function writtenShort(random: SeededRandom, line: string): string {
  const shortened = line.replace(/\b([A-Z][a-z]+)$/, (word) => SHORT_STREET_TYPES[word] ?? word);
  if (random.chance(0.3)) return shortened.toUpperCase();
  return random.chance(0.3) ? `${shortened.replace(/^(\d+)/, "$1,")}` : shortened;
}

function postcodeWrittenLoosely(random: SeededRandom, postcode: string): string {
  const compact = postcode.replace(/\s+/g, "");
  return random.pick([compact, compact.toLowerCase(), postcode.toLowerCase(), ` ${postcode}  `]);
}

function postcodeTypo(random: SeededRandom, postcode: string): string {
  const at = random.pick([...postcode.matchAll(/[0-9]/g)].map((match) => match.index ?? 0));
  return `${postcode.slice(0, at)}${(Number(postcode[at]) + random.int(1, 8)) % 10}${postcode.slice(at + 1)}`;
}

/**
 * Applies one kind of noise to a record. Returns an alias the subject (social care) should carry
 * for `subject_alias_as_main_name`: the name the record is under, which social care knows as an
 * alias.
 */
export function applyNoise(
  random: SeededRandom,
  category: NoiseCategory,
  person: PersonFacts,
  draft: RecordDraft,
): { givenName: string; familyName: string } | null {
  const [year, month, day] = person.dateOfBirth.split("-").map(Number) as [number, number, number];
  switch (category) {
    case "swapped_names":
      [draft.givenName, draft.familyName] = [draft.familyName, draft.givenName];
      return null;
    case "alias_as_main_name": {
      const used = calledBy(random, person.givenName) ?? person.otherGivenName;
      draft.aliases.push({ givenName: person.givenName, familyName: person.familyName });
      draft.givenName = random.chance(0.5) ? used : person.otherGivenName;
      return null;
    }
    case "subject_alias_as_main_name": {
      draft.givenName = person.otherGivenName;
      return { givenName: person.otherGivenName, familyName: person.familyName };
    }
    case "nickname":
      draft.givenName = calledBy(random, person.givenName) ?? typo(random, person.givenName);
      return null;
    case "short_form":
      draft.givenName = shortForm(random, person.givenName) ?? person.givenName.slice(0, 3);
      return null;
    case "known_by_middle_name":
      draft.givenName = person.middleNames[0] ?? person.givenName;
      draft.middleNames = random.chance(0.5) ? [person.givenName] : [];
      return null;
    case "spelling_variant": {
      const given = spellingVariant(random, person.givenName);
      if (given) draft.givenName = given;
      else draft.familyName = spellingVariant(random, person.familyName) ?? person.familyName;
      return null;
    }
    case "typo_given_name":
      draft.givenName = typo(random, person.givenName);
      return null;
    case "typo_family_name":
      draft.familyName = typo(random, person.familyName);
      return null;
    case "surname_change":
      draft.familyName = random.pick(person.previousFamilyNames);
      return null;
    case "hyphenated_part":
      draft.familyName = random.pick(person.familyName.split("-"));
      return null;
    case "dob_day_month_swapped": {
      draft.dateOfBirth = `${year}-${pad(day)}-${pad(month)}`;
      return null;
    }
    case "dob_year_slip": {
      let slipped = slipYear(random, year);
      if (slipped === year || !validDate(slipped, month, day)) slipped = year - 1;
      draft.dateOfBirth = `${slipped}-${pad(month)}-${pad(day)}`;
      return null;
    }
    case "dob_day_slip": {
      let slipped = random.chance(0.6)
        ? day + (random.chance(0.5) ? 1 : -1)
        : (day % 10) + 10 * random.int(0, 2);
      if (slipped === day || !validDate(year, month, slipped)) slipped = day === 1 ? 2 : day - 1;
      draft.dateOfBirth = `${year}-${pad(month)}-${pad(slipped)}`;
      return null;
    }
    case "moved_address": {
      const previous = person.previousAddresses[0] ?? person.elsewhere;
      draft.addressLine1 = previous.line1;
      draft.postcode = previous.postcode;
      return null;
    }
    case "address_written_short":
      draft.addressLine1 = draft.addressLine1 ? writtenShort(random, draft.addressLine1) : null;
      draft.postcode = draft.postcode ? postcodeWrittenLoosely(random, draft.postcode) : null;
      return null;
    case "postcode_typo":
      draft.postcode = draft.postcode ? postcodeTypo(random, draft.postcode) : null;
      return null;
    case "partial_record":
      switch (
        random.weighted<number>([
          [0, 3],
          [1, 4],
          [2, 1.5],
          [3, 1.5],
        ])
      ) {
        case 0:
          draft.dateOfBirth = null;
          break;
        case 1:
          draft.addressLine1 = null;
          draft.postcode = null;
          break;
        case 2:
          draft.postcode = null;
          break;
        default:
          draft.sex = null;
          draft.middleNames = [];
      }
      return null;
    case "missing_identifier":
      draft.strongIdentifier = null;
      return null;
  }
}
