import { subjectIdentityOf } from "@mash/synthetic-world/subject-identity";
import type { AgencyPersonRecord } from "@mash/synthetic-world/types";

/**
 * The `_entities` representation the gateway sends an agency for `<agency>Matches`: the subject's
 * id and the identity fields the field `@requires` from social care, resolved from the subject's
 * social care record, in their GraphQL (serialised) forms.
 */
export function subjectRepresentation(record: AgencyPersonRecord) {
  return { __typename: "Subject", ...subjectIdentityOf(record) };
}
