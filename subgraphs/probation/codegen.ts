import type { CodegenConfig } from "@graphql-codegen/cli";
import { resolverTypesConfig } from "@mash/platform/codegen/resolver-types-config";

/** Resolver types from schema.graphql: `npm run codegen` (typecheck and build run it first). */
const config: CodegenConfig = resolverTypesConfig({
  packageRoot: new URL(".", import.meta.url),
  contextType: "ProbationContext",
  mappers: {
    Subject: "SubjectReference",
    ProbationMatchCandidate: "MatchCandidateRow",
    MatchReason: "MatchReasonParent",
    LinkEvent: "LinkEventParent",
    Enquiry: "EnquiryReference",
    AgencyCheck: "AgencyCheckView",
    PersonName: "PersonNameParent",
    ProbationSection: "SectionParent",
    OffenderRecord: "OffenderRecordParent",
    ProbationCase: "SubjectCase",
    LicenceCondition: "SubjectCondition",
    ProtectedPerson: "ProtectedPersonRow",
  },
});

export default config;
