import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import { describe, expect, it } from "vitest";
import { checkLetterForDigits } from "../src/check-letter.js";
import { makeCrn, parseCrn } from "../src/crn.js";
import { makeCroNumber, makeSfCroNumber, parseCroNumber } from "../src/cro-number.js";
import {
  formatNhsNumber,
  isValidNhsNumber,
  makeNhsNumber,
  nhsCheckDigit,
  parseNhsNumber,
} from "../src/nhs-number.js";
import { makePncId, parsePncId } from "../src/pnc-id.js";
import type { IdentifierErrorCode, IdentifierResult } from "../src/result.js";
import { makeUpn, parseUpn } from "../src/upn.js";

type Case = [input: string, expected: string | IdentifierErrorCode];

function outcome(result: IdentifierResult): string {
  return result.ok ? result.value : result.code;
}

describe("NHS number", () => {
  const cases: Case[] = [
    // Published checksum example.
    ["9434765919", "9434765919"],
    ["943 476 5919", "9434765919"],
    ["943-476-5919", "9434765919"],
    ["  943 476 5919 ", "9434765919"],
    // Weighted sum mod 11 = 0 gives check 11, written as 0.
    ["9990000050", "9990000050"],
    ["9434765918", "NHS_NUMBER_CHECK_DIGIT"],
    // The NHS Data Dictionary's layout example "987 654 4321" does not pass Modulus 11.
    ["987 654 4321", "NHS_NUMBER_CHECK_DIGIT"],
    // 999000000 weights to 243, 243 mod 11 = 1, check 10: no valid number starts with these digits.
    ["9990000000", "NHS_NUMBER_CHECK_DIGIT"],
    ["999 000 0001", "NHS_NUMBER_CHECK_DIGIT"],
    ["9990000018", "9990000018"],
    ["9990000017", "NHS_NUMBER_CHECK_DIGIT"],
    ["0000000000", "NHS_NUMBER_PLACEHOLDER"],
    ["4444444444", "NHS_NUMBER_PLACEHOLDER"],
    ["943476591", "NHS_NUMBER_FORMAT"],
    ["94347659190", "NHS_NUMBER_FORMAT"],
    ["943 476 591X", "NHS_NUMBER_FORMAT"],
    ["94 3476 5919", "NHS_NUMBER_FORMAT"],
    ["943  476 5919", "NHS_NUMBER_FORMAT"],
    ["", "NHS_NUMBER_FORMAT"],
  ];
  it.each(cases)("%s -> %s", (input, expected) => {
    expect(outcome(parseNhsNumber(input))).toBe(expected);
  });

  it("explains a wrong check digit without echoing the number", () => {
    const result = parseNhsNumber("9434765918");
    expect(result).toEqual({
      ok: false,
      code: "NHS_NUMBER_CHECK_DIGIT",
      message: "NHS number check digit does not match (expected 9)",
    });
  });

  it("computes check digits, including the impossible one", () => {
    expect(nhsCheckDigit("943476591")).toBe(9);
    expect(nhsCheckDigit("999000005")).toBe(0);
    expect(nhsCheckDigit("999000000")).toBeNull();
    expect(makeNhsNumber("999000000")).toBeNull();
    expect(makeNhsNumber("943476591")).toBe("9434765919");
  });

  it("formats 3-3-4 and leaves invalid input alone", () => {
    expect(formatNhsNumber("9434765919")).toBe("943 476 5919");
    expect(formatNhsNumber(" 12345 ")).toBe("12345");
  });
});

describe("modulus-23 check letter", () => {
  it("maps remainders onto ZABCDEFGHJKLMNPQRTUVWXY", () => {
    expect(checkLetterForDigits("0")).toBe("Z");
    expect(checkLetterForDigits("1")).toBe("A");
    expect(checkLetterForDigits("22")).toBe("Y");
    expect(checkLetterForDigits("23")).toBe("Z");
  });
});

describe("PNC ID", () => {
  const pivot = { pivotYear: 26 };
  const cases: Case[] = [
    // Examples from the Ministry of Justice's public person-record tests.
    ["2002/0073319Z", "2002/0073319Z"],
    ["20020073319Z", "2002/0073319Z"],
    ["1979/0163001B", "1979/0163001B"],
    ["2008/0056560Z", "2008/0056560Z"],
    ["20230583843L", "2023/0583843L"],
    ["1981/0154257C", "1981/0154257C"],
    ["81/34U", "1981/0000034U"],
    ["02/73319Z", "2002/0073319Z"],
    ["00/223R", "2000/0000223R"],
    ["79/163001B", "1979/0163001B"],
    ["0273319Z", "2002/0073319Z"],
    ["033Y", "2003/0000003Y"],
    ["2002/73319z", "2002/0073319Z"],
    ["  2002/0073319Z  ", "2002/0073319Z"],
    ["20030011985Z", "PNC_ID_CHECK_LETTER"],
    ["20120052494O", "PNC_ID_CHECK_LETTER"],
    ["2001/0171310S", "PNC_ID_CHECK_LETTER"],
    ["TOTALLYINVALID", "PNC_ID_FORMAT"],
    ["1X23/1234567A", "PNC_ID_FORMAT"],
    ["1923/1Z34567A", "PNC_ID_FORMAT"],
    ["1923/1234567AA", "PNC_ID_FORMAT"],
    ["2002/00733190Z", "PNC_ID_FORMAT"],
    ["200/0073319Z", "PNC_ID_FORMAT"],
    ["2002007331Z", "PNC_ID_FORMAT"],
    ["1823/0000001A", "PNC_ID_FORMAT"],
    ["", "PNC_ID_FORMAT"],
  ];
  it.each(cases)("%s -> %s", (input, expected) => {
    expect(outcome(parsePncId(input, pivot))).toBe(expected);
  });

  it("expands two-digit years around the pivot", () => {
    expect(makePncId(2026, 1)).toBe("2026/0000001W");
    expect(outcome(parsePncId("26/1W", { pivotYear: 26 }))).toBe("2026/0000001W");
    expect(outcome(parsePncId("27/5Q", { pivotYear: 26 }))).toBe("1927/0000005Q");
    expect(outcome(parsePncId("27/5Q", { pivotYear: 30 }))).toBe("2027/0000005Q");
  });

  it("says which letter was expected", () => {
    const result = parsePncId("20030011985Z");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toBe("PNC ID check letter does not match (expected X)");
  });
});

