import { issueDevToken } from "@mash/gateway/dev/issue-token";
import { generateWorld, truthLinks } from "@mash/synthetic-world/world";
import { describe, expect, it } from "vitest";
import { type GraphQLResponse, graphql } from "../support/graphql-client.js";
import { AWAITING, contactAbout, OPEN, SUBMIT } from "../support/mash-workflow.js";
import { bearer, personaByKey } from "../support/personas.js";
import { sharedStacks } from "../support/shared-stack.js";
import { TEST_WORLD } from "../support/system-under-test.js";

// Record matching through the gateway, with authorization on: the police researcher sees the
// nominals that may be each subject, confirms one, rejects another; others may not decide.

const PAGE = `query Page($after: String) {
  subjects(first: 100, after: $after) {
    nodes {
      id
      police { known }
      policeMatches { id nominalId score band status reasons { field agreement weight } }
    }
    pageInfo { endCursor hasNextPage }
  }
}`;

const SUBJECT = `query One($id: ID!) {
  subject(id: $id) {
    id
    police { known }
    policeMatches { id nominalId band status decidedBy }
    household { members { id policeMatches { id band } } }
  }
}`;

const QUEUE = `query Queue { policeReviewQueue(first: 50) { id subjectId nominalId band status conflict } }`;

const DECIDE = `mutation Decide($input: DecideMatchInput!) {
  decidePoliceMatch(input: $input) { id status decidedBy decisionReason decidedAt }
}`;

interface Candidate {
  id: string;
  nominalId: string;
  score: number;
  band: string;
  status: string;
  reasons: { field: string; agreement: string; weight: number }[];
}

interface PageNode {
  id: string;
  police: { known: boolean } | null;
  policeMatches: Candidate[] | null;
}

interface PageData {
  subjects: { nodes: PageNode[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } };
}

/** The `subject` of a response, which every query here expects (errors say why when missing). */
function subjectOf<T>(response: GraphQLResponse<Record<string, unknown>>): T {
  const subject = response.data?.subject;
  if (!subject) throw new Error(`no subject in the response: ${JSON.stringify(response.errors)}`);
  return subject as T;
}

