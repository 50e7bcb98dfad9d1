import { PersonaSession } from "./personas.js";

interface Candidate {
  id: string;
  status: string;
  score: number;
}

const CANDIDATES = `query Candidates($id: ID!) {
  subject(id: $id) { police { known } policeMatches { id status score } }
}`;

const CONFIRM = `mutation Confirm($input: DecideMatchInput!) {
  decidePoliceMatch(input: $input) { id status }
}`;

/**
 * As the police researcher, confirms the best pending police candidate of each subject the police
 * do not know yet: what a MASH does before relying on a proposed link. The seeded links are
 * linkage's own, so a record with a misspelt surname is a proposal until someone confirms it. A
 * candidate whose nominal is already someone else's is refused (one record, one person) and left.
 * Returns how many links were confirmed.
 */
export async function confirmPendingPoliceLinks(
  gatewayUrl: string,
  subjectIds: readonly string[],
): Promise<number> {
  const researcher = await PersonaSession.signIn(gatewayUrl, "police-researcher");
  let confirmed = 0;
  for (const id of new Set(subjectIds)) {
    const response = await researcher.query<{
      subject: { police: { known: boolean } | null; policeMatches: Candidate[] | null } | null;
    }>(CANDIDATES, { id });
    const subject = response.data?.subject;
    if (!subject || subject.police?.known) continue;
    const best = (subject.policeMatches ?? [])
      .filter((candidate) => candidate.status === "PENDING")
      .sort((a, b) => b.score - a.score)[0];
    if (!best) continue;
    const decided = await researcher.query(CONFIRM, {
      input: { candidateId: best.id, decision: "CONFIRM", reason: "Checked on PNC: same person" },
    });
    if (!decided.errors) confirmed += 1;
  }
  return confirmed;
}
