import type { GraphQLFormattedError } from "graphql";

/** One error as the GOV.UK error summary and the field's error message show it. */
export interface FormError {
  /** The form field's id (the summary links to it). */
  field: string;
  text: string;
}

/**
 * The gateway's refusals of a mutation as form errors: BAD_USER_INPUT names the input field
 * (`input.summary`, `input.household.0.givenName`), which becomes the form field's id; anything
 * else is a message for the whole form (linked to `fallbackField`).
 */
export function formErrors(
  errors: readonly GraphQLFormattedError[],
  fallbackField: string,
  messages: Record<string, string> = {},
): FormError[] {
  return errors.map((error) => {
    const field = String(error.extensions?.field ?? "");
    const id = field.replace(/^input\./, "").replace(/\./g, "-") || fallbackField;
    return { field: id, text: messages[id] ?? error.message };
  });
}

/** The errors of one field, for its `errorMessage`. */
export function errorFor(errors: readonly FormError[], field: string) {
  const found = errors.find((error) => error.field === field);
  return found ? { text: found.text } : undefined;
}