describe.each(sharedStacks())("record matching through the gateway on $name", (stack) => {
  const tokens = new Map<string, string>();

  async function as(persona: string, query: string, variables?: Record<string, unknown>) {
    let token = tokens.get(persona);
    if (!token) {
      token = await issueDevToken(personaByKey(persona), { expiresIn: "1h" });
      tokens.set(persona, token);
    }
    return graphql<Record<string, unknown>>(stack.gatewayUrl, query, variables, bearer(token));
  }

  async function allSubjects(): Promise<PageNode[]> {
    const nodes: PageNode[] = [];
    let after: string | null = null;
    do {
      const response = await as("police-researcher", PAGE, after ? { after } : {});
      expect(response.errors).toBeUndefined();
      const page = (response.data as unknown as PageData).subjects;
      nodes.push(...page.nodes);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    return nodes;
  }

  it("shows a researcher candidates, takes decisions, never proposes a rejected pair again", async () => {
    const subjects = await allSubjects();
    const withCandidates = subjects.filter((s) => (s.policeMatches ?? []).length > 0);
    expect(withCandidates.length).toBeGreaterThan(0);
    for (const candidate of withCandidates.flatMap((s) => s.policeMatches ?? [])) {
      expect(candidate.score).toEqual(expect.any(Number));
      expect(["CERTAIN", "PROBABLE", "POSSIBLE"]).toContain(candidate.band);
      expect(candidate.reasons.length).toBeGreaterThan(0);
    }

    // A subject the police do not know yet, with a pending candidate whose nominal is nobody's
    // yet (one record, one person): confirm it.
    const linkedNominals = new Set(
      subjects
        .flatMap((s) => s.policeMatches ?? [])
        .filter((c) => c.status === "AUTO_LINKED")
        .map((c) => c.nominalId),
    );
    const open = (c: Candidate) => c.status === "PENDING" && !linkedNominals.has(c.nominalId);
    const unknown = subjects.find(
      (s) => s.police?.known === false && (s.policeMatches ?? []).some(open),
    );
    expect(unknown).toBeDefined();
    const toConfirm = unknown?.policeMatches?.find(open) as Candidate;
    const confirmed = await as("police-researcher", DECIDE, {
      input: {
        candidateId: toConfirm.id,
        decision: "CONFIRM",
        reason: "Checked on PNC: same person",
      },
    });
    expect(confirmed.errors).toBeUndefined();
    expect(confirmed.data?.decidePoliceMatch).toMatchObject({
      status: "CONFIRMED",
      decidedBy: "dev-police-researcher",
    });

    // Another pending candidate, of another subject: reject it.
    const other = subjects.find(
      (s) => s.id !== unknown?.id && (s.policeMatches ?? []).some((c) => c.status === "PENDING"),
    );
    const toReject = other?.policeMatches?.find((c) => c.status === "PENDING") as Candidate;
    const rejected = await as("police-researcher", DECIDE, {
      input: { candidateId: toReject.id, decision: "REJECT", reason: "Different person" },
    });
    expect(rejected.errors).toBeUndefined();

    const after = await as("police-researcher", SUBJECT, { id: other?.id });
    expect(after.errors).toBeUndefined();
    const afterMatches = subjectOf<{ policeMatches: Candidate[] }>(after).policeMatches;
    expect(afterMatches.some((c) => c.nominalId === toReject.nominalId)).toBe(false);

    // The confirmed link is now part of the subject's police section.
    const linked = await as("police-researcher", SUBJECT, { id: unknown?.id });
    expect(linked.errors).toBeUndefined();
    const subject = linked.data?.subject as {
      police: { known: boolean };
      policeMatches: Candidate[];
    };
    expect(subject.police.known).toBe(true);
    expect(subject.policeMatches.find((c) => c.id === toConfirm.id)?.status).toBe("CONFIRMED");
  }, 120_000);

  it("knows subjects only through links linkage or a researcher made, and queues the rest", async () => {
    const subjects = await allSubjects();
    // Every subject the police know is known through a link linkage made (AUTO_LINKED) or a
    // researcher confirmed: nothing was copied from the synthetic world's ground truth.
    const known = subjects.filter((s) => s.police?.known);
    expect(known.length).toBeGreaterThan(0);
    for (const subject of known) {
      const statuses = (subject.policeMatches ?? []).map((c) => c.status);
      expect(statuses.some((status) => status === "AUTO_LINKED" || status === "CONFIRMED")).toBe(
        true,
      );
    }
    // The researcher's queue holds real proposals, conflicts first.
    const queue = await as("police-researcher", QUEUE);
    expect(queue.errors).toBeUndefined();
    const pairs = queue.data?.policeReviewQueue as { status: string; conflict: boolean }[];
    expect(pairs.length).toBeGreaterThan(0);
    expect(pairs.every((pair) => pair.status === "PENDING")).toBe(true);
  }, 120_000);

  it("links a subject created at intake before anyone reads its matches (the subject feed)", async () => {
    // Someone the police know and social care does not: a contact about them creates a subject.
    const world = generateWorld(TEST_WORLD);
    const inSocialCare = new Set(
      truthLinks(world)
        .filter((link) => link.agency === "police")
        .map((link) => link.recordId),
    );
    const nominal = world.records.police.find(
      (record) => !inSocialCare.has(record.recordId) && record.dateOfBirth,
    );
    if (!nominal) throw new Error("every nominal is a subject");
    const submitted = await as("referrer", SUBMIT, {
      input: contactAbout(
        { ...nominal, dateOfBirth: nominal.dateOfBirth as string },
        "subject-feed-intake-1",
      ),
    });
    expect(submitted.errors).toBeUndefined();
    const contactId = (submitted.data?.submitContact as { id: string } | undefined)?.id;
    const awaiting = await as("social-worker", AWAITING);
    expect(awaiting.errors).toBeUndefined();
    const opened = await as("social-worker", OPEN, { id: contactId });
    expect(opened.errors).toBeUndefined();
    const subjectId = (opened.data?.openEnquiry as { subject: { id: string } } | undefined)?.subject
      .id;

    // The police learn of the subject from social care's feed (every 2 s here) and link it; the
    // researcher's queue shows the result without anyone having read the subject's matches.
    const QUEUE_ALL = `query Queue { policeReviewQueue(first: 200) { subjectId nominalId } }`;
    let proposed = false;
    for (let attempt = 0; attempt < 120 && !proposed; attempt++) {
      const queue = await as("police-researcher", QUEUE_ALL);
      const pairs = queue.data?.policeReviewQueue as { subjectId: string; nominalId: string }[];
      const linked = await as("police-researcher", SUBJECT, { id: subjectId });
      const matches = subjectOf<{ policeMatches: Candidate[] }>(linked).policeMatches;
      proposed =
        pairs.some((pair) => pair.subjectId === subjectId) ||
        matches.some((candidate) => candidate.nominalId === nominal.recordId);
      if (!proposed) await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    expect(proposed).toBe(true);
  }, 240_000);

  it("matches the household's members too", async () => {
    const subjects = await allSubjects();
    const response = await as("police-researcher", SUBJECT, { id: subjects[0]?.id });
    expect(response.errors).toBeUndefined();
    const { household } = subjectOf<{
      household: { members: { policeMatches: unknown }[] } | null;
    }>(response);
    for (const member of household?.members ?? [])
      expect(member.policeMatches).toEqual(expect.any(Array));
  }, 60_000);

  it("gives the manager candidates to read but no decision, and others neither", async () => {
    const subjects = await allSubjects();
    const candidate = subjects
      .flatMap((s) => s.policeMatches ?? [])
      .find((c) => c.status === "PENDING");
    expect(candidate).toBeDefined();

    const managerReads = await as("manager", SUBJECT, { id: subjects[0]?.id });
    expect(subjectOf<{ policeMatches: unknown }>(managerReads).policeMatches).toEqual(
      expect.any(Array),
    );

    const managerDecides = await as("manager", DECIDE, {
      input: { candidateId: candidate?.id, decision: "REJECT", reason: "Not the manager's call" },
    });
    expect(managerDecides.data?.decidePoliceMatch ?? null).toBeNull();
    expect(managerDecides.errors?.[0]?.extensions?.code).toBe("UNAUTHORIZED_FIELD_OR_TYPE");

    const socialWorker = await as("social-worker", SUBJECT, { id: subjects[0]?.id });
    expect(subjectOf<{ policeMatches: unknown }>(socialWorker).policeMatches).toBeNull();
    expect(socialWorker.errors?.map((e) => e.extensions?.code)).toContain(
      "UNAUTHORIZED_FIELD_OR_TYPE",
    );

    const healthResearcher = await as("health-researcher", DECIDE, {
      input: { candidateId: candidate?.id, decision: "CONFIRM", reason: "Not my agency's call" },
    });
    expect(healthResearcher.data?.decidePoliceMatch ?? null).toBeNull();
    expect(healthResearcher.errors?.[0]?.extensions?.code).toBe("UNAUTHORIZED_FIELD_OR_TYPE");
  }, 60_000);
});
