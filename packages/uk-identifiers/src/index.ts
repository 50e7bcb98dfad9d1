export { CHECK_LETTERS, checkLetterForDigits } from "./check-letter.js";
export { isValidCrn, makeCrn, parseCrn } from "./crn.js";
export {
  croCheckLetter,
  isValidCroNumber,
  makeCroNumber,
  makeSfCroNumber,
  parseCroNumber,
  sfCroCheckLetter,
} from "./cro-number.js";
export {
  formatNhsNumber,
  isValidNhsNumber,
  makeNhsNumber,
  nhsCheckDigit,
  parseNhsNumber,
} from "./nhs-number.js";
export {
  expandTwoDigitYear,
  isValidPncId,
  makePncId,
  type PncParseOptions,
  parsePncId,
  pncCheckLetter,
} from "./pnc-id.js";
export type { IdentifierErrorCode, IdentifierResult } from "./result.js";
export { isValidUpn, makeUpn, parseUpn, UPN_ALPHABET, upnCheckLetter } from "./upn.js";
