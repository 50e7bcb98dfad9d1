import { aboutEnquiry, scopedByArguments } from "@mash/platform/authorization/purpose-scope";
import type { SubgraphAuthorization } from "@mash/platform/authorization/subgraph-authorization";
import type { Database } from "@mash/platform/db/connect";
import { subjectReference } from "@mash/platform/graphql/ids";
import type { AgencyMatching } from "@mash/record-linkage/agency-matching";
import type { DecideMatchInput, RevokeLinkInput } from "@mash/record-linkage/decide-match";
import type { MatchCandidateRow } from "@mash/record-linkage/match-tables";
import type { MatchReason } from "@mash/record-linkage/score";
import type { RequiredSubjectIdentity } from "@mash/record-linkage/subject-identity";
import { agencyCheckResolvers } from "../disclosure/agency-check-resolvers.js";
import {
  type EnquiryCheckReference,
  enquiryCheckReference,
  loadAgencyCheck,
} from "../disclosure/enquiry-check-reference.js";
import {
  type DisclosureTable,
  type RecordDisclosureInput,
  recordDisclosure,
} from "../disclosure/record-disclosure.js";
import type { AgencyImport } from "../import/agency-import.js";
import { importFromMutation } from "../import/import-mutation.js";
import type { matchingAgencyLoaders } from "./agency-loaders.js";

/** The agencies that match their records to MASH subjects, by their names in the SDL. */
export type MatchingAgency = "police" | "health" | "probation";

/** What the shared resolvers need of a matching agency's request context. */
export interface MatchingAgencyContext<TSchema extends Record<string, unknown>> {
  db: Database<TSchema>;
  auth: SubgraphAuthorization;
  now: Date;
  loaders: Pick<
    ReturnType<typeof matchingAgencyLoaders>,
    "disclosuresByEnquiry" | "matchesBySubject" | "linkHistory"
  >;
}

export interface MatchingAgencyResolverOptions<
  A extends MatchingAgency,
  F extends string,
  TSchema extends Record<string, unknown>,
> {
  /** The agency, as its SDL names its fields (`policeCheck`, `importPoliceRecords`, …). */
  agency: A;
  matching: AgencyMatching;
  agencyImport: AgencyImport<TSchema>;
  disclosure: DisclosureTable;
  /** The `<Agency>MatchCandidate` field that holds the agency's record id (`nominalId`, `crn`, …). */
  recordIdField: F;
}

/** `{ [key]: value }` with its literal key: a computed key alone widens to `string`. */
function named<K extends string, V>(key: K, value: V): { [P in K]: V } {
  return { [key]: value } as { [P in K]: V };
}

/**
 * The resolvers every matching agency's SDL declares under its own names: its check and
 * disclosures on the enquiry, its matches on the subject, the researcher's review
 * queue, decisions and revocations, the import and the disclosure mutations, and the shared types'
 * fields (the agency resolves its own section, `Subject.<agency>`). Police, health and probation differ here only in names, so each spreads these into its
 * resolver map and adds what is its own; the generated resolver types check the result.
 */
export function matchingAgencyResolvers<
  A extends MatchingAgency,
  F extends string,
  TSchema extends Record<string, unknown>,
>({
  agency,
  matching,
  agencyImport,
  disclosure,
  recordIdField,
}: MatchingAgencyResolverOptions<A, F, TSchema>) {
  type Context = MatchingAgencyContext<TSchema>;
  const Agency = (agency[0]?.toUpperCase() + agency.slice(1)) as Capitalize<A>;
  return {
    Enquiry: {
      // Keeps the `@requires` fields (checksRequestedAt, checksDueAt) the gateway sends along.
      __resolveReference: enquiryCheckReference,
      // Everyone on the enquiry may see where the check stands (see docs/agency-checks.md).
      ...named(`${agency}Check`, (enquiry: EnquiryCheckReference, _args: unknown, ctx: Context) =>
        loadAgencyCheck(agency, enquiry, ctx.loaders.disclosuresByEnquiry, ctx.now),
      ),
      // Read only under the enquiry itself: the declared purpose must be this enquiry.
      ...named(
        `${agency}Disclosures`,
        aboutEnquiry(
          (enquiry: { id: string }) => enquiry.id,
          (enquiry: { id: string }, _args: unknown, ctx: Context) =>
            ctx.loaders.disclosuresByEnquiry.load(enquiry.id),
        ),
      ),
    },

    AgencyCheck: agencyCheckResolvers,

    Query: named(
      `${agency}ReviewQueue`,
      (_root: unknown, { first, offset }: { first: number; offset: number }, ctx: Context) =>
        matching.reviewQueue(ctx.db, first, offset),
    ),

    Mutation: {
      ...named(
        `import${Agency}Records`,
        (_root: unknown, { records }: { records: string }, ctx: Context) =>
          importFromMutation(ctx.db, agencyImport, records),
      ),
      ...named(
        `record${Agency}Disclosure`,
        scopedByArguments(
          "recordDisclosure",
          (_root: unknown, { input }: { input: RecordDisclosureInput }, ctx: Context) =>
            recordDisclosure(ctx.db, disclosure, ctx.auth, input, ctx.now),
        ),
      ),
      ...named(
        `decide${Agency}Match`,
        (_root: unknown, { input }: { input: DecideMatchInput }, ctx: Context) =>
          matching.decide(ctx.db, ctx.auth, input, ctx.now),
      ),
      ...named(
        `revoke${Agency}Link`,
        (_root: unknown, { input }: { input: RevokeLinkInput }, ctx: Context) =>
          matching.revoke(ctx.db, ctx.auth, input, ctx.now),
      ),
    },

    ...named(`${Agency}MatchCandidate`, {
      history: (pair: MatchCandidateRow, _args: unknown, ctx: Context) =>
        ctx.loaders.linkHistory.load(pair),
      ...named(recordIdField, (row: MatchCandidateRow) => row.recordId),
    }),

    MatchReason: {
      agreement: (reason: MatchReason) => reason.agreement.toUpperCase(),
    },

    Subject: {
      // Social care owns the subject: any well-formed id resolves, without a query here, and an
      // id no record links to is a subject the agency does not know (`known: false`), not an
      // error. The representation also carries social care's identity fields when
      // `<agency>Matches` asks for them.
      __resolveReference: (reference: RequiredSubjectIdentity) => ({
        ...reference,
        ...subjectReference(reference),
      }),
      ...named(
        `${agency}Matches`,
        (subject: RequiredSubjectIdentity, _args: unknown, ctx: Context) =>
          ctx.loaders.matchesBySubject.load(subject),
      ),
    },

    PersonName: {
      // Aliases carry no middle names.
      middleNames: (name: { middleNames?: string[] | null }) => name.middleNames ?? [],
    },
  };
}
