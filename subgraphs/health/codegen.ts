import type { CodegenConfig } from "@graphql-codegen/cli";
import { resolverTypesConfig } from "@mash/platform/codegen/resolver-types-config";

/** Resolver types from schema.graphql: `npm run codegen` (typecheck and build run it first). */
const config: CodegenConfig = resolverTypesConfig({
  packageRoot: new URL(".", import.meta.url),
  contextType: "HealthContext",
  mappers: {
    Subject: "SubjectReference",
    HealthMatchCandidate: "MatchCandidateRow",
    MatchReason: "MatchReasonParent",
    LinkEvent: "LinkEventParent",
    Enquiry: "EnquiryReference",
    AgencyCheck: "AgencyCheckView",
    PersonName: "PersonNameParent",
    HealthSection: "SectionParent",
    HealthPatient: "PatientRow",
    GpRegistration: "GpRegistrationRow",
    CpisFlag: "CpisFlagRow",
  },
});

export default config;
