import type { dashRisk, warningMarkerCode } from "./db/schema.js";
import type { PoliceHistory, SubjectIncident } from "./police-section.js";

type DashRiskValue = (typeof dashRisk.enumValues)[number];
type WarningMarkerCodeValue = (typeof warningMarkerCode.enumValues)[number];

const YEAR_MS = 365.25 * 24 * 60 * 60 * 1000;

/** DASH levels, lowest first: "highest" means the latest in this list. */
const DASH_ORDER: readonly DashRiskValue[] = ["standard", "medium", "high"];

function highestRisk(incidents: readonly SubjectIncident[]): DashRiskValue | null {
  return incidents.reduce<DashRiskValue | null>(
    (highest, incident) =>
      highest === null || DASH_ORDER.indexOf(incident.dashRisk) > DASH_ORDER.indexOf(highest)
        ? incident.dashRisk
        : highest,
    null,
  );
}

/** A subject counts once per incident and role, even when two of their nominals are involved. */
function timesAs(incidents: readonly SubjectIncident[], role: SubjectIncident["role"]): number {
  return incidents.filter((incident) => incident.involvements.some((i) => i.role === role)).length;
}

function distinctCodes(history: PoliceHistory): WarningMarkerCodeValue[] {
  return [...new Set(history.warningMarkers.map((marker) => marker.code))].sort();
}

/**
 * Counts, dates and levels: the proportionate view other agencies get by default. `history` lists
 * are newest first (see police-section.ts), so the latest of anything is the first entry.
 */
export function summarise(history: PoliceHistory, now: Date) {
  const yearAgo = now.getTime() - YEAR_MS;
  const { incidents, offences } = history;
  const recentIncidents = incidents.filter(
    (incident) => incident.occurredAt.getTime() >= yearAgo && incident.occurredAt <= now,
  );
  const latest = incidents[0];
  return {
    domesticAbuseIncidentCount: incidents.length,
    domesticAbuseIncidentsInLast12Months: recentIncidents.length,
    latestDomesticAbuseIncidentAt: latest?.occurredAt ?? null,
    latestDashRisk: latest?.dashRisk ?? null,
    highestDashRiskInLast12Months: highestRisk(recentIncidents),
    everReferredToMarac: incidents.some((incident) => incident.maracReferral),
    timesAsVictim: timesAs(incidents, "victim"),
    timesAsPerpetrator: timesAs(incidents, "perpetrator"),
    timesAsChildPresent: timesAs(incidents, "child_present"),
    offenceCount: offences.length,
    latestOffenceOn: offences[0]?.committedOn ?? null,
    notificationCount: history.notifications.length,
    warningMarkerCodes: distinctCodes(history),
    intelligenceItemCount: history.intelligence.length,
  };
}
