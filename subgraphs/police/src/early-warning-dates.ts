import { loadLinkedSection } from "@mash/agency-kit/graphql/linked-records";
import type { PoliceContext } from "./context.js";
import { loadIncidents } from "./police-section.js";

/**
 * For social care's early warnings (an `@inaccessible` field it `@requires`): the days of domestic
 * abuse incidents at which the subject was present as a child. Dates only: the incident, its risk
 * level and the other people involved stay with the police. Batched through the section loaders.
 */
export async function domesticAbuseChildPresentDates(
  ctx: PoliceContext,
  subjectId: string,
): Promise<string[]> {
  const section = await loadLinkedSection(ctx.loaders.linksBySubject, subjectId);
  const incidents = await loadIncidents(ctx, section);
  const days = incidents
    .filter((incident) => incident.involvements.some((i) => i.role === "child_present"))
    .map((incident) => incident.occurredAt.toISOString().slice(0, 10));
  return [...new Set(days)].sort();
}
