import { type SubgraphHarness, startSubgraphHarness } from "@mash/test-suites/subgraph-harness";
import { callerWithRoles } from "@mash/test-suites/test-authorities";
import { testDatabases } from "@mash/test-suites/test-databases";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { socialCareSeeder } from "../dev/seed.js";
import type { SocialCareContext } from "../src/context.js";
import * as tables from "../src/db/schema.js";
import { socialCareSubgraph } from "../src/subgraph.js";

// The subject change feed agencies link new subjects from: every subject once, in commit order,
// then only what changed (the person, or their aliases), and only for the linkage service.

const SEED = { seed: 5, subjects: 120 };
const FEED = `query ($after: String, $first: Int) {
  subjectChanges(after: $after, first: $first) { endCursor hasMore subjects { id name { givenName familyName } aliases { givenName familyName } } }
}`;
const LINKAGE = callerWithRoles(["linkage-service"], "police");

interface Page {
  endCursor: string | null;
  hasMore: boolean;
  subjects: { id: string; name: { givenName: string } }[];
}

describe.each(testDatabases())("social care's subject change feed on $name", (database) => {
  let harness: SubgraphHarness<typeof tables, SocialCareContext>;

  beforeAll(async () => {
    harness = await startSubgraphHarness(
      socialCareSubgraph,
      database,
      { ...SEED, seeder: socialCareSeeder },
      LINKAGE,
    );
  }, 120_000);
  afterAll(() => harness?.close());

  async function page(after: string | null, first = 50): Promise<Page> {
    const result = await harness.execute(FEED, { after, first });
    expect(result.errors).toBeUndefined();
    return result.data?.subjectChanges as Page;
  }

  /** Every change after the cursor, and where the feed then stands. */
  async function drain(after: string | null) {
    const ids: string[] = [];
    let cursor = after;
    for (let more = true; more; ) {
      const next = await page(cursor);
      ids.push(...next.subjects.map((subject) => subject.id));
      cursor = next.endCursor;
      more = next.hasMore;
    }
    return { ids, cursor };
  }

  it("serves every subject once from the beginning, then nothing until something changes", async () => {
    const db = harness.prepared.database.db;
    const people = await db.select({ id: tables.person.id }).from(tables.person);
    const first = await drain(null);
    expect(first.ids.sort()).toEqual(people.map((row) => row.id).sort());
    const idle = await page(first.cursor);
    expect(idle).toEqual({ endCursor: first.cursor, hasMore: false, subjects: [] });
  });

  it("serves a changed person, a person whose aliases changed, and not an update that changed nothing", async () => {
    const db = harness.prepared.database.db;
    const { cursor } = await drain(null);
    const [renamed, aliased, untouched] = await db
      .select()
      .from(tables.person)
      .orderBy(tables.person.id)
      .limit(3);
    if (!renamed || !aliased || !untouched) throw new Error("too few people");
    await db
      .update(tables.person)
      .set({ familyName: `${renamed.familyName}-Smith` })
      .where(eq(tables.person.id, renamed.id));
    await db
      .insert(tables.personAlias)
      .values({ personId: aliased.id, givenName: "Kit", familyName: "Marlowe" });
    await db
      .update(tables.person)
      .set({ givenName: untouched.givenName })
      .where(eq(tables.person.id, untouched.id));
    const changed = await drain(cursor);
    expect(changed.ids.sort()).toEqual([renamed.id, aliased.id].sort());
    expect(await drain(changed.cursor)).toEqual({ ids: [], cursor: changed.cursor });
  });

  it("holds back changes while an older transaction is still open", async () => {
    // PGlite has one connection: no transaction can be open beside this one.
    if (database.name === "pglite") return;
    const db = harness.prepared.database.db;
    const { cursor } = await drain(null);
    const [someone] = await db.select().from(tables.person).limit(1);
    if (!someone) throw new Error("no people");
    await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_current_xact_id()`);
      await db
        .update(tables.person)
        .set({ familyName: `${someone.familyName}-Jones` })
        .where(eq(tables.person.id, someone.id));
      // The older transaction (tx) is open: the later change waits for it.
      expect((await page(cursor)).subjects).toEqual([]);
    });
    expect((await drain(cursor)).ids).toEqual([someone.id]);
  });

  it("is refused to anyone but the linkage service, and refuses a cursor it did not make", async () => {
    const refused = await harness.execute(
      FEED,
      {},
      callerWithRoles(["mash-manager"], "social-care"),
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe("UNAUTHORIZED_FIELD_OR_TYPE");
    const malformed = await harness.execute(FEED, { after: "bm90LWEtY3Vyc29y" });
    expect(malformed.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      reason: "MALFORMED_CURSOR",
    });
    const tooMany = await harness.execute(FEED, { first: 501 });
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "first",
    });
  });
});
