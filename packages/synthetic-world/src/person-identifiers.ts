/**
 * Issues the national identifiers people carry, through the identifier modules so that every one
 * validates, and unique within the world.
 *
 * NHS numbers come from 999 000 0000 - 999 999 9999, the range reserved for test data: about 909,000
 * usable numbers, so a world can hold that many people (a 100,000-subject world has about 330,000).
 */

import { makeCrn } from "@mash/uk-identifiers/crn";
import { makeCroNumber, makeSfCroNumber } from "@mash/uk-identifiers/cro-number";
import { makeNhsNumber } from "@mash/uk-identifiers/nhs-number";
import { makePncId } from "@mash/uk-identifiers/pnc-id";
import { makeUpn } from "@mash/uk-identifiers/upn";
import { type Random, Scatter } from "./random.js";

const NHS_SPACE = 1_000_000;
/** Odd and not a multiple of 5, so stepping by it visits every six-digit suffix once. */
const NHS_STRIDE = 7_919;

/** nDelius CRNs start with a letter tied to the issuing provider; a few are enough for one region. */
const CRN_LETTERS: readonly string[] = ["E", "X", "D", "N"];
const CRN_SERIALS = 900_000;

export class PersonIdentifiers {
  private nhsCursor: number;
  private nhsVisited = 0;
  private readonly pncSerials = new Map<number, number>();
  private readonly croSerials = new Map<number, number>();
  private readonly crns: Scatter;
  /** By LA number and year of issue: establishment and serial drawn together. */
  private readonly upns = new Map<number, Scatter>();

  constructor(private readonly random: Random) {
    this.nhsCursor = random.int(0, NHS_SPACE - 1);
    this.crns = new Scatter(random, CRN_LETTERS.length * CRN_SERIALS);
  }

  nhsNumber(): string {
    while (this.nhsVisited < NHS_SPACE) {
      this.nhsCursor = (this.nhsCursor + NHS_STRIDE) % NHS_SPACE;
      this.nhsVisited++;
      const nhs = makeNhsNumber(`999${String(this.nhsCursor).padStart(6, "0")}`);
      if (nhs !== null) return nhs;
    }
    throw new RangeError(
      "the synthetic NHS number range (999 000 0000 - 999 999 9999) is exhausted",
    );
  }

  /** PNC serials run upwards within a year, as records are created. */
  pncId(year: number): string {
    const next =
      (this.pncSerials.get(year) ?? this.random.int(10_000, 400_000)) + this.random.int(1, 40);
    this.pncSerials.set(year, next);
    return makePncId(year, next);
  }

  /** Mostly the standard form; about one in ten is a fingerprint-only SF number. */
  croNumber(year: number): string {
    const next =
      (this.croSerials.get(year) ?? this.random.int(1_000, 300_000)) + this.random.int(1, 40);
    this.croSerials.set(year, next);
    return this.random.chance(0.1) ? makeSfCroNumber(year, next) : makeCroNumber(next, year);
  }

  crn(): string {
    const n = this.crns.next();
    return makeCrn(CRN_LETTERS[Math.floor(n / CRN_SERIALS)] as string, 100_000 + (n % CRN_SERIALS));
  }

  /** A permanent UPN issued by a primary school (DfE establishment numbers 2000-2999) on entry. */
  upn(laNumber: number, entryYear: number): string {
    const key = laNumber * 10_000 + entryYear;
    let scatter = this.upns.get(key);
    if (scatter === undefined) {
      scatter = new Scatter(this.random, 1_000_000);
      this.upns.set(key, scatter);
    }
    const n = scatter.next();
    return makeUpn(laNumber, 2000 + Math.floor(n / 1000), entryYear, n % 1000);
  }
}
