import { readFile } from "node:fs/promises";
import { Readable, Writable } from "node:stream";
import type { AgencyImport } from "@mash/agency-kit/import/agency-import";
import { exportRecords } from "@mash/agency-kit/import/export-records";
import { importRecords } from "@mash/agency-kit/import/import-records";
import type { ImportReport } from "@mash/agency-kit/import/import-report";
import type { ImportRecord } from "@mash/agency-kit/import/record-type";
import type { Database } from "@mash/platform/db/connect";
import type {
  BaseRequestContext,
  SubgraphDefinition,
} from "@mash/platform/subgraph/define-subgraph";
import { type PreparedSubgraph, prepareSubgraph } from "@mash/platform/subgraph/start-subgraph";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerWithRoles } from "./test-authorities.js";
import { testDatabases } from "./test-databases.js";

// One suite for every agency's import: the same promises (validated, idempotent, history, round
// trip, guarded mutation) checked against each agency's own example file and planted errors.

/** A bad record to plant in an import, and where its report must point. */
export interface PlantedError {
  description: string;
  /** The line's text (usually an example record with one thing broken and a fresh id). */
  text: string;
  /** The field the report must name (null: the line as a whole). */
  field: string | null;
  reason?: RegExp;
}

export interface ImportSuiteOptions<
  TTables extends Record<string, unknown>,
  TContext extends BaseRequestContext,
> {
  definition: SubgraphDefinition<TTables, TContext>;
  agencyImport: AgencyImport<TTables>;
  /** The agency's example export (subgraphs/<agency>/import-examples/<agency>.jsonl). */
  examplePath: string;
  /** Bad lines built from the example's records. */
  plantedErrors(example: ImportRecord[]): PlantedError[];
  /** One example record with a field changed (same type and id). */
  changedRecord(example: ImportRecord[]): ImportRecord;
  /** "importPoliceRecords" and the role that may call it. */
  mutation: { field: string; role: string };
  /**
   * Person records under ids of other shapes than the example's (the agency's ids are opaque: an
   * 8-digit nominal number, a trust's RKB1234567), with a record referring to each. Absent where
   * the record id is an identifier with a format of its own (probation's CRN).
   */
  ownIdRecords?(example: ImportRecord[]): ImportRecord[];
  /**
   * How the agency stores (and so exports) one of its own ids, when not as it is: social care keys
   * its rows by UUID, and stores another id as the UUID it names.
   */
  storedIdOf?(record: ImportRecord): string;
  /**
   * For agencies that link their records to MASH subjects: how the agency learns social care's
   * subjects (what social care's subject feed delivers), and its `Subject.<agency>Matches` field.
   */
  linkage?: {
    learnSubjects(db: Database<TTables>, subjects: SubjectIdentity[]): Promise<unknown>;
    matchesField: string;
  };
}

/** A MASH subject's identity as social care serves it through the graph. */
interface SubjectIdentity {
  id: string;
  name: { givenName: string; middleNames: string[]; familyName: string };
  aliases: { givenName: string; familyName: string }[];
  dateOfBirth: string | null;
  sex: string | null;
  address: { line1: string; postcode: string } | null;
  identifiers: { nhsNumber: string | null };
}

const SOCIAL_CARE_EXAMPLE = new URL(
  "../../../subgraphs/social-care/import-examples/social-care.jsonl",
  import.meta.url,
);

/** Social care's example people, as social care serves their identities. */
async function socialCareSubjects(): Promise<SubjectIdentity[]> {
  const lines = (await readFile(SOCIAL_CARE_EXAMPLE, "utf8")).split("\n").filter(Boolean);
  return lines
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((record) => record.type === "person")
    .map((person) => ({
      id: String(person.id),
      name: {
        givenName: String(person.givenName),
        middleNames: (person.middleNames as string[] | undefined) ?? [],
        familyName: String(person.familyName),
      },
      aliases: (person.aliases as SubjectIdentity["aliases"] | undefined) ?? [],
      dateOfBirth: (person.dateOfBirth as string | null) ?? null,
      sex: typeof person.sex === "string" ? person.sex.toUpperCase() : null,
      address:
        typeof person.addressLine1 === "string" && typeof person.addressPostcode === "string"
          ? { line1: person.addressLine1, postcode: person.addressPostcode }
          : null,
      identifiers: { nhsNumber: (person.nhsNumber as string | null) ?? null },
    }));
}

async function exportToText<TTables extends Record<string, unknown>>(
  prepared: { database: { db: Database<TTables> } },
  agencyImport: AgencyImport<TTables>,
): Promise<string> {
  const chunks: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString("utf8"));
      done();
    },
  });
  await exportRecords(prepared.database.db, agencyImport.recordTypes, sink);
  return chunks.join("");
}

