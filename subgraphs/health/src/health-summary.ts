import type { HealthHistory } from "./health-history.js";

const YEAR_MS = 365.25 * 24 * 60 * 60 * 1000;

/** A flag is in force when it has started and has not ended before today. */
function inForce(flag: { startDate: string; endDate: string | null }, today: string): boolean {
  return flag.startDate <= today && (flag.endDate === null || flag.endDate >= today);
}

/**
 * Counts, current statuses and dates: the proportionate view other agencies get by default. Every
 * list in `history` is newest first, so "latest" is the first element.
 */
export function summarise(history: HealthHistory, now: Date) {
  const today = now.toISOString().slice(0, 10);
  const yearAgo = now.getTime() - YEAR_MS;
  const registration = history.gpRegistrations[0];
  const activeFlag = history.cpisFlags.find((flag) => inForce(flag, today));
  const recentAttendances = history.unscheduledCareAttendances.filter(
    (row) => row.attendedAt.getTime() >= yearAgo,
  );
  return {
    registeredPractice: registration
      ? { code: registration.practiceCode, name: registration.practiceName }
      : null,
    activeCpisFlag: activeFlag !== undefined,
    activeCpisPlanType: activeFlag?.planType ?? null,
    unscheduledCareAttendancesInLast12Months: recentAttendances.length,
    emergencyDepartmentAttendancesInLast12Months: recentAttendances.filter(
      (row) => row.setting === "emergency_department",
    ).length,
    lastUnscheduledCareAttendanceAt: history.unscheduledCareAttendances[0]?.attendedAt ?? null,
    openCamhsInvolvement: history.camhsInvolvements.some((row) => row.status === "open"),
    // No delivery date is recorded: a booked pregnancy is current until its expected date passes.
    currentPregnancy: history.maternityEpisodes.some(
      (row) => row.bookingDate <= today && row.expectedDeliveryDate >= today,
    ),
    lastCommunityHealthContactOn: history.communityHealthContacts[0]?.contactDate ?? null,
  };
}
