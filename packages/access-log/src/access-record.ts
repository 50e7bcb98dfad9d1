import { randomUUID } from "node:crypto";
import type { RequestAuthority } from "@mash/schema/authorization/principal";
import {
  type AccessDenial,
  type AccessEntryKind,
  type AccessOutcome,
  type AccessRecord,
  denialSet,
  setOf,
} from "./entry.js";

/** Everything a request's entry is made of, once the answer (or the intent) is known. */
/** The request an entry is about, as the gateway knows it. */
export interface RecordedRequest {
  /** The gateway's own id for the request. */
  requestId: string;
  /** The id the caller sent in `x-request-id`, kept apart (never adopted). */
  clientRequestId: string | null;
  /** Who asked, under which purpose, with which break-glass grants. */
  authority: RequestAuthority;
}

export interface RequestAccess {
  context: RecordedRequest;
  kind: AccessEntryKind;
  operationName: string | null;
  operationType: string;
  /** Protected coordinates the (filtered) operation asks for. */
  requested: readonly string[];
  /** Protected coordinates with a non-null value in the answer sent. */
  returned: readonly string[];
  subjectIds: Iterable<string>;
  denials: readonly AccessDenial[];
  /** Subjects whose items only a break-glass grant released (null: not under a subject). */
  releasedByBreakGlass: ReadonlySet<string | null>;
  arguments: Record<string, string[]>;
  /** Set for rejections and intents; otherwise decided from what was returned and denied. */
  outcome?: AccessOutcome;
}

/** Whether the request has anything to answer for: protected fields asked for, or any refused. */
export function needsRecord(access: RequestAccess): boolean {
  return access.requested.length > 0 || access.denials.length > 0;
}

function outcomeOf(access: RequestAccess): AccessOutcome {
  if (access.outcome) return access.outcome;
  if (access.returned.length > 0) return "returned";
  return access.denials.length > 0 ? "denied" : "nothing_returned";
}

/** The grants cited: those a released item needed, and no others. */
function grantsCited(authority: RequestAuthority, released: ReadonlySet<string | null>): string[] {
  if (released.size === 0) return [];
  const everyGrant = released.has(null);
  return setOf(
    authority.breakGlass
      .filter((grant) => everyGrant || released.has(grant.subjectId))
      .map((grant) => grant.id),
  );
}

/** Who is asking, as an entry records it. */
export function principalFields(authority: RequestAuthority) {
  const principal = authority.principal;
  return {
    principalId: principal?.id ?? "anonymous",
    principalAgency: principal?.agency ?? null,
    principalRoles: setOf(principal?.roles ?? []),
  };
}

/** The access log entry for a request: ids, coordinates, paths and reasons; never a value. */
export function accessRecord(access: RequestAccess, now = new Date()): AccessRecord {
  const { authority } = access.context;
  const inPurpose = new Set(authority.purpose?.subjectIds ?? []);
  const subjects = setOf(access.subjectIds);
  const denials = denialSet(access.denials);
  return {
    id: randomUUID(),
    kind: access.kind,
    requestId: access.context.requestId,
    clientRequestId: access.context.clientRequestId,
    occurredAt: now,
    ...principalFields(authority),
    purposeEnquiryId: authority.purpose?.enquiryId ?? null,
    operationName: access.operationName,
    operationType: access.operationType,
    subjectIds: subjects,
    subjectsOutsidePurpose: subjects.filter((id) => !inPurpose.has(id)),
    fieldsRequested: setOf(access.requested),
    fieldsReturned: setOf(access.returned),
    fieldsDenied: setOf(denials.map((denial) => denial.path)),
    denials,
    arguments: access.arguments,
    breakGlassGrantIds: grantsCited(authority, access.releasedByBreakGlass),
    outcome: outcomeOf(access),
    requestCount: 1,
    countedSince: null,
  };
}