/** A fresh id of the same shape as `id`, so a planted record never collides with the example. */
export function freshIdLike(id: string, salt: number): string {
  if (/^[0-9a-f-]{36}$/.test(id))
    return `00000000-0000-4000-8000-${String(salt).padStart(12, "0")}`;
  const digits = id.replace(/[^0-9]/g, "").length;
  return id.replace(
    /[0-9]+$/,
    String(9_000_000 + salt)
      .slice(-digits)
      .padStart(digits, "9"),
  );
}

export function describeImportSuite<
  TTables extends Record<string, unknown>,
  TContext extends BaseRequestContext,
>(options: ImportSuiteOptions<TTables, TContext>): void {
  const { definition, agencyImport } = options;

  describe.each(testDatabases())(`${definition.agency} import on $name`, (database) => {
    let prepared: PreparedSubgraph<TTables, TContext>;
    let drop: () => Promise<void>;
    let exampleText: string;
    let example: ImportRecord[];

    const importText = (text: string): Promise<ImportReport> =>
      importRecords({
        db: prepared.database.db,
        agency: agencyImport,
        input: Readable.from([text]),
        batchSize: 50,
      });

    beforeAll(async () => {
      const created = await database.create(`${definition.agency}_import`);
      drop = created.drop;
      prepared = await prepareSubgraph(definition, { target: created.target });
      await prepared.apollo.start();
      exampleText = await readFile(options.examplePath, "utf8");
      example = exampleText
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line) as ImportRecord);
    });

    afterAll(async () => {
      await prepared?.apollo.stop();
      await prepared?.database.close();
      await drop?.();
    });

    it("imports the example file: every record created, none rejected", async () => {
      const report = await importText(exampleText);
      expect(report.rejections).toEqual([]);
      expect(report.created).toBe(example.length);
      for (const record of example) expect(report.byType[record.type]?.created).toBeGreaterThan(0);
    });

    it("imports the same file again without writing anything: every record unchanged", async () => {
      const report = await importText(exampleText);
      expect(report).toMatchObject({ created: 0, updated: 0, rejected: 0, linked: 0 });
      expect(report.unchanged).toBe(example.length);
    });

    it("exports what it imported byte for byte", async () => {
      expect(await exportToText(prepared, agencyImport)).toBe(exampleText);
    });

    it("reports each planted error with its line and field, and imports the rest", async () => {
      const planted = options.plantedErrors(example);
      // The bad lines sit between the example's own lines, so their numbers are known.
      const lines: string[] = [];
      const expected: { line: number; error: PlantedError }[] = [];
      example.forEach((record, index) => {
        lines.push(JSON.stringify(record));
        const error = planted[index];
        if (!error) return;
        lines.push(error.text);
        expected.push({ line: lines.length, error });
      });
      const report = await importText(`${lines.join("\n")}\n`);
      expect(report.rejected).toBe(planted.length);
      expect(report.unchanged).toBe(example.length);
      expect(report.created + report.updated).toBe(0);
      for (const { line, error } of expected) {
        const found = report.rejections.filter((rejection) => rejection.line === line);
        expect(
          found.map((rejection) => rejection.field),
          error.description,
        ).toContain(error.field);
        if (error.reason) {
          const reasons = found.map((rejection) => rejection.reason).join(" | ");
          expect(reasons, error.description).toMatch(error.reason);
        }
      }
      expect(await exportToText(prepared, agencyImport)).toBe(exampleText);
    });

    it("updates a changed record in place and keeps its previous version in import_history", async () => {
      const changed = options.changedRecord(example);
      const original = example.find((r) => r.type === changed.type && r.id === changed.id);
      const report = await importText(`${JSON.stringify(changed)}\n`);
      expect(report).toMatchObject({ updated: 1, created: 0, rejected: 0 });
      const history: { recordId: string; previous: unknown; importRunId: string }[] =
        await prepared.database.db
          .select()
          .from(agencyImport.historyTable)
          .then((rows) => rows.filter((row) => row.recordId === changed.id));
      expect(history).toHaveLength(1);
      expect(history[0]?.previous).toEqual(original);
      expect(history[0]?.importRunId).toBe(report.runId);
      expect(await exportToText(prepared, agencyImport)).toContain(JSON.stringify(changed));
      // Putting the original back is one more update, and the round trip holds again.
      const restored = await importText(`${JSON.stringify(original)}\n`);
      expect(restored.updated).toBe(1);
      expect(await exportToText(prepared, agencyImport)).toBe(exampleText);
    });

    const MUTATION = `mutation ($records: String!) { ${options.mutation.field}(records: $records) {
      created updated unchanged rejected linked proposed rejections { line recordType recordId field reason }
    } }`;

    it("refuses the import mutation to callers without the import scope", async () => {
      const first = `${exampleText.split("\n")[0]}\n`;
      const outsider = callerWithRoles(["mash-social-worker", "mash-manager"], definition.agency);
      const refused = await executeAs(prepared, MUTATION, { records: first }, outsider);
      expect(refused.data?.[options.mutation.field] ?? null).toBeNull();
      expect(refused.errors?.[0]?.extensions?.code).toBe("UNAUTHORIZED_FIELD_OR_TYPE");

      const administrator = callerWithRoles([options.mutation.role], definition.agency);
      const allowed = await executeAs(prepared, MUTATION, { records: first }, administrator);
      expect(allowed.errors).toBeUndefined();
      expect(allowed.data?.[options.mutation.field]).toMatchObject({ unchanged: 1, rejected: 0 });
    });

    // Last: it adds records that the example round trips above do not expect.
    it.runIf(options.ownIdRecords)(
      "imports records under the agency's own ids, whatever their shape",
      async () => {
        const records = options.ownIdRecords?.(example) ?? [];
        const report = await importText(records.map((record) => JSON.stringify(record)).join("\n"));
        expect(report.rejections).toEqual([]);
        expect(report.created).toBe(records.length);
        const exported = await exportToText(prepared, agencyImport);
        const storedIdOf = options.storedIdOf ?? ((record: ImportRecord) => record.id);
        for (const record of records)
          expect(exported).toContain(JSON.stringify(storedIdOf(record)));
        // The same ids again are the same records: nothing new.
        const again = await importText(records.map((record) => JSON.stringify(record)).join("\n"));
        expect(again.created).toBe(0);
      },
    );

    it("refuses an import larger than the mutation's cap with a clear error", async () => {
      const administrator = callerWithRoles([options.mutation.role], definition.agency);
      const huge = `${exampleText.split("\n")[0]}\n`.repeat(Math.ceil(1_000_000 / 200));
      const result = await executeAs(
        prepared,
        MUTATION,
        { records: huge.repeat(2) },
        administrator,
      );
      expect(result.errors?.[0]?.extensions).toMatchObject({
        code: "BAD_USER_INPUT",
        field: "records",
      });
    });
  });

  const { linkage } = options;
  if (!linkage) return;
  describe.each(testDatabases())(`${definition.agency} import links on $name`, (database) => {
    let prepared: PreparedSubgraph<TTables, TContext>;
    let drop: () => Promise<void>;
    beforeAll(async () => {
      const created = await database.create(`${definition.agency}_import_links`);
      drop = created.drop;
      prepared = await prepareSubgraph(definition, { target: created.target });
      await prepared.apollo.start();
    });
    afterAll(async () => {
      await prepared?.apollo.stop();
      await prepared?.database.close();
      await drop?.();
    });

    it("links and proposes in the import's own run; reading the matches afterwards writes nothing", async () => {
      const subjects = await socialCareSubjects();
      await linkage.learnSubjects(prepared.database.db, subjects);
      const report = await importRecords({
        db: prepared.database.db,
        agency: agencyImport,
        input: Readable.from([await readFile(options.examplePath, "utf8")]),
      });
      expect(report.rejected).toBe(0);
      expect(report.linked).toBeGreaterThan(0);
      expect(report.proposed + report.conflicts).toBeGreaterThan(0);
      const MATCHES = `query ($reps: [_Any!]!) { _entities(representations: $reps) {
        ... on Subject { id ${linkage.matchesField} { id band status } } } }`;
      const reps = subjects.map((subject) => ({ __typename: "Subject", ...subject }));
      const reader = callerWithRoles(["mash-manager"], "social-care");
      const read = await prepared.database.statements.measure(() =>
        executeAs(prepared, MATCHES, { reps }, reader),
      );
      expect(read.result.errors).toBeUndefined();
      const entities = read.result.data?._entities as Record<string, unknown[]>[];
      expect(entities.some((entity) => (entity[linkage.matchesField] ?? []).length > 0)).toBe(true);
      expect(read.writes).toBe(0);
    });
  });
}

interface ExecutionResult {
  data?: Record<string, unknown> | null;
  errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
}

async function executeAs<
  TTables extends Record<string, unknown>,
  TContext extends BaseRequestContext,
>(
  prepared: PreparedSubgraph<TTables, TContext>,
  query: string,
  variables: Record<string, unknown>,
  authority: ReturnType<typeof callerWithRoles>,
): Promise<ExecutionResult> {
  const response = await prepared.apollo.executeOperation(
    { query, variables },
    { contextValue: prepared.contextFor("import-test", authority) },
  );
  if (response.body.kind !== "single") throw new Error("Expected a single result");
  return JSON.parse(JSON.stringify(response.body.singleResult)) as ExecutionResult;
}
