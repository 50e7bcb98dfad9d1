/** How well the middle names agree, when both sides hold some. */
export type MiddleNameAgreement = "agree" | "initial" | "disagree" | "missing";

/**
 * Middle names, when both sides record them: one in common is strong evidence (namesakes born the
 * same day rarely share a middle name too); none in common is evidence against. Many agencies drop
 * middle names, so one side without them says nothing.
 */
export function compareMiddleNames(
  a: readonly string[],
  b: readonly string[],
): MiddleNameAgreement {
  if (a.length === 0 || b.length === 0) return "missing";
  if (a.some((name) => name.length > 1 && b.includes(name))) return "agree";
  const initialsA = new Set(a.map((name) => name[0]));
  return b.some(
    (name) =>
      initialsA.has(name[0]) && (name.length === 1 || a.some((other) => other.length === 1)),
  )
    ? "initial"
    : "disagree";
}
