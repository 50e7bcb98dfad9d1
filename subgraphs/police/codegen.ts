import type { CodegenConfig } from "@graphql-codegen/cli";
import { resolverTypesConfig } from "@mash/platform/codegen/resolver-types-config";
import { SOURCE_EVALUATION_GRADES } from "./src/source-evaluation.js";

/** Resolver types from schema.graphql: `npm run codegen` (typecheck and build run it first). */
const config: CodegenConfig = resolverTypesConfig({
  packageRoot: new URL(".", import.meta.url),
  contextType: "PoliceContext",
  mappers: {
    Subject: "SubjectReference",
    Enquiry: "EnquiryReference",
    AgencyCheck: "AgencyCheckView",
    PersonName: "PersonNameParent",
    PoliceSection: "SectionParent",
    PoliceNominal: "LinkedNominal",
    Offence: "OffenceRow",
    IntelligenceItem: "IntelligenceRow",
    PoliceMatchCandidate: "MatchCandidateRow",
    MatchReason: "MatchReasonParent",
    LinkEvent: "LinkEventParent",
  },
  // The database keeps the numeric 3x5x2 grade, not a lower-case name.
  enumExceptions: { SourceEvaluation: SOURCE_EVALUATION_GRADES },
});

export default config;
