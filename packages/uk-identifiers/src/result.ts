/**
 * The outcome of parsing a UK identifier. Parsers never throw on bad input: a MASH researcher pastes
 * whatever is on the referral, and the caller decides whether a malformed identifier blocks a search
 * or is just reported back.
 */

export type IdentifierErrorCode =
  | "NHS_NUMBER_FORMAT"
  | "NHS_NUMBER_CHECK_DIGIT"
  | "NHS_NUMBER_PLACEHOLDER"
  | "PNC_ID_FORMAT"
  | "PNC_ID_CHECK_LETTER"
  | "CRO_NUMBER_FORMAT"
  | "CRO_NUMBER_CHECK_LETTER"
  | "CRN_FORMAT"
  | "UPN_FORMAT"
  | "UPN_CHECK_LETTER";

export type IdentifierResult =
  | { ok: true /** The identifier in its normalised (canonical) form. */; value: string }
  | { ok: false; code: IdentifierErrorCode; message: string };

export function valid(value: string): IdentifierResult {
  return { ok: true, value };
}

export function invalid(code: IdentifierErrorCode, message: string): IdentifierResult {
  return { ok: false, code, message };
}
