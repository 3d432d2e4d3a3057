"use client";
import { ActionButton } from "@/components/action-button";
import { removeAttendanceAction } from "../actions";

export function RemoveAttendanceButton(props: { placementId: string; attendanceId: string; label: string }) {
  return (
    <ActionButton
      variant="danger"
      confirm={`Remove ${props.label}?`}
      action={() => removeAttendanceAction(props.placementId, props.attendanceId)}
    >
      Remove<span className="sr-only"> {props.label}</span>
    </ActionButton>
  );
}
