import type { CodegenConfig } from "@graphql-codegen/cli";
import { resolverTypesConfig } from "@mash/platform/codegen/resolver-types-config";

/** Resolver types from schema.graphql: `npm run codegen` (typecheck and build run it first). */
const config: CodegenConfig = resolverTypesConfig({
  packageRoot: new URL(".", import.meta.url),
  contextType: "SocialCareContext",
  mappers: {
    Subject: "SubjectParent",
    PersonName: "PersonNameParent",
    Enquiry: "EnquiryParent",
    AgencyCheck: "AgencyCheckView",
    SubjectConnection: "SubjectPage",
    SubjectChanges: "SubjectChangePage",
    Household: "HouseholdRow",
    Relationship: "RelationshipRow",
    SocialCareSection: "SectionParent",
    LookedAfterEpisode: "LookedAfterEpisodeParent",
    MyContact: "MashContactRow",
    MashContact: "MashContactRow",
    ContactReferrer: "MashContactRow",
    ContactPerson: "ContactPersonRow",
    RatingChange: "RatingChangeRow",
    EnquiryDecision: "EnquiryDecisionRow",
  },
});

export default config;
