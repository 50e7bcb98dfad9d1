import { linkedRecordIds, loadLinkedSection } from "@mash/agency-kit/graphql/linked-records";
import type { HealthContext } from "./context.js";
import { historyLists } from "./health-history.js";

/**
 * For social care's early warnings (an `@inaccessible` field it `@requires`): the days the subject
 * attended an emergency department. Dates only: the presenting complaint stays with health.
 */
export async function emergencyAttendanceDates(
  ctx: HealthContext,
  subjectId: string,
): Promise<string[]> {
  const section = await loadLinkedSection(ctx.loaders.linksBySubject, subjectId);
  const attendances = await historyLists.unscheduledCareAttendances(ctx, linkedRecordIds(section));
  const days = attendances
    .filter((attendance) => attendance.setting === "emergency_department")
    .map((attendance) => attendance.attendedAt.toISOString().slice(0, 10));
  return [...new Set(days)].sort();
}
