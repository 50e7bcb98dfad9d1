import type { SubgraphAuthorization } from "@mash/platform/authorization/subgraph-authorization";
import type { Database } from "@mash/platform/db/connect";
import { badUserInput, ErrorCode, notFound } from "@mash/platform/graphql/errors";
import { parseUuidArgument } from "@mash/platform/graphql/ids";
import { and, eq, inArray, ne, sql } from "drizzle-orm";
import { GraphQLError } from "graphql";
import type { LinkEventTable, MatchCandidateRow, MatchCandidateTable } from "./match-tables.js";

export interface DecideMatchInput {
  candidateId: string;
  decision: "confirm" | "reject";
  reason: string;
}

export interface RevokeLinkInput {
  candidateId: string;
  reason: string;
}

const REASON_LENGTH = { min: 3, max: 2000 } as const;

function validReason(reason: string): string {
  const trimmed = reason.trim();
  if (trimmed.length < REASON_LENGTH.min || trimmed.length > REASON_LENGTH.max) {
    throw badUserInput(
      `A decision needs a reason of ${REASON_LENGTH.min} to ${REASON_LENGTH.max} characters.`,
      { field: "input.reason", reason: "REASON_REQUIRED" },
    );
  }
  return trimmed;
}

function conflict(message: string, reason: string, status: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.Conflict, reason, status },
  });
}

function researcherOf(auth: SubgraphAuthorization): string {
  const id = auth.authority.principal?.id;
  if (!id) {
    throw new GraphQLError("Only a signed-in researcher can decide a match.", {
      extensions: { code: ErrorCode.Unauthenticated },
    });
  }
  return id;
}

/** The matching tables a researcher's decision writes to. */
export interface DecisionTables {
  matchCandidate: MatchCandidateTable;
  linkEvent: LinkEventTable;
}

type Transaction<TSchema extends Record<string, unknown>> = Parameters<
  Parameters<Database<TSchema>["transaction"]>[0]
>[0];

/** The pair, locked for the rest of the transaction: two researchers cannot both decide it. */
async function lockedPair<TSchema extends Record<string, unknown>>(
  tx: Transaction<TSchema>,
  table: MatchCandidateTable,
  candidateId: string,
): Promise<MatchCandidateRow> {
  const [row] = await tx.select().from(table).where(eq(table.id, candidateId)).for("update");
  if (!row) throw notFound("MatchCandidate", candidateId);
  return row;
}

/**
 * A researcher's decision on a proposed match, recorded with who, when and why, on the pair and in
 * its history. Confirming links the record to the subject (`researcher_confirmed`), unless the
 * record is already linked to another subject (one record, one person: revoke that link first);
 * rejecting keeps the pair so it is never proposed again. Only an undecided pair can be decided.
 */
export async function decideMatch<TSchema extends Record<string, unknown>>(
  db: Database<TSchema>,
  tables: DecisionTables,
  auth: SubgraphAuthorization,
  input: DecideMatchInput,
  now: Date,
): Promise<MatchCandidateRow> {
  const { matchCandidate: table } = tables;
  const candidateId = parseUuidArgument(input.candidateId, "input.candidateId", "MatchCandidate");
  const reason = validReason(input.reason);
  const decidedBy = researcherOf(auth);
  return db.transaction(async (tx) => {
    const row = await lockedPair(tx, table, candidateId);
    if (row.status !== "pending") {
      throw conflict(
        `This match was already decided (${row.status}).`,
        "ALREADY_DECIDED",
        row.status,
      );
    }
    const confirm = input.decision === "confirm";
    if (confirm) {
      const [other] = await tx
        .select({ id: table.id })
        .from(table)
        .where(
          and(
            eq(table.recordId, row.recordId),
            ne(table.id, row.id),
            inArray(table.status, ["auto_linked", "confirmed"]),
          ),
        )
        .for("update");
      if (other) {
        throw conflict(
          "The record is linked to another subject; revoke that link before confirming this one.",
          "RECORD_LINKED_ELSEWHERE",
          row.status,
        );
      }
    }
    const [updated] = await tx
      .update(table)
      .set({
        status: confirm ? "confirmed" : "rejected",
        decidedAt: now,
        decidedBy,
        decisionReason: reason,
      })
      .where(eq(table.id, candidateId))
      .returning();
    if (confirm) {
      await tx.execute(
        sql`insert into subject_link (subject_id, record_id, source, linked_by) values (${row.subjectId}, ${row.recordId}, 'researcher_confirmed', ${decidedBy}) on conflict (subject_id, record_id) do update set source = 'researcher_confirmed', linked_by = excluded.linked_by, linked_at = now()`,
      );
    }
    await tx.insert(tables.linkEvent).values({
      subjectId: row.subjectId,
      recordId: row.recordId,
      kind: confirm ? "confirmed" : "rejected",
      score: row.score,
      band: row.band,
      actor: decidedBy,
      reason,
      at: now,
    });
    if (!updated) throw notFound("MatchCandidate", candidateId);
    return updated;
  });
}

/**
 * A researcher undoes an existing link, automatic or confirmed, with a reason: the link goes, the
 * pair is kept as `revoked` (so no later linkage run links it again) and the history says who, when
 * and why.
 */
export async function revokeLink<TSchema extends Record<string, unknown>>(
  db: Database<TSchema>,
  tables: DecisionTables,
  auth: SubgraphAuthorization,
  input: RevokeLinkInput,
  now: Date,
): Promise<MatchCandidateRow> {
  const { matchCandidate: table } = tables;
  const candidateId = parseUuidArgument(input.candidateId, "input.candidateId", "MatchCandidate");
  const reason = validReason(input.reason);
  const revokedBy = researcherOf(auth);
  return db.transaction(async (tx) => {
    const row = await lockedPair(tx, table, candidateId);
    if (row.status !== "auto_linked" && row.status !== "confirmed") {
      throw conflict(
        `Only a link can be revoked; this pair is ${row.status}.`,
        "NOT_LINKED",
        row.status,
      );
    }
    const [updated] = await tx
      .update(table)
      .set({ status: "revoked", decidedAt: now, decidedBy: revokedBy, decisionReason: reason })
      .where(eq(table.id, candidateId))
      .returning();
    await tx.execute(
      sql`delete from subject_link where subject_id = ${row.subjectId} and record_id = ${row.recordId}`,
    );
    await tx.insert(tables.linkEvent).values({
      subjectId: row.subjectId,
      recordId: row.recordId,
      kind: "revoked",
      score: row.score,
      band: row.band,
      actor: revokedBy,
      reason,
      at: now,
    });
    if (!updated) throw notFound("MatchCandidate", candidateId);
    return updated;
  });
}
