import type { SupervisionNotesInput } from "@/lib/validations/supervision";
import type { SupervisionRecordDto } from "@/lib/supervision/supervision-records";

/** A saved record as the notes form's values (the attendees back to one per line). */
export function notesFormValues(record: SupervisionRecordDto): SupervisionNotesInput {
  return {
    heldOn: record.heldOn,
    startTime: record.startTime,
    durationMinutes: record.durationMinutes,
    type: record.type,
    attendedPracticeEducator: record.attendedPracticeEducator,
    attendedOnsiteSupervisor: record.attendedOnsiteSupervisor,
    attendedStudent: record.attendedStudent,
    otherAttendees: record.otherAttendees.join("\n"),
    agenda: record.agenda,
    caseDiscussion: record.caseDiscussion,
    reflectionAndLearning: record.reflectionAndLearning,
    wellbeingAndWorkload: record.wellbeingAndWorkload,
    pcfDomains: record.pcfDomains as SupervisionNotesInput["pcfDomains"],
    actions: record.actions.map((action) => ({
      id: action.id,
      description: action.description,
      owner: action.owner,
      dueDate: action.dueDate,
    })),
  };
}

/**
 * The form's values as the server action takes them. The resolver hands
 * handleSubmit zod's output, in which the attendees are already a list; the
 * server parses the same schema again, so they go back as lines.
 */
export function notesActionInput<T extends SupervisionNotesInput>(values: T): T {
  const attendees = values.otherAttendees as unknown;
  return { ...values, otherAttendees: Array.isArray(attendees) ? attendees.join("\n") : values.otherAttendees };
}
