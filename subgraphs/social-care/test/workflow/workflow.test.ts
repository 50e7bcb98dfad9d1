import { startSubgraphHarness } from "@mash/test-suites/subgraph-harness";
import { testDatabases } from "@mash/test-suites/test-databases";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { socialCareSeeder } from "../../dev/seed.js";
import * as tables from "../../src/db/schema.js";
import { socialCareSubgraph } from "../../src/subgraph.js";
import {
  as,
  CLOSE,
  contactInput,
  DECIDE,
  dataOf,
  errorOf,
  type Harness,
  OPEN,
  OTHER_REFERRER,
  SUBMIT,
  type WorkflowEnquiry,
  workflowSteps,
} from "./workflow-support.js";

const SEED = { seed: 11, subjects: 200 };

type Enquiry = WorkflowEnquiry;

describe.each(testDatabases())("the MASH workflow in social care on $name", (database) => {
  let harness: Harness;
  const referrer = as("referrer");
  const worker = as("social-worker");
  const manager = as("manager");

  beforeAll(async () => {
    harness = await startSubgraphHarness(socialCareSubgraph, database, {
      ...SEED,
      seeder: socialCareSeeder,
    });
  });
  afterAll(() => harness?.close());

  const { submit, openFor, rate, decide } = workflowSteps(() => harness);

  describe("intake", () => {
    it("refuses invalid contacts with the field's path", async () => {
      const cases: [Record<string, unknown>, string][] = [
        [{ household: [{ givenName: " ", familyName: "X" }] }, "input.household.0.givenName"],
        [
          { subject: { givenName: "A", familyName: "B", nhsNumber: "943 476 5918" } },
          "input.subject.nhsNumber",
        ],
        [
          { subject: { givenName: "A", familyName: "B", dateOfBirth: "2999-01-01" } },
          "input.subject.dateOfBirth",
        ],
        [{ consent: { decision: "REFUSED_OVERRIDDEN" } }, "input.consent.reason"],
        [{ summary: "too short" }, "input.summary"],
        [{ idempotencyKey: "short" }, "input.idempotencyKey"],
        [
          {
            otherPeople: [
              {
                givenName: "A",
                familyName: "B",
                address: { line1: "1 A St", town: "Leeds", postcode: "NOPE" },
              },
            ],
          },
          "input.otherPeople.0.address.postcode",
        ],
      ];
      for (const [overrides, field] of cases) {
        const result = await harness.execute(SUBMIT, { input: contactInput(overrides) }, referrer);
        expect(errorOf(result), field).toMatchObject({ code: "BAD_USER_INPUT", field });
      }
    });

    it("returns the same contact for a retry, even concurrent ones, and refuses a reused key", async () => {
      const input = contactInput();
      const results = await Promise.all(
        Array.from({ length: 5 }, () => harness.execute(SUBMIT, { input }, referrer)),
      );
      const ids = new Set(
        results.map((result) => dataOf<{ id: string }>(result, "submitContact").id),
      );
      expect(ids.size).toBe(1);
      const rows = await harness.prepared.database.db
        .select()
        .from(tables.mashContact)
        .where(eq(tables.mashContact.idempotencyKey, input.idempotencyKey));
      expect(rows).toHaveLength(1);

      const changed = await harness.execute(
        SUBMIT,
        { input: { ...input, summary: `${input.summary} And another thing.` } },
        referrer,
      );
      expect(errorOf(changed).code).toBe("IDEMPOTENCY_KEY_REUSED");

      // Keys are per referrer: another referrer may use the same one.
      const other = await harness.execute(SUBMIT, { input }, OTHER_REFERRER);
      expect(dataOf<{ id: string }>(other, "submitContact").id).not.toBe([...ids][0]);
    });

    it("routes a contact about someone with an allocated worker to that worker", async () => {
      const db = harness.prepared.database.db;
      const [allocated] = await db
        .select({ person: tables.person, allocation: tables.allocation })
        .from(tables.allocation)
        .innerJoin(tables.person, eq(tables.person.id, tables.allocation.personId))
        .limit(1);
      if (!allocated) throw new Error("the seed has no allocated case");
      const contact = await submit({
        subject: {
          givenName: allocated.person.givenName.toUpperCase(),
          familyName: allocated.person.familyName,
          dateOfBirth: allocated.person.dateOfBirth,
        },
      });
      expect(contact.status).toBe("ROUTED_TO_ALLOCATED_WORKER");
      const [row] = await db
        .select()
        .from(tables.mashContact)
        .where(eq(tables.mashContact.id, contact.id));
      expect(row).toMatchObject({
        subjectPersonId: allocated.person.id,
        routedToWorker: allocated.allocation.workerName,
        routedToTeam: allocated.allocation.team,
      });
      const queue = await harness.execute(
        `{ contactsAwaitingScreening(first: 100) { id } }`,
        {},
        worker,
      );
      expect(
        dataOf<{ id: string }[]>(queue, "contactsAwaitingScreening").map((c) => c.id),
      ).not.toContain(contact.id);
      const opened = await harness.execute(OPEN, { id: contact.id }, worker);
      expect(errorOf(opened).code).toBe("INVALID_TRANSITION");
    });

    it("lets a referrer see only their own contacts, and not screen them", async () => {
      const mine = await submit();
      const seen = await harness.execute(`{ myContacts { id status } }`, {}, referrer);
      expect(dataOf<{ id: string }[]>(seen, "myContacts").map((c) => c.id)).toContain(mine.id);
      const theirs = await harness.execute(`{ myContacts { id } }`, {}, OTHER_REFERRER);
      expect(dataOf<{ id: string }[]>(theirs, "myContacts").map((c) => c.id)).not.toContain(
        mine.id,
      );
      const screening = await harness.execute(`{ contactsAwaitingScreening { id } }`, {}, referrer);
      expect(errorOf(screening).code).toBe("UNAUTHORIZED_FIELD_OR_TYPE");
      const queue = await harness.execute(`{ workQueue { id } }`, {}, referrer);
      expect(errorOf(queue).code).toBe("UNAUTHORIZED_FIELD_OR_TYPE");
    });
  });

  describe("enquiry, rating and decision", () => {
    it("opens an enquiry that requests checks for the subject, household and others", async () => {
      const contact = await submit();
      const waiting = await harness.execute(
        `{ contactsAwaitingScreening(first: 100) { id people { role givenName } } }`,
        {},
        worker,
      );
      const listed = dataOf<{ id: string; people: { role: string }[] }[]>(
        waiting,
        "contactsAwaitingScreening",
      ).find((c) => c.id === contact.id);
      expect(listed?.people.map((p) => p.role)).toEqual(["SUBJECT", "HOUSEHOLD_MEMBER", "OTHER"]);
      const enquiry = await openFor(contact.id);
      expect(enquiry).toMatchObject({
        status: "OPEN",
        version: 1,
        rating: null,
        checksDueAt: null,
      });
      expect(enquiry.checksRequestedAt).not.toBeNull();
      expect(enquiry.checkSubjects).toHaveLength(3);
      expect(enquiry.checkSubjects.map((s) => s.id)).toContain(enquiry.subject.id);
      // Everyone named now has a person record, stored against the contact.
      const read = await harness.execute(
        `query ($id: ID!) { enquiry(id: $id) { contact { status people { role subject { id } } } } }`,
        { id: enquiry.id },
        worker,
      );
      const opened = dataOf<{
        contact: { status: string; people: { subject: { id: string } | null }[] };
      }>(read, "enquiry");
      expect(opened.contact.status).toBe("IN_ENQUIRY");
      expect(opened.contact.people.map((p) => p.subject?.id).sort()).toEqual(
        enquiry.checkSubjects.map((s) => s.id).sort(),
      );
      const again = await harness.execute(OPEN, { id: contact.id }, worker);
      expect(errorOf(again).code).toBe("INVALID_TRANSITION");
    });

    it("keeps every rating with who, why and from→to, and sets the deadline", async () => {
      const enquiry = await openFor((await submit()).id);
      const amber = dataOf<Enquiry & { ratingHistory: unknown[] }>(
        await rate(enquiry, "AMBER"),
        "rateEnquiry",
      );
      expect(amber).toMatchObject({ status: "RATED", version: 2, rating: "AMBER" });
      expect(amber.checksDueAt).not.toBeNull();
      const red = dataOf<Enquiry & { ratingHistory: unknown[] }>(
        await rate(amber, "RED"),
        "rateEnquiry",
      );
      expect(red.ratingHistory).toEqual([
        expect.objectContaining({ from: null, to: "AMBER", changedBy: "dev-social-worker" }),
        expect.objectContaining({ from: "AMBER", to: "RED", changedBy: "dev-social-worker" }),
      ]);
      const blue = dataOf<Enquiry>(await rate(red, "BLUE"), "rateEnquiry");
      expect(blue.checksDueAt).toBeNull();
    });

    it("refuses invalid transitions", async () => {
      const enquiry = await openFor((await submit()).id);
      expect(errorOf(await decide(enquiry)).code).toBe("INVALID_TRANSITION");
      const close = await harness.execute(
        CLOSE,
        { input: { enquiryId: enquiry.id, expectedVersion: 1 } },
        manager,
      );
      expect(errorOf(close).code).toBe("INVALID_TRANSITION");
      const rated = dataOf<Enquiry>(await rate(enquiry), "rateEnquiry");
      const decided = dataOf<Enquiry>(await decide(rated), "decideEnquiry");
      expect(decided.status).toBe("DECIDED");
      expect(errorOf(await rate(decided)).code).toBe("INVALID_TRANSITION");
      expect(errorOf(await decide(decided)).code).toBe("INVALID_TRANSITION");
      const closed = dataOf<Enquiry>(
        await harness.execute(
          CLOSE,
          { input: { enquiryId: decided.id, expectedVersion: decided.version } },
          manager,
        ),
        "closeEnquiry",
      );
      expect(closed.status).toBe("CLOSED");
      expect(errorOf(await rate(closed)).code).toBe("INVALID_TRANSITION");
    });

    it("lets only the manager decide, and needs a reason to decide with checks outstanding", async () => {
      const rated = dataOf<Enquiry>(await rate(await openFor((await submit()).id)), "rateEnquiry");
      const byWorker = await harness.execute(
        DECIDE,
        {
          input: {
            enquiryId: rated.id,
            expectedVersion: rated.version,
            outcome: "NO_FURTHER_ACTION",
            rationale: "Not my decision to make.",
            referrerFeedback: "No further action.",
          },
        },
        worker,
      );
      expect(errorOf(byWorker).code).toBe("UNAUTHORIZED_FIELD_OR_TYPE");
      // Nobody has answered, and the manager brings no decision basis: all four are outstanding.
      const everyAgency = ["SOCIAL_CARE", "POLICE", "HEALTH", "PROBATION"];
      const refused = await decide(rated, { outstandingChecksOverrideReason: null });
      expect(errorOf(refused)).toMatchObject({
        code: "CHECKS_OUTSTANDING",
        outstandingAgencies: everyAgency,
      });
      const decided = dataOf<{ decision: Record<string, unknown> }>(
        await decide(rated, {
          outstandingChecksOverrideReason: "Checks delayed; early help is safe to start now.",
        }),
        "decideEnquiry",
      );
      expect(decided.decision).toMatchObject({
        outcome: "EARLY_HELP",
        outstandingAgencies: everyAgency,
        decidedBy: "dev-mash-manager",
      });
    });

    it("shows the referrer the outcome and feedback", async () => {
      const contact = await submit();
      const rated = dataOf<Enquiry>(await rate(await openFor(contact.id)), "rateEnquiry");
      dataOf(await decide(rated), "decideEnquiry");
      const seen = await harness.execute(
        `{ myContacts(first: 100) { id status outcome feedback decidedAt } }`,
        {},
        referrer,
      );
      expect(
        dataOf<{ id: string }[]>(seen, "myContacts").find((c) => c.id === contact.id),
      ).toMatchObject({
        status: "DECIDED",
        outcome: "EARLY_HELP",
        feedback: "Early help will contact the family this week.",
      });
    });
  });

  describe("concurrency", () => {
    it("refuses the second of two concurrent edits with STALE_VERSION: no lost update", async () => {
      const enquiry = await openFor((await submit()).id);
      const [first, second] = await Promise.all([rate(enquiry, "RED"), rate(enquiry, "GREEN")]);
      const outcomes = [first, second].map((result) =>
        result.errors ? errorOf(result).code : "OK",
      );
      expect(outcomes.sort()).toEqual(["OK", "STALE_VERSION"]);
      const history = await harness.prepared.database.db
        .select()
        .from(tables.enquiryRatingChange)
        .where(eq(tables.enquiryRatingChange.enquiryId, enquiry.id));
      expect(history).toHaveLength(1);
      const stale = await rate(enquiry, "AMBER");
      expect(errorOf(stale)).toMatchObject({
        code: "STALE_VERSION",
        expectedVersion: 1,
        currentVersion: 2,
      });
    });
  });

  describe("work queue", () => {
    it("orders overdue first, then RED first, then by deadline, in a bounded number of statements", async () => {
      const green = dataOf<Enquiry>(
        await rate(await openFor((await submit()).id), "GREEN"),
        "rateEnquiry",
      );
      const red = dataOf<Enquiry>(
        await rate(await openFor((await submit()).id), "RED"),
        "rateEnquiry",
      );
      const overdue = dataOf<Enquiry>(
        await rate(await openFor((await submit()).id), "GREEN"),
        "rateEnquiry",
      );
      await harness.prepared.database.db
        .update(tables.enquiry)
        .set({ checksDueAt: new Date(Date.now() - 3_600_000) })
        .where(eq(tables.enquiry.id, overdue.id));
      const query = `{ workQueue(first: 200) { id rating overdue checksDueAt checkSubjects { id name { givenName } } ratingHistory { to } subject { id name { familyName } } } }`;
      const { result, statements } = await harness.prepared.database.statements.measure(() =>
        harness.execute(query, {}, manager),
      );
      const queue = dataOf<{ id: string; rating: string | null; overdue: boolean }[]>(
        result,
        "workQueue",
      );
      const position = (id: string) => queue.findIndex((entry) => entry.id === id);
      expect(queue[0]?.id).toBe(overdue.id);
      expect(position(red.id)).toBeLessThan(position(green.id));
      const ratings = queue.filter((entry) => !entry.overdue).map((entry) => entry.rating);
      const order = ["RED", "AMBER", "GREEN", "BLUE", null];
      expect([...ratings].sort((a, b) => order.indexOf(a) - order.indexOf(b))).toEqual(ratings);
      // One for the page, then one per loader (check subjects, people, history, subjects): never per row.
      expect(queue.length).toBeGreaterThan(10);
      expect(statements).toBeLessThanOrEqual(6);
    });

    it("filters social care's queue to enquiries it has not answered, and drops BLUE for any agency", async () => {
      const blue = dataOf<Enquiry>(
        await rate(await openFor((await submit()).id), "BLUE"),
        "rateEnquiry",
      );
      const police = await harness.execute(
        `{ workQueue(first: 200, agency: POLICE) { id } }`,
        {},
        manager,
      );
      expect(dataOf<{ id: string }[]>(police, "workQueue").map((e) => e.id)).not.toContain(blue.id);
      const amber = dataOf<Enquiry>(
        await rate(await openFor((await submit()).id), "AMBER"),
        "rateEnquiry",
      );
      await harness.prepared.database.db.insert(tables.disclosure).values({
        id: crypto.randomUUID(),
        enquiryId: amber.id,
        subjectIds: [],
        decision: "nothing_known",
        sharedRecordIds: [],
        lawfulBasis: [],
        recipients: "MASH",
        decidedAt: new Date(),
        decidedBy: "dev-social-worker",
        decidedByAgency: "social-care",
      });
      const socialCare = await harness.execute(
        `{ workQueue(first: 200, agency: SOCIAL_CARE) { id } }`,
        {},
        manager,
      );
      expect(dataOf<{ id: string }[]>(socialCare, "workQueue").map((e) => e.id)).not.toContain(
        amber.id,
      );
      const all = await harness.execute(`{ workQueue(first: 200) { id } }`, {}, manager);
      expect(dataOf<{ id: string }[]>(all, "workQueue").map((e) => e.id)).toContain(amber.id);
    });
  });
});
