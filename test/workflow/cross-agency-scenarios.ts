import type { TruePerson, World } from "@mash/synthetic-world/types";

/**
 * From the world's ground truth: the social care records of children present at a domestic abuse
 * incident who attended an emergency department within 30 days (`fired`), and of those who did not
 * (`controls`). Children with an allocated worker are left out: their contacts are routed away
 * from the MASH.
 */
export function crossAgencyScenarios(world: World) {
  const personOf = (records: readonly { recordId: string; truePersonId: string }[]) =>
    new Map(records.map((record) => [record.recordId, record.truePersonId]));
  const policePerson = personOf(world.records.police);
  const healthPerson = personOf(world.records.health);
  const incidentDays = new Map<string, number[]>();
  for (const incident of world.police.domesticAbuseIncidents) {
    for (const involved of incident.involved) {
      const person = policePerson.get(involved.recordId);
      if (involved.role !== "child_present" || !person) continue;
      incidentDays.set(person, [
        ...(incidentDays.get(person) ?? []),
        Date.parse(incident.occurredAt.slice(0, 10)),
      ]);
    }
  }
  const attendanceDays = new Map<string, number[]>();
  for (const attendance of world.health.unscheduledCare) {
    const person = healthPerson.get(attendance.recordId);
    if (attendance.setting !== "emergency_department" || !person) continue;
    attendanceDays.set(person, [
      ...(attendanceDays.get(person) ?? []),
      Date.parse(attendance.attendedAt.slice(0, 10)),
    ]);
  }
  const allocated = new Set(world.socialCare.allocations.map((allocation) => allocation.recordId));
  const people = new Map<string, TruePerson>(world.people.map((person) => [person.id, person]));
  type SocialCareRecord = World["records"]["socialCare"][number];
  const fired: SocialCareRecord[] = [];
  const controls: SocialCareRecord[] = [];
  for (const record of world.records.socialCare) {
    const incidents = incidentDays.get(record.truePersonId);
    if (!incidents || allocated.has(record.recordId) || !people.has(record.truePersonId)) continue;
    const attended = (attendanceDays.get(record.truePersonId) ?? []).some((day) =>
      incidents.some((incident) => day >= incident && day - incident <= 30 * 86_400_000),
    );
    (attended ? fired : controls).push(record);
  }
  return { fired, controls };
}
