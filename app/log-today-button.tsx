"use client";
import { ActionButton } from "@/components/action-button";
import { recordAttendanceAction } from "@/app/placements/actions";

/** The on-site supervisor's one tap: today logged as a placement day (sickness or absence: from the placement page). */
export function LogTodayButton({
  placementId,
  today,
  studentName,
}: {
  placementId: string;
  today: string;
  studentName: string;
}) {
  return (
    <ActionButton
      variant="primary"
      action={() => recordAttendanceAction(placementId, { date: today, kind: "PLACEMENT_DAY" })}
      pendingLabel="Logging…"
    >
      Log today as a placement day<span className="sr-only"> for {studentName}</span>
    </ActionButton>
  );
}