describe("CRO number", () => {
  const cases: Case[] = [
    // Examples from the Ministry of Justice's public person-record tests.
    ["SF05/482703J", "SF05/482703J"],
    ["SF83/50058Z", "SF83/50058Z"],
    ["265416/21G", "265416/21G"],
    ["65656/91H", "065656/91H"],
    ["065656/91H", "065656/91H"],
    ["6697/56U", "006697/56U"],
    ["991/66G", "000991/66G"],
    ["sf05/482703j", "SF05/482703J"],
    ["SF05482703J", "SF05/482703J"],
    ["SF05/482703K", "CRO_NUMBER_CHECK_LETTER"],
    ["SF83/50058Y", "CRO_NUMBER_CHECK_LETTER"],
    // Padding the SF serial changes the number it stands for, so the check letter no longer fits.
    ["SF83/050058Z", "CRO_NUMBER_CHECK_LETTER"],
    ["265416/21H", "CRO_NUMBER_CHECK_LETTER"],
    ["85227/65G", "CRO_NUMBER_CHECK_LETTER"],
    ["99166G", "CRO_NUMBER_FORMAT"],
    ["1234567/21G", "CRO_NUMBER_FORMAT"],
    ["123456/2G", "CRO_NUMBER_FORMAT"],
    ["123", "CRO_NUMBER_FORMAT"],
    ["", "CRO_NUMBER_FORMAT"],
  ];
  it.each(cases)("%s -> %s", (input, expected) => {
    expect(outcome(parseCroNumber(input))).toBe(expected);
  });
});

describe("CRN", () => {
  const cases: Case[] = [
    ["X123456", "X123456"],
    ["x123456", "X123456"],
    [" A000001 ", "A000001"],
    ["X12345", "CRN_FORMAT"],
    ["X1234567", "CRN_FORMAT"],
    ["1234567", "CRN_FORMAT"],
    ["XX12345", "CRN_FORMAT"],
    ["X12 3456", "CRN_FORMAT"],
    ["", "CRN_FORMAT"],
  ];
  it.each(cases)("%s -> %s", (input, expected) => {
    expect(outcome(parseCrn(input))).toBe(expected);
  });
});

describe("UPN", () => {
  const cases: Case[] = [
    // DfE / python-stdnum example.
    ["B801200005001", "B801200005001"],
    ["b801200005001", "B801200005001"],
    ["A801200005001", "UPN_CHECK_LETTER"],
    ["I801200005001", "UPN_CHECK_LETTER"],
    ["X80120000A001", "UPN_FORMAT"],
    ["B80120000500", "UPN_FORMAT"],
    ["B8012000050011", "UPN_FORMAT"],
    ["8801200005001", "UPN_FORMAT"],
    ["", "UPN_FORMAT"],
  ];
  it.each(cases)("%s -> %s", (input, expected) => {
    expect(outcome(parseUpn(input))).toBe(expected);
  });

  it("accepts a temporary UPN whose last character is a letter", () => {
    expect(outcome(parseUpn("V38312342601A"))).toBe("V38312342601A");
    expect(outcome(parseUpn("W38312342601A"))).toBe("UPN_CHECK_LETTER");
    expect(outcome(parseUpn("V38312342601O"))).toBe("UPN_FORMAT");
  });
});

describe("generated identifiers validate", () => {
  const generator = xoroshiro128plus(20261101);
  const random = { int: (min: number, max: number) => uniformInt(generator, min, max) };
  const n = 1000;

  it("NHS numbers", () => {
    let made = 0;
    while (made < n) {
      const nhs = makeNhsNumber(`999${String(random.int(0, 999_999)).padStart(6, "0")}`);
      if (nhs === null) continue;
      expect(isValidNhsNumber(nhs)).toBe(true);
      made++;
    }
  });

  it("PNC IDs", () => {
    for (let i = 0; i < n; i++) {
      const id = makePncId(random.int(1975, 2026), random.int(1, 9_999_999));
      expect(outcome(parsePncId(id, { pivotYear: 26 }))).toBe(id);
    }
  });

  it("CRO numbers, both forms", () => {
    for (let i = 0; i < n; i++) {
      const standard = makeCroNumber(random.int(1, 999_999), random.int(0, 99));
      expect(outcome(parseCroNumber(standard))).toBe(standard);
      const sf = makeSfCroNumber(random.int(0, 99), random.int(1, 999_999));
      expect(outcome(parseCroNumber(sf))).toBe(sf);
    }
  });

  it("CRNs", () => {
    for (let i = 0; i < n; i++) {
      const crn = makeCrn(String.fromCharCode(65 + random.int(0, 25)), random.int(0, 999_999));
      expect(outcome(parseCrn(crn))).toBe(crn);
    }
  });

  it("UPNs", () => {
    for (let i = 0; i < n; i++) {
      const upn = makeUpn(
        random.int(201, 938),
        random.int(1000, 7999),
        random.int(0, 99),
        random.int(0, 999),
      );
      expect(outcome(parseUpn(upn))).toBe(upn);
    }
  });
});
