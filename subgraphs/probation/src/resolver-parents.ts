import type { LinkedSection } from "@mash/agency-kit/graphql/linked-records";
import type { offender, protectedPerson, subjectLink } from "./db/schema.js";
import type { CaseRow, ConditionRow } from "./probation-summary.js";

// What the resolvers of each object type receive as their parent, where that is not the SDL type
// itself. `codegen.ts` maps the SDL types to these, so the generated resolver types check every
// resolver against what actually flows into it. A type not listed here is its SDL shape, and the
// object a resolver returns for it is checked field by field.

export type * from "@mash/agency-kit/graphql/resolver-parents";

type LinkRow = typeof subjectLink.$inferSelect;

/** `ProbationSection`: the subject and its links to offender records. */
export type SectionParent = LinkedSection<LinkRow>;

/** `OffenderRecord`: the record as seen from one subject, with the link that led to it. */
export type OffenderRecordParent = typeof offender.$inferSelect & { link: LinkRow };

/**
 * `ProbationCase` and `LicenceCondition`: rows tagged with the subject whose section they were
 * loaded for. A protected person's details are released only under break-glass for that subject,
 * which the subgraph checks record by record.
 */
export type SubjectCase = CaseRow & { subjectId: string };
export type SubjectCondition = ConditionRow & { subjectId: string };

export type ProtectedPersonRow = typeof protectedPerson.$inferSelect;
