// What the resolvers of each object type receive as their parent, where that is not the SDL type
// itself. `codegen.ts` maps the SDL types to these, so the generated resolver types check every
// resolver against what actually flows into it. A type not listed here is its SDL shape, and the
// object a resolver returns for it is checked field by field.

export type * from "@mash/agency-kit/graphql/resolver-parents";

export type {
  IntelligenceRow,
  LinkedNominal,
  OffenceRow,
  SectionParent,
} from "./police-section.js";
