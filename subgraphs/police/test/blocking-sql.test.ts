import { fileURLToPath } from "node:url";
import { blockingKeysFor } from "@mash/agency-kit/matching/blocking";
import { blockingCondition } from "@mash/agency-kit/matching/blocking-sql";
import type { AgencyIdentity } from "@mash/agency-kit/matching/identity";
import { type AgencyDatabase, openDatabase } from "@mash/platform/db/connect";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as tables from "../src/db/schema.js";
import { policeMatching } from "../src/matching.js";

// Blocking in SQL finds a record by the names the matcher compares: accents and apostrophes folded
// as `normaliseName` folds them, and any alias the record carries, each through an index, in a
// fixed number of statements.

const subject = (fields: Partial<AgencyIdentity>): AgencyIdentity => ({
  recordId: "00000000-0000-4000-8000-000000000001",
  givenName: null,
  middleNames: [],
  familyName: null,
  aliases: [],
  dateOfBirth: null,
  sex: null,
  addressLine1: null,
  postcode: null,
  strongIdentifier: null,
  ...fields,
});

const nominal = (id: string, givenName: string, familyName: string, dateOfBirth: string) => ({
  id,
  givenName,
  familyName,
  dateOfBirth,
});

describe("blocking in SQL (police nominals)", () => {
  let database: AgencyDatabase<typeof tables>;

  beforeAll(async () => {
    database = await openDatabase({ target: { kind: "pglite" }, schema: tables });
    await database.migrate(fileURLToPath(new URL("../src/db/migrations", import.meta.url)));
    await database.db
      .insert(tables.nominal)
      .values([
        nominal("N1", "Zoë", "O'Brien", "2011-04-02"),
        nominal("N2", "Janet", "Smith", "1988-01-01"),
        nominal("N3", "Łukasz", "Nowak", "1979-09-09"),
        nominal("N4", "Someone", "Else", "1950-05-05"),
      ]);
    await database.db
      .insert(tables.nominalAlias)
      .values([{ nominalId: "N2", givenName: "Jane", familyName: "Doé" }]);
  }, 120_000);
  afterAll(() => database?.close());

  const find = (person: AgencyIdentity) =>
    policeMatching
      .store(database.db)
      .findBlockedRecords([blockingKeysFor(person)])
      .then((records) => records.map((record) => record.recordId).sort());

  it("finds a record typed with accents and apostrophes by the plain name", async () => {
    expect(await find(subject({ givenName: "ZOE", familyName: "OBRIEN" }))).toEqual(["N1"]);
    expect(await find(subject({ givenName: "lukasz", familyName: "NOWAK" }))).toEqual(["N3"]);
  });

  it("finds a record by its alias, as recorded and crosswise, and by the subject's alias", async () => {
    expect(await find(subject({ givenName: "Jane", familyName: "Doe" }))).toEqual(["N2"]);
    expect(await find(subject({ givenName: "Doe", familyName: "Jane" }))).toEqual(["N2"]);
    expect(
      await find(
        subject({
          givenName: "Mary",
          familyName: "Jones",
          aliases: [{ givenName: "Zoe", familyName: "O'Brien" }],
        }),
      ),
    ).toEqual(["N1"]);
  });

  it("looks up any number of people in the same two statements", async () => {
    const store = policeMatching.store(database.db);
    const one = await database.statements.measure(() =>
      store.findBlockedRecords([
        blockingKeysFor(subject({ givenName: "Jane", familyName: "Doe" })),
      ]),
    );
    const many = await database.statements.measure(() =>
      store.findBlockedRecords(
        ["Zoe OBrien", "Jane Doe", "Lukasz Nowak", "Ann Else"].map((name) => {
          const [givenName, familyName] = name.split(" ");
          return blockingKeysFor(subject({ givenName, familyName }));
        }),
      ),
    );
    expect(one.statements).toBe(2);
    expect(many.statements).toBe(one.statements);
  });

  it("reaches every name through an index (EXPLAIN)", async () => {
    const keys = blockingKeysFor(subject({ givenName: "Zoe", familyName: "OBrien" }));
    const { db } = database;
    // The tables are tiny, so the planner would scan them: forbid that, to see whether the
    // indexes can answer the query at all (the expression must be the index's exactly).
    const plan = await db.transaction(async (tx) => {
      await tx.execute("set local enable_seqscan = off");
      const condition = blockingCondition(
        {
          strongIdentifier: tables.nominal.pncId,
          dateOfBirth: tables.nominal.dateOfBirth,
          postcode: tables.nominal.addressPostcode,
          familyName: tables.nominal.familyName,
          givenName: tables.nominal.givenName,
          aliases: {
            table: tables.nominalAlias,
            personId: tables.nominalAlias.nominalId,
            recordId: tables.nominal.id,
            familyName: tables.nominalAlias.familyName,
            givenName: tables.nominalAlias.givenName,
          },
        },
        [keys],
      );
      const query = tx.select().from(tables.nominal).where(condition).toSQL();
      const rows = (await tx.execute(
        `explain ${query.sql.replace(/\$(\d+)/g, (_all, n: string) => `'${String(query.params[Number(n) - 1]).replace(/'/g, "''")}'`)}`,
      )) as { rows: Record<string, unknown>[] };
      return rows.rows.map((row) => String(row["QUERY PLAN"])).join("\n");
    });
    expect(plan).toContain("nominal_name_key_idx");
    expect(plan).toContain("nominal_alias_name_key_idx");
    expect(plan).toContain("nominal_pkey");
    expect(plan).not.toMatch(/Seq Scan/);
  });
});
