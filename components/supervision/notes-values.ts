import type { SupervisionNotesInput } from "@/lib/validations/supervision";
import type { SupervisionRecordDto } from "@/lib/supervision/supervision-record-dto";

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
    otherStudentIds: record.otherStudents.flatMap((student) => (student.id ? [student.id] : [])),
    otherAttendees: record.otherAttendees.join("\n"),
    agenda: record.agenda,
    caseDiscussion: record.caseDiscussion,
    reflectionAndLearning: record.reflectionAndLearning,
    wellbeingAndWorkload: record.wellbeingAndWorkload,
    pcfDomains: record.pcfDomains,
    actions: record.actions.map((action) => ({
      id: action.id,
      description: action.description,
      owner: action.owner,
      dueDate: action.dueDate,
    })),
  };
}
