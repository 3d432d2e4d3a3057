import { formatDate, type IsoDate } from "@/lib/dates";

// The date rules of a supervision session and the actions agreed in it
// (docs/domain.md, "Supervision"). Each returns the message refusing a date,
// or null when the date is allowed.

/** A session is recorded once it has happened (today counts), on a day of the placement. */
export function sessionDateProblem(
  heldOn: IsoDate,
  placement: { startDate: IsoDate; endDate: IsoDate },
  today: IsoDate,
): string | null {
  if (heldOn > today) return "A session can only be recorded once it has happened";
  if (heldOn < placement.startDate || heldOn > placement.endDate)
    return `The session must fall within the placement (${formatDate(placement.startDate)} to ${formatDate(placement.endDate)})`;
  return null;
}

/** An action agreed in a session is due on the day of the session or later. */
export function actionDueDateProblem(dueDate: IsoDate, heldOn: IsoDate): string | null {
  return dueDate < heldOn ? `The due date cannot be before the session (${formatDate(heldOn)})` : null;
}

/** An open action is past due from the day after its due date. */
export function actionPastDue(action: { status?: string; dueDate: IsoDate }, today: IsoDate): boolean {
  return (action.status ?? "OPEN") === "OPEN" && action.dueDate < today;
}
