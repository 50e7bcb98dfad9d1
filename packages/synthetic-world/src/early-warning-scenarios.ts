import { dayFromIso, isoDateTime } from "./dates.js";
import { Random } from "./random.js";
import { nextId, type WorldState } from "./world-state.js";

/**
 * Early-warning scenarios for the MASH workflow (docs/workflow.md): some children present at a
 * domestic abuse incident attend an emergency department within 30 days of it. Their siblings in
 * the same situation who do not attend are the controls: the cross-agency warning must fire for
 * the first and not for the second.
 *
 * Appended after everything else, from a stream of its own (not forked from the world's), so the
 * rest of every world is exactly what it was before this step existed.
 */
const SCENARIO_STREAM = 0x6e61_7277;
const SHARE_WITH_ATTENDANCE = 0.5;

export function addEarlyWarningScenarios(state: WorldState, seed: number): void {
  const random = new Random((seed ^ SCENARIO_STREAM) >>> 0);
  const records = state.records.all;
  const personByPoliceRecord = new Map(records.police.map((r) => [r.recordId, r.truePersonId]));
  const healthRecordByPerson = new Map<string, string>();
  for (const record of records.health) {
    if (!healthRecordByPerson.has(record.truePersonId)) {
      healthRecordByPerson.set(record.truePersonId, record.recordId);
    }
  }
  const seen = new Set<string>();
  for (const incident of state.police.domesticAbuseIncidents) {
    for (const involved of incident.involved) {
      if (involved.role !== "child_present") continue;
      const personId = personByPoliceRecord.get(involved.recordId);
      const healthRecordId = personId ? healthRecordByPerson.get(personId) : undefined;
      if (!personId || !healthRecordId || seen.has(personId)) continue;
      seen.add(personId);
      if (!random.chance(SHARE_WITH_ATTENDANCE)) continue;
      const day = dayFromIso(incident.occurredAt.slice(0, 10)) + random.int(2, 20);
      if (day >= state.asOf) continue;
      state.health.unscheduledCare.push({
        id: nextId(state, "UC", 8),
        recordId: healthRecordId,
        attendedAt: isoDateTime(day, random.int(0, 1439)),
        setting: "emergency_department",
        presentingComplaint: "Minor head injury; account of a fall at home.",
      });
    }
  }
}
