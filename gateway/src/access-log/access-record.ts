import { randomUUID } from "node:crypto";
import type { GatewayContext } from "../context.js";
import { type AccessOutcome, type AccessRecord, setOf } from "./entry.js";
import type { ProtectedRead } from "./protected-coordinates.js";

/** Everything a request's entry is made of, once the answer is known. */
export interface RequestAccess {
  context: GatewayContext;
  operationName: string | null;
  operationType: string;
  read: ProtectedRead;
  subjectIds: Set<string>;
  outcome: AccessOutcome;
}

/** Whether the request has anything to answer for: protected fields read, or any denied. */
export function needsRecord(access: RequestAccess): boolean {
  return access.read.coordinates.length > 0 || access.context.access.deniedPaths.length > 0;
}

/** The access log entry for a request: ids, coordinates and paths; never a value. */
export function accessRecord(access: RequestAccess, now = new Date()): AccessRecord {
  const { authority } = access.context;
  const principal = authority.principal;
  const inPurpose = new Set(authority.purpose?.subjectIds ?? []);
  const subjects = setOf(access.subjectIds);
  return {
    id: randomUUID(),
    requestId: access.context.requestId,
    occurredAt: now,
    principalId: principal?.id ?? "anonymous",
    principalAgency: principal?.agency ?? null,
    principalRoles: setOf(principal?.roles ?? []),
    purposeEnquiryId: authority.purpose?.enquiryId ?? null,
    operationName: access.operationName,
    operationType: access.operationType,
    subjectIds: subjects,
    subjectsOutsidePurpose: subjects.filter((id) => !inPurpose.has(id)),
    fieldsReturned: access.outcome === "returned" ? access.read.coordinates : [],
    fieldsDenied: setOf(access.context.access.deniedPaths.map((path) => path.join("."))),
    breakGlassGrantIds: access.read.restricted
      ? setOf(authority.breakGlass.map((grant) => grant.id))
      : [],
    outcome: access.outcome,
  };
}
