import { PURPOSE_HEADER } from "@mash/gateway/authorization/purpose-verifier";
import { issueDevToken } from "@mash/gateway/dev/issue-token";
import { PERSONAS, type Persona } from "@mash/schema/authorization/personas";
import {
  type BreakGlassGrant,
  type Grants,
  grantsFor,
  type Principal,
} from "@mash/schema/authorization/principal";
import { type GraphQLResponse, graphql } from "./graphql-client.js";

/** The header that declares the MASH enquiry a request is for (verified by the gateway). */
export { PURPOSE_HEADER };

/** Long enough for the 20-character minimum, and says why, as a practitioner would. */
export const BREAK_GLASS_REASON =
  "Automated authorization test: restricted items needed for the strategy discussion.";

export interface EnquiryRef {
  id: string;
  subjectId: string;
}

export function personaByKey(key: string): Persona {
  const persona = PERSONAS.find((candidate) => candidate.key === key);
  if (!persona) throw new Error(`No persona "${key}" in schema/src/authorization/personas.ts`);
  return persona;
}

/** The principal the gateway builds from a persona's token (and signs on to the subgraphs). */
export function principalOf(persona: Persona): Principal {
  return {
    id: persona.id,
    displayName: persona.displayName,
    agency: persona.agency,
    roles: [...persona.roles],
  };
}

export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

/**
 * One practitioner at the gateway: their token, the enquiries they may declare, the purpose they
 * declared and the break-glass grants they hold under it. Knows what the gateway should make of
 * all that (`grants()`), so tests can derive expectations from the same inputs as the request.
 */
export class PersonaSession {
  /** Grants declared in this session, each with the enquiry it was declared under. */
  readonly #breakGlass: { grant: BreakGlassGrant; enquiryId: string }[] = [];
  #purpose: EnquiryRef | null = null;

  private constructor(
    readonly gatewayUrl: string,
    readonly persona: Persona,
    readonly token: string,
    /** Open enquiries the persona takes part in, newest first (`myEnquiries`). */
    readonly enquiries: readonly EnquiryRef[],
  ) {}

  /** Signs in (a dev identity provider token) and reads the persona's enquiries. */
  static async signIn(gatewayUrl: string, key: string): Promise<PersonaSession> {
    const persona = personaByKey(key);
    const token = await issueDevToken(persona, { expiresIn: "1h" });
    const response = await graphql<{ myEnquiries: { id: string; subject: { id: string } }[] }>(
      gatewayUrl,
      "{ myEnquiries { id subject { id } } }",
      undefined,
      bearer(token),
    );
    if (response.status !== 200 || response.errors || !response.data) {
      throw new Error(`${key} could not list their enquiries: ${JSON.stringify(response)}`);
    }
    const enquiries = response.data.myEnquiries.map((enquiry) => ({
      id: enquiry.id,
      subjectId: enquiry.subject.id,
    }));
    return new PersonaSession(gatewayUrl, persona, token, enquiries);
  }

  get purpose(): EnquiryRef | null {
    return this.#purpose;
  }

  /** Declares (or, with null, stops declaring) the enquiry later requests are for. */
  declarePurpose(enquiry: EnquiryRef | null): this {
    this.#purpose = enquiry;
    return this;
  }

  headers(): Record<string, string> {
    return {
      ...bearer(this.token),
      ...(this.#purpose ? { [PURPOSE_HEADER]: this.#purpose.id } : {}),
    };
  }

  query<TData = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    url = this.gatewayUrl,
  ): Promise<GraphQLResponse<TData>> {
    return graphql<TData>(url, query, variables, this.headers());
  }

  /**
   * Declares break-glass for one subject under the current purpose; throws if refused. Declare it
   * at the gateway that will be asked next: a gateway remembers a caller's verified purpose (and
   * grants) for a while, and forgets it early only when the declaration passes through it.
   */
  async declareBreakGlass(subjectId: string, url = this.gatewayUrl): Promise<BreakGlassGrant> {
    const response = await this.query<{ declareBreakGlass: BreakGlassGrant | null }>(
      `mutation BreakGlass($input: DeclareBreakGlassInput!) {
        declareBreakGlass(input: $input) { id subjectId expiresAt }
      }`,
      { input: { subjectId, reason: BREAK_GLASS_REASON, minutes: 15 } },
      url,
    );
    const grant = response.data?.declareBreakGlass;
    if (response.errors || !grant || !this.#purpose) {
      throw new Error(
        `${this.persona.key} could not declare break-glass: ${JSON.stringify(response)}`,
      );
    }
    this.#breakGlass.push({ grant, enquiryId: this.#purpose.id });
    return grant;
  }

  /**
   * What the gateway should grant this session's next request: the persona's roles as scopes, and
   * the purpose and break-glass policies as declared. Grants are per enquiry, so only those
   * declared under the current purpose count.
   */
  grants(): Grants {
    const purpose = this.#purpose;
    return grantsFor({
      principal: principalOf(this.persona),
      purpose: purpose ? { enquiryId: purpose.id, subjectIds: [purpose.subjectId] } : null,
      breakGlass: this.#breakGlass
        .filter((declared) => declared.enquiryId === purpose?.id)
        .map((declared) => declared.grant),
    });
  }
}
