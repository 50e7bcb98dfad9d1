import type { SubgraphAuthorization } from "@mash/platform/authorization/subgraph-authorization";
import type { Database } from "@mash/platform/db/connect";
import { badUserInput, ErrorCode, notFound } from "@mash/platform/graphql/errors";
import { parseUuidArgument } from "@mash/platform/graphql/ids";
import { eq, sql } from "drizzle-orm";
import { GraphQLError } from "graphql";
import type { MatchCandidateRow, MatchCandidateTable } from "../db/match-tables.js";

export interface DecideMatchInput {
  candidateId: string;
  decision: "confirm" | "reject";
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

function alreadyDecided(row: MatchCandidateRow): GraphQLError {
  return new GraphQLError(`This match was already decided (${row.status}).`, {
    extensions: { code: ErrorCode.Conflict, reason: "ALREADY_DECIDED", status: row.status },
  });
}

/**
 * A researcher's decision on a proposed match, recorded with who and when. Confirming links the
 * record to the subject (`researcher_confirmed`); rejecting keeps the pair so it is never proposed
 * again. Only an undecided pair can be decided, and the row is locked while it is, so two
 * researchers deciding at once cannot both win.
 */
export async function decideMatch<TSchema extends Record<string, unknown>>(
  db: Database<TSchema>,
  table: MatchCandidateTable,
  auth: SubgraphAuthorization,
  input: DecideMatchInput,
  now: Date,
): Promise<MatchCandidateRow> {
  const candidateId = parseUuidArgument(input.candidateId, "input.candidateId", "MatchCandidate");
  const reason = validReason(input.reason);
  const decidedBy = auth.authority.principal?.id;
  if (!decidedBy) {
    throw new GraphQLError("Only a signed-in researcher can decide a match.", {
      extensions: { code: ErrorCode.Unauthenticated },
    });
  }
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(table).where(eq(table.id, candidateId)).for("update");
    if (!row) throw notFound("MatchCandidate", candidateId);
    if (row.status !== "pending") throw alreadyDecided(row);
    const [updated] = await tx
      .update(table)
      .set({
        status: input.decision === "confirm" ? "confirmed" : "rejected",
        decidedAt: now,
        decidedBy,
        decisionReason: reason,
      })
      .where(eq(table.id, candidateId))
      .returning();
    if (input.decision === "confirm") {
      await tx.execute(
        sql`insert into subject_link (subject_id, record_id, source, linked_by) values (${row.subjectId}, ${row.recordId}, 'researcher_confirmed', ${decidedBy}) on conflict (subject_id, record_id) do update set source = 'researcher_confirmed', linked_by = excluded.linked_by, linked_at = now()`,
      );
    }
    if (!updated) throw notFound("MatchCandidate", candidateId);
    return updated;
  });
}
