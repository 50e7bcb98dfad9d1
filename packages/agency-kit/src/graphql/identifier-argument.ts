import { badUserInput } from "@mash/platform/graphql/errors";
import { parseCrn } from "@mash/uk-identifiers/crn";
import { parseCroNumber } from "@mash/uk-identifiers/cro-number";
import { parseNhsNumber } from "@mash/uk-identifiers/nhs-number";
import { parsePncId } from "@mash/uk-identifiers/pnc-id";
import type { IdentifierResult } from "@mash/uk-identifiers/result";
import { parseUpn } from "@mash/uk-identifiers/upn";

export type IdentifierKind = "nhsNumber" | "pncId" | "croNumber" | "crn" | "upn";

const PARSERS: Record<IdentifierKind, (input: string) => IdentifierResult> = {
  nhsNumber: parseNhsNumber,
  pncId: (input) => parsePncId(input),
  croNumber: parseCroNumber,
  crn: parseCrn,
  upn: parseUpn,
};

/**
 * Checks an identifier argument before it reaches SQL or a matcher: the canonical form when it
 * validates, otherwise BAD_USER_INPUT naming the argument, with the identifier's own error code as
 * the reason (e.g. NHS_NUMBER_CHECK_DIGIT). The message says what is wrong, never echoing the value.
 */
export function parseIdentifierArgument(
  kind: IdentifierKind,
  value: string,
  field: string,
): string {
  const result = PARSERS[kind](value);
  if (result.ok) return result.value;
  throw badUserInput(result.message, { field, reason: result.code });
}
