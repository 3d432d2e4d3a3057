import "server-only";
import type { z } from "zod";
import { CHECK_FIELDS, conflict, fieldError, invalid, type FieldErrors } from "@/lib/errors";
import { fromIsoDate, todayInUk, toIsoDate } from "@/lib/dates";
import type { supervisionNotesSchema } from "@/lib/validations/supervision";
import { actionDueDateProblem, sessionDateProblem } from "@/lib/supervision/session-rules";

// The practice educator's notes of a session: the checks they must pass on
// their placement, and the columns they are stored in.

export type SupervisionNotes = z.output<typeof supervisionNotesSchema>;

/** Words for the notes' fields, for a conflict message naming what someone else changed. */
export const NOTES_FIELD_LABELS: Record<string, string> = {
  heldOn: "date",
  startTime: "start time",
  durationMinutes: "length",
  type: "type",
  attendedPracticeEducator: "practice educator's attendance",
  attendedOnsiteSupervisor: "on-site supervisor's attendance",
  attendedStudent: "student's attendance",
  otherStudentIds: "other students",
  otherAttendees: "other attendees",
  agenda: "agenda",
  caseDiscussion: "case discussion",
  reflectionAndLearning: "reflection and learning",
  wellbeingAndWorkload: "wellbeing and workload",
  pcfDomains: "PCF domains",
};

/**
 * The rules a session must meet on its placement, whoever asks
 * (lib/supervision/session-rules.ts): the placement is active, the session has
 * happened within it, and no action agreed in it is due before it.
 */
export function checkSessionOn(
  placement: { status: string; startDate: Date; endDate: Date },
  notes: Pick<SupervisionNotes, "heldOn" | "actions">,
) {
  if (placement.status !== "ACTIVE") throw conflict("Supervision can only be recorded while the placement is active.");
  const dates = { startDate: toIsoDate(placement.startDate), endDate: toIsoDate(placement.endDate) };
  const problem = sessionDateProblem(notes.heldOn, dates, todayInUk());
  if (problem) throw fieldError("heldOn", problem);
  const late: FieldErrors = {};
  notes.actions.forEach((action, index) => {
    const message = actionDueDateProblem(action.dueDate, notes.heldOn);
    if (message) late[`actions.${index}.dueDate`] = [message];
  });
  if (Object.keys(late).length > 0) throw invalid(CHECK_FIELDS, late);
}

/** The notes as the record's columns (the agreed actions and other students are rows of their own). */
export function notesColumns(notes: SupervisionNotes) {
  return {
    heldOn: fromIsoDate(notes.heldOn),
    startTime: notes.startTime,
    durationMinutes: notes.durationMinutes,
    type: notes.type,
    attendedPracticeEducator: notes.attendedPracticeEducator,
    attendedOnsiteSupervisor: notes.attendedOnsiteSupervisor,
    attendedStudent: notes.attendedStudent,
    otherAttendees: notes.otherAttendees,
    agenda: notes.agenda,
    caseDiscussion: notes.caseDiscussion,
    reflectionAndLearning: notes.reflectionAndLearning,
    wellbeingAndWorkload: notes.wellbeingAndWorkload,
    pcfDomains: notes.pcfDomains,
  };
}
