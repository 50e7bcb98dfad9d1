import { agencyDatabaseUrl } from "@mash/platform/db/target";
import { generateWorld } from "@mash/synthetic-world/world";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningStack } from "../../scripts/stack.js";
import { graphql } from "../support/graphql-client.js";
import { PersonaSession } from "../support/personas.js";
import {
  type StackBackend,
  stackBackends,
  startTestStack,
  TEST_WORLD,
} from "../support/system-under-test.js";

interface Entry {
  seq: number;
  principalId: string;
  purposeEnquiryId: string | null;
  operationName: string | null;
  outcome: string;
  subjects: { id: string }[];
  fieldsReturned: string[];
  fieldsDenied: string[];
}

const ENTRY_FIELDS = `seq principalId purposeEnquiryId operationName outcome subjects { id } fieldsReturned fieldsDenied`;
const PICTURE = `query AccessedPicture($id: ID!) {
  subject(id: $id) {
    name { familyName }
    dateOfBirth
    police { known intelligence { sanitisedText sourceEvaluation } }
    household { members { name { givenName } } }
  }
}`;

describe.each(stackBackends())("accountability on $name", (backend: StackBackend) => {
  let stack: RunningStack;
  let socialWorker: PersonaSession;
  let dpo: PersonaSession;

  beforeAll(async () => {
    stack = await startTestStack(
      backend,
      { LOG_LEVEL: "debug", ACCESS_LOG_HEAD_INTERVAL_SECONDS: "0.2" },
      "capture",
    );
    socialWorker = await PersonaSession.signIn(stack.gatewayUrl, "social-worker");
    dpo = await PersonaSession.signIn(stack.gatewayUrl, "dpo");
  });
  afterAll(async () => {
    await stack?.stop();
    await backend.cleanup();
  });

  async function entriesOf(principalId: string): Promise<Entry[]> {
    const response = await dpo.query<{ accessLog: { entries: Entry[] } }>(
      `query ($id: ID!) { accessLog(filter: { principalId: $id }, first: 200) { entries { ${ENTRY_FIELDS} } } }`,
      { id: principalId },
    );
    expect(response.errors).toBeUndefined();
    return response.data?.accessLog.entries ?? [];
  }

  it("records exactly one entry for a protected read, and none for an unprotected one", async () => {
    const enquiry = socialWorker.enquiries[0];
    if (!enquiry) throw new Error("the social worker has no enquiry");
    socialWorker.declarePurpose(enquiry);
    const before = await entriesOf("dev-social-worker");

    const picture = await socialWorker.query(PICTURE, { id: enquiry.subjectId });
    expect(picture.data?.subject).toBeTruthy();
    await socialWorker.query(`{ myEnquiries { id } }`);

    const after = await entriesOf("dev-social-worker");
    expect(after).toHaveLength(before.length + 1);
    const entry = after[0];
    expect(entry).toMatchObject({
      principalId: "dev-social-worker",
      purposeEnquiryId: enquiry.id,
      operationName: "AccessedPicture",
      outcome: "RETURNED",
      fieldsDenied: ["subject.police.intelligence.@.sourceEvaluation"],
    });
    expect(entry?.subjects.map((subject) => subject.id)).toContain(enquiry.subjectId);
    expect(entry?.fieldsReturned).toEqual(
      expect.arrayContaining([
        "Query.subject",
        "Subject.name",
        "Subject.dateOfBirth",
        "PoliceSection.intelligence",
      ]),
    );
    expect(entry?.fieldsReturned).not.toContain("IntelligenceItem.sourceEvaluation");
  });

  /** The entries of one request, found by the id the gateway returned for it. */
  async function entriesOfRequest(requestId: string): Promise<(Entry & Record<string, unknown>)[]> {
    const response = await dpo.query<{
      accessLog: { entries: (Entry & Record<string, unknown>)[] };
    }>(
      `query ($id: ID!) { accessLog(filter: { requestId: $id }) { entries {
        ${ENTRY_FIELDS} kind requestId clientRequestId operationType fieldsRequested
        denials { path reason serviceName } } } }`,
      { id: requestId },
    );
    expect(response.errors).toBeUndefined();
    return response.data?.accessLog.entries ?? [];
  }

  async function post(headers: Record<string, string>, query: string, variables = {}) {
    const response = await fetch(stack.gatewayUrl, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, requestId: response.headers.get("x-request-id") ?? "" };
  }

  it("returns the gateway's own request id, and keeps the caller's apart, sanitised", async () => {
    const enquiry = socialWorker.enquiries[0];
    if (!enquiry) throw new Error("the social worker has no enquiry");
    const { status, requestId } = await post(
      {
        authorization: `Bearer ${socialWorker.token}`,
        "x-mash-purpose": enquiry.id,
        "x-request-id": "complaint-42<script>",
      },
      PICTURE,
      { id: enquiry.subjectId },
    );
    expect(status).toBe(200);
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const [entry] = await entriesOfRequest(requestId);
    expect(entry).toMatchObject({
      requestId,
      clientRequestId: "complaint-42script",
      kind: "ACCESS",
    });
  });

  it("puts requests refused at sign-in and at the purpose on record, with who and why", async () => {
    const badToken = await post({ authorization: "Bearer not-a-token" }, PICTURE, { id: "x" });
    expect(badToken.status).toBe(401);
    expect(await entriesOfRequest(badToken.requestId)).toEqual([
      expect.objectContaining({
        kind: "REFUSED",
        outcome: "DENIED",
        principalId: "anonymous",
        operationName: "AccessedPicture",
        denials: [{ path: "", reason: "MALFORMED_TOKEN", serviceName: null }],
      }),
    ]);
    // The data protection officer takes part in no enquiry: declaring one is refused, with the same
    // answer as for an enquiry that does not exist (no existence oracle, decision 0018).
    const enquiry = socialWorker.enquiries[0];
    if (!enquiry) throw new Error("the social worker has no enquiry");
    const outsider = await post(
      { authorization: `Bearer ${dpo.token}`, "x-mash-purpose": enquiry.id },
      PICTURE,
      { id: enquiry.subjectId },
    );
    expect(outsider.status).toBe(404);
    expect(await entriesOfRequest(outsider.requestId)).toEqual([
      expect.objectContaining({
        kind: "REFUSED",
        principalId: "dev-data-protection-officer",
        purposeEnquiryId: enquiry.id,
        fieldsRequested: expect.arrayContaining(["Query.subject", "Subject.name"]),
        denials: [{ path: "", reason: "NO_SUCH_ENQUIRY", serviceName: null }],
      }),
    ]);
  });

  it("answers who has seen a subject, everything read under an enquiry, and denied attempts", async () => {
    const enquiry = socialWorker.enquiries[0];
    if (!enquiry) throw new Error("the social worker has no enquiry");
    const response = await dpo.query<{
      bySubject: { entries: Entry[] };
      byEnquiry: { entries: Entry[] };
      denied: { entries: Entry[] };
    }>(
      `query ($subject: ID!, $enquiry: ID!) {
        bySubject: accessLog(filter: { subjectId: $subject }) { entries { ${ENTRY_FIELDS} } }
        byEnquiry: accessLog(filter: { enquiryId: $enquiry }) { entries { ${ENTRY_FIELDS} } }
        denied: accessLog(filter: { deniedOnly: true }) { entries { ${ENTRY_FIELDS} } }
      }`,
      { subject: enquiry.subjectId, enquiry: enquiry.id },
    );
    expect(response.errors).toBeUndefined();
    const { bySubject, byEnquiry, denied } = response.data ?? {
      bySubject: { entries: [] },
      byEnquiry: { entries: [] },
      denied: { entries: [] },
    };
    expect(bySubject.entries.some((entry) => entry.principalId === "dev-social-worker")).toBe(true);
    expect(byEnquiry.entries.every((entry) => entry.purposeEnquiryId === enquiry.id)).toBe(true);
    expect(denied.entries.length).toBeGreaterThan(0);
    expect(
      denied.entries.every(
        (entry) => entry.fieldsDenied.length > 0 || entry.outcome !== "RETURNED",
      ),
    ).toBe(true);
  });

  it("shows the data protection officer metadata, never the content", async () => {
    const response = await dpo.query(
      `{ accessLog(first: 1) { entries { subjects { id name { familyName } } } } }`,
    );
    expect(response.errors?.[0]?.extensions?.code).toBe("UNAUTHORIZED_FIELD_OR_TYPE");
    const subjects =
      (response.data as { accessLog: { entries: { subjects: { name: unknown }[] }[] } }).accessLog
        .entries[0]?.subjects ?? [];
    expect(subjects.every((subject) => subject.name === null)).toBe(true);
  });

  it("lets a practitioner read only their own entries", async () => {
    const response = await socialWorker.query<{ accessLog: { entries: Entry[] } }>(
      `{ accessLog(first: 200) { entries { principalId } } }`,
    );
    const principals = new Set(response.data?.accessLog.entries.map((entry) => entry.principalId));
    expect([...principals]).toEqual(["dev-social-worker"]);
  });

  it("reports bulk access outside any enquiry", async () => {
    const browser = await PersonaSession.signIn(stack.gatewayUrl, "police-officer");
    await browser.query(`{ subjects(first: 40) { nodes { name { familyName } } } }`);
    const from = new Date(Date.now() - 3_600_000).toISOString();
    const to = new Date(Date.now() + 60_000).toISOString();
    const response = await dpo.query<{
      accessAnomalies: {
        outsideEnquiries: Entry[];
        bulkAccess: { principalId: string; distinctSubjects: number }[];
      };
    }>(
      `query ($from: DateTime!, $to: DateTime!) {
        accessAnomalies(from: $from, to: $to, bulkThreshold: 25, bulkWindowMinutes: 60) {
          outsideEnquiries { principalId }
          bulkAccess { principalId distinctSubjects }
        }
      }`,
      { from, to },
    );
    expect(response.errors).toBeUndefined();
    const anomalies = response.data?.accessAnomalies;
    expect(anomalies?.outsideEnquiries.map((entry) => entry.principalId)).toContain(
      "dev-police-officer",
    );
    expect(anomalies?.bulkAccess).toContainEqual({
      principalId: "dev-police-officer",
      distinctSubjects: 40,
    });
    expect(anomalies?.bulkAccess.some((row) => row.principalId === "dev-social-worker")).toBe(
      false,
    );
  });

  it("verifies the chain through the graph", async () => {
    const response = await dpo.query<{ accessLogIntegrity: { valid: boolean; entries: number } }>(
      `{ accessLogIntegrity { valid entries head { seq hash } firstBroken { seq problem } } }`,
    );
    expect(response.data?.accessLogIntegrity.valid).toBe(true);
    expect(response.data?.accessLogIntegrity.entries).toBeGreaterThan(2);
  });

  it("keeps personal data out of the services' own logs", () => {
    const world = generateWorld(TEST_WORLD);
    const enquiry = socialWorker.enquiries[0];
    const record = world.records.socialCare.find(
      (candidate) => candidate.recordId === enquiry?.subjectId,
    );
    if (!record) throw new Error("no record for the enquiry's subject");
    const logs = stack.logs().join("\n");
    expect(logs.length).toBeGreaterThan(1_000);
    for (const value of [
      record.familyName,
      record.dateOfBirth,
      record.address.postcode,
      record.address.line1,
    ]) {
      expect(logs, `logs contain ${value}`).not.toContain(value);
    }
  });

  describe.runIf(backend.name === "postgres")("against the database itself", () => {
    const gatewayDatabase = () => agencyDatabaseUrl(backend.env().DATABASE_URL ?? "", "gateway");
    async function sql(text: string, values: unknown[] = []) {
      const client = new pg.Client({ connectionString: gatewayDatabase() });
      await client.connect();
      try {
        return await client.query(text, values);
      } finally {
        await client.end();
      }
    }

    async function integrity() {
      const response = await dpo.query<{
        accessLogIntegrity: {
          valid: boolean;
          head: { seq: number } | null;
          publishedHead: { seq: number } | null;
          firstBroken: { seq: number; problem: string } | null;
        };
      }>(
        `{ accessLogIntegrity { valid head { seq } publishedHead { seq } firstBroken { seq problem } } }`,
      );
      expect(response.errors).toBeUndefined();
      if (!response.data) throw new Error("no integrity answer");
      return response.data.accessLogIntegrity;
    }

    it("catches the newest entries cut off, against the head published outside the database", async () => {
      // The head is published every 0.2 s here: wait until it has caught up with the chain.
      let checked = await integrity();
      for (let i = 0; i < 100 && checked.publishedHead?.seq !== checked.head?.seq; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        checked = await integrity();
      }
      const published = checked.publishedHead?.seq ?? 0;
      expect(published).toBeGreaterThan(2);
      const { rows } = await sql("select * from access_log_entry where seq > $1 - 2", [published]);
      await sql("delete from access_log_entry where seq > $1 - 2", [published]);
      expect((await integrity()).firstBroken).toEqual({ seq: published - 1, problem: "TRUNCATED" });
      for (const row of rows as Record<string, unknown>[]) {
        const columns = Object.keys(row);
        await sql(
          `insert into access_log_entry (${columns.join(", ")}) values (${columns.map((_c, i) => `$${i + 1}`).join(", ")})`,
          // jsonb columns go back as JSON text; everything else as pg read it.
          columns.map((column) =>
            column === "denials" || column === "arguments"
              ? JSON.stringify(row[column])
              : row[column],
          ),
        );
      }
      expect((await integrity()).valid).toBe(true);
    });

    it("names an edited entry, and the entry after a deleted one", async () => {
      const { rows } = await sql("select seq, id from access_log_entry order by seq limit 3");
      const [first, second, third] = rows as { seq: string; id: string }[];
      await sql("update access_log_entry set principal_id = 'someone-else' where seq = $1", [
        second?.seq,
      ]);
      const edited = await dpo.query<{ accessLogIntegrity: { firstBroken: unknown } }>(
        `{ accessLogIntegrity(full: true) { valid firstBroken { seq id problem } } }`,
      );
      expect(edited.data?.accessLogIntegrity.firstBroken).toEqual({
        seq: Number(second?.seq),
        id: second?.id,
        problem: "EDITED",
      });
      await sql("delete from access_log_entry where seq = $1", [second?.seq]);
      const deleted = await dpo.query<{ accessLogIntegrity: { firstBroken: unknown } }>(
        `{ accessLogIntegrity(full: true) { valid firstBroken { seq id problem } } }`,
      );
      expect(deleted.data?.accessLogIntegrity.firstBroken).toEqual({
        seq: Number(third?.seq),
        id: third?.id,
        problem: "MISSING_BEFORE",
      });
      expect(first).toBeDefined();
    });

    it("refuses protected data while the log cannot be written, and lets the rest through", async () => {
      const enquiry = socialWorker.enquiries[0];
      if (!enquiry) throw new Error("the social worker has no enquiry");
      await sql("alter table access_log_entry rename to access_log_entry_away");
      try {
        const refused = await socialWorker.query(PICTURE, { id: enquiry.subjectId });
        expect(refused.status).toBe(503);
        expect(refused.data ?? null).toBeNull();
        expect(refused.errors?.[0]?.extensions).toMatchObject({
          code: "SERVICE_UNAVAILABLE",
          reason: "ACCESS_LOG_UNAVAILABLE",
        });
        expect(JSON.stringify(refused)).not.toContain("familyName");
        const open = await socialWorker.query<{ myEnquiries: unknown[] }>(`{ myEnquiries { id } }`);
        expect(open.errors).toBeUndefined();
        expect(open.data?.myEnquiries.length).toBeGreaterThan(0);
      } finally {
        await sql("alter table access_log_entry_away rename to access_log_entry");
      }
      const again = await socialWorker.query(PICTURE, { id: enquiry.subjectId });
      expect(again.status).toBe(200);
    });
  });

  it("is reachable only through the gateway (the audit subgraph refuses direct calls)", async () => {
    const direct = await graphql(
      stack.gatewayUrl.replace(/\/graphql$/, "/audit/graphql"),
      `{ accessLog { entries { seq } } }`,
    );
    expect(direct.status).toBe(401);
  });
});
