/**
 * Names as agencies type them differ in case, accents, spacing and punctuation ("O'Brien", "OBRIEN",
 * "Zoë"): every comparison is made on one normal form, upper-case A-Z with single spaces and hyphens.
 */
export function normaliseName(name: string | null | undefined): string {
  if (!name) return "";
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ß/g, "ss")
    .replace(/[łŁ]/g, "l")
    .replace(/[øØ]/g, "o")
    .toUpperCase()
    .replace(/['’.]/g, "")
    .replace(/[^A-Z\- ]+/g, " ")
    .replace(/\s*-\s*/g, "-")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * The parts of a double-barrelled or hyphenated surname ("SMITH-JONES" → SMITH, JONES): agencies
 * often record only one of them.
 */
export function nameParts(normalised: string): string[] {
  return normalised.split(/[- ]/).filter((part) => part.length > 1);
}
