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
    stack = await startTestStack(backend, { LOG_LEVEL: "debug" }, "capture");
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

    it("names an edited entry, and the entry after a deleted one", async () => {
      const { rows } = await sql("select seq, id from access_log_entry order by seq limit 3");
      const [first, second, third] = rows as { seq: string; id: string }[];
      await sql("update access_log_entry set principal_id = 'someone-else' where seq = $1", [
        second?.seq,
      ]);
      const edited = await dpo.query<{ accessLogIntegrity: { firstBroken: unknown } }>(
        `{ accessLogIntegrity { valid firstBroken { seq id problem } } }`,
      );
      expect(edited.data?.accessLogIntegrity.firstBroken).toEqual({
        seq: Number(second?.seq),
        id: second?.id,
        problem: "EDITED",
      });
      await sql("delete from access_log_entry where seq = $1", [second?.seq]);
      const deleted = await dpo.query<{ accessLogIntegrity: { firstBroken: unknown } }>(
        `{ accessLogIntegrity { valid firstBroken { seq id problem } } }`,
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
