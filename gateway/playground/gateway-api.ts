/**
 * What the picker asks the gateway: the development personas and their tokens (only where the
 * gateway trusts the development identity provider), and the caller's enquiries.
 */
export interface PersonaSummary {
  key: string;
  displayName: string;
  agency: string;
  description: string;
}

export interface EnquiryOption {
  id: string;
  status: string;
  subjectId: string;
  subjectName: string;
}

/** Relative to the page, so the playground works wherever the gateway is mounted. */
function gatewayUrl(path: string): URL {
  return new URL(path, document.baseURI);
}

export const GRAPHQL_ENDPOINT = gatewayUrl("graphql");

/** The personas to sign in as, or null when this gateway issues no development tokens. */
export async function fetchPersonas(): Promise<PersonaSummary[] | null> {
  const response = await fetch(gatewayUrl("dev/personas"));
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`Listing personas failed (HTTP ${response.status})`);
  return ((await response.json()) as { personas: PersonaSummary[] }).personas;
}

export async function fetchDevToken(persona: string): Promise<string> {
  const url = gatewayUrl("dev/token");
  url.searchParams.set("persona", persona);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`No token for ${persona} (HTTP ${response.status})`);
  return ((await response.json()) as { token: string }).token;
}

interface MyEnquiriesResult {
  data?: {
    myEnquiries?: {
      id: string;
      status: string;
      subject: { id: string; name: { givenName: string; familyName: string } | null } | null;
    }[];
  } | null;
  errors?: { message: string }[];
}

const MY_ENQUIRIES = `query PlaygroundEnquiries {
  myEnquiries { id status subject { id name { givenName familyName } } }
}`;

/** The enquiries the token's holder takes part in: the purposes they may declare. */
export async function fetchEnquiries(token: string): Promise<EnquiryOption[]> {
  const response = await fetch(GRAPHQL_ENDPOINT, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: MY_ENQUIRIES, operationName: "PlaygroundEnquiries" }),
  });
  const result = (await response.json()) as MyEnquiriesResult;
  const first = result.errors?.[0];
  if (first) throw new Error(first.message);
  return (result.data?.myEnquiries ?? []).flatMap((enquiry) =>
    enquiry.subject
      ? [
          {
            id: enquiry.id,
            status: enquiry.status,
            subjectId: enquiry.subject.id,
            subjectName: enquiry.subject.name
              ? `${enquiry.subject.name.givenName} ${enquiry.subject.name.familyName}`
              : "(name withheld)",
          },
        ]
      : [],
  );
}
