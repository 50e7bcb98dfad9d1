import {
  type LinkedSection,
  linkedRecordIds,
  loadLinked,
  loadLinkedRecords,
  newestFirst,
} from "@mash/agency-kit/graphql/linked-records";
import { loadAllFor } from "@mash/platform/graphql/batch-loaders";
import type { PoliceContext } from "./context.js";
import type {
  intelligenceItem,
  nominal,
  offence,
  policeNotification,
  subjectLink,
  warningMarker,
} from "./db/schema.js";
import type { IncidentRoleValue, IncidentRow, NominalIncident } from "./loaders.js";

export type LinkRow = typeof subjectLink.$inferSelect;
export type NominalRow = typeof nominal.$inferSelect;
export type WarningMarkerRow = typeof warningMarker.$inferSelect;
export type NotificationRow = typeof policeNotification.$inferSelect;
export type OffenceRow = typeof offence.$inferSelect;
export type IntelligenceRow = typeof intelligenceItem.$inferSelect;

/** The parent object of `PoliceSection`: the subject and the nominal records linked to it. */
export type SectionParent = LinkedSection<LinkRow>;

/** A nominal as the section lists it: the record and how it was linked to the subject. */
export interface LinkedNominal extends NominalRow {
  link: LinkRow;
}

export interface Involvement {
  nominalId: string;
  role: IncidentRoleValue;
}

/** An incident seen from one subject: their role in it, across all their nominals. */
export interface SubjectIncident extends IncidentRow {
  role: IncidentRoleValue;
  involvements: Involvement[];
}

/** Everything held against the subject's nominals; the summary is computed from exactly this. */
export interface PoliceHistory {
  warningMarkers: WarningMarkerRow[];
  notifications: NotificationRow[];
  incidents: SubjectIncident[];
  offences: OffenceRow[];
  intelligence: IntelligenceRow[];
}

/**
 * When duplicate nominals of one subject are recorded in different roles in the same incident, the
 * subject's `role` is the first of these: a perpetrator role is the one a safeguarding decision
 * cannot miss. The involvements keep every role.
 */
const ROLE_PRECEDENCE: readonly IncidentRoleValue[] = ["perpetrator", "victim", "child_present"];

/** Groups the involvement rows of a subject's nominals into one entry per distinct incident. */
export function collectIncidents(rows: readonly NominalIncident[]): SubjectIncident[] {
  const byId = new Map<string, { incident: IncidentRow; involvements: Involvement[] }>();
  for (const { incident, nominalId, role } of rows) {
    const entry = byId.get(incident.id) ?? { incident, involvements: [] };
    byId.set(incident.id, entry);
    const seen = entry.involvements.some((i) => i.nominalId === nominalId && i.role === role);
    if (!seen) entry.involvements.push({ nominalId, role });
  }
  const incidents = [...byId.values()].map(({ incident, involvements }) => {
    const roles = new Set(involvements.map((i) => i.role));
    const role = ROLE_PRECEDENCE.find((candidate) => roles.has(candidate)) ?? "victim";
    return { ...incident, role, involvements };
  });
  return newestFirst(incidents, { dateOf: (row) => row.occurredAt });
}

export function loadNominals(ctx: PoliceContext, section: SectionParent): Promise<LinkedNominal[]> {
  return loadLinkedRecords(ctx.loaders.nominalById, section);
}

// The loaders return each nominal's rows unordered, so every list is sorted, even for one nominal.

export function loadWarningMarkers(ctx: PoliceContext, section: SectionParent) {
  return loadLinked(ctx.loaders.warningMarkersByNominal, linkedRecordIds(section), {
    dateOf: (row) => row.addedOn,
    // Markers added on the same day go by code, then nominal, rather than by their serial id.
    tieBreak: (row) => `${row.code}:${row.nominalId}`,
  });
}

export function loadNotifications(ctx: PoliceContext, section: SectionParent) {
  return loadLinked(ctx.loaders.notificationsByNominal, linkedRecordIds(section), {
    dateOf: (row) => row.raisedAt,
  });
}

export async function loadIncidents(ctx: PoliceContext, section: SectionParent) {
  return collectIncidents(
    await loadAllFor(ctx.loaders.incidentsByNominal, linkedRecordIds(section)),
  );
}

export function loadOffences(ctx: PoliceContext, section: SectionParent) {
  return loadLinked(ctx.loaders.offencesByNominal, linkedRecordIds(section), {
    dateOf: (row) => row.committedOn,
  });
}

/**
 * Handling code C intelligence may be shared only on the owning force's conditions, so it never
 * leaves the police: a caller sees it only as police holding the restricted scope. Filtered here,
 * row by row, because the field itself is readable by other agencies for code P items.
 */
function mayReadIntelligence(ctx: PoliceContext, row: IntelligenceRow): boolean {
  if (row.handlingCode === "p") return true;
  return (
    ctx.auth.authority.principal?.agency === "police" &&
    ctx.auth.grants.scopes.has("police:restricted")
  );
}

export async function loadIntelligence(ctx: PoliceContext, section: SectionParent) {
  const rows = await loadLinked(ctx.loaders.intelligenceByNominal, linkedRecordIds(section), {
    dateOf: (row) => row.recordedOn,
  });
  return rows.filter((row) => mayReadIntelligence(ctx, row));
}

/** The whole history through the request's loaders: no SQL beyond what the lists already cost. */
export async function loadHistory(
  ctx: PoliceContext,
  section: SectionParent,
): Promise<PoliceHistory> {
  const [warningMarkers, notifications, incidents, offences, intelligence] = await Promise.all([
    loadWarningMarkers(ctx, section),
    loadNotifications(ctx, section),
    loadIncidents(ctx, section),
    loadOffences(ctx, section),
    loadIntelligence(ctx, section),
  ]);
  return { warningMarkers, notifications, incidents, offences, intelligence };
}
