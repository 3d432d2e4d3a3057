"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useActionForm } from "@/components/form/use-action-form";
import { ErrorSummary } from "@/components/form/error-summary";
import { SubmitButton } from "@/components/form/fields";
import { SupervisionNotesFields } from "@/components/supervision/notes-fields";
import { errorLabels, flattenErrors } from "@/components/supervision/form-errors";
import { supervisionNotesSchema, type SupervisionNotesInput } from "@/lib/validations/supervision";
import { recordSupervisionAction } from "@/app/supervision/actions";

const STANDARD_AGENDA = [
  "Actions from the last session",
  "Case discussion",
  "Reflection and learning",
  "Wellbeing and workload",
  "PCF domains and evidence for the portfolio",
  "Agreed actions and date of the next session",
].join("\n");

type LastRecord = {
  agenda: string;
  startTime: string;
  durationMinutes: number;
  type: SupervisionNotesInput["type"];
  attendedOnsiteSupervisor: boolean;
} | null;

/** The PE records a session; it is saved as a draft the PE goes on editing until they sign it. */
export function RecordSupervisionForm(props: {
  placementId: string;
  today: string;
  minDate: string;
  maxDate: string;
  minMinutes: number;
  onsiteSupervisorLabel: string | null;
  otherStudents: Array<{ id: string; name: string }>;
  last: LastRecord;
}) {
  const router = useRouter();
  const [agendaNote, setAgendaNote] = useState<string>();
  const { last } = props;
  const { form, onSubmit, formError, attempt, pending } = useActionForm({
    schema: supervisionNotesSchema,
    defaultValues: {
      heldOn: props.today > props.maxDate ? props.maxDate : props.today,
      startTime: last?.startTime ?? "",
      durationMinutes: props.minMinutes,
      // Formal by default: group sessions and review meetings are the exception (issue 12).
      type: "FORMAL",
      attendedPracticeEducator: true,
      attendedOnsiteSupervisor: Boolean(props.onsiteSupervisorLabel && last?.attendedOnsiteSupervisor),
      attendedStudent: true,
      otherStudentIds: [],
      otherAttendees: "",
      agenda: "",
      caseDiscussion: "",
      reflectionAndLearning: "",
      wellbeingAndWorkload: "",
      pcfDomains: [],
      actions: [],
    },
    action: (values) => recordSupervisionAction(props.placementId, values),
    // To the record with its Sign section in view and a success message there (issue 12).
    onSuccess: (created) => router.push(`/supervision/${created.id}?saved=1`),
  });

  const applyAgenda = (agenda: string, note: string) => {
    const current = form.getValues("agenda") ?? "";
    if (current.trim() && current !== agenda && !window.confirm("Replace the agenda you have typed?")) return;
    form.setValue("agenda", agenda, { shouldDirty: true });
    setAgendaNote(note);
  };

  const errors = flattenErrors(form.formState.errors);
  const agendaTools = (
    <div className="mb-3 flex flex-wrap items-center gap-3">
      {last?.agenda.trim() && (
        <button
          type="button"
          onClick={() =>
            applyAgenda(last.agenda, "The agenda now holds your last session's agenda: edit it as you need.")
          }
          className="rounded border-2 border-brand-600 bg-white px-3 py-1.5 font-semibold text-brand-700 hover:bg-brand-50"
        >
          Use my last agenda
        </button>
      )}
      <button
        type="button"
        onClick={() => applyAgenda(STANDARD_AGENDA, "The agenda now holds the standard agenda: edit it as you need.")}
        className="rounded border-2 border-brand-600 bg-white px-3 py-1.5 font-semibold text-brand-700 hover:bg-brand-50"
      >
        Use the standard agenda
      </button>
      <p role="status" className="text-sm font-semibold text-green-900">
        {agendaNote}
      </p>
    </div>
  );

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label="Record a supervision session"
      className="rounded border border-gray-300 bg-white p-4 sm:p-6"
    >
      <ErrorSummary message={formError} fieldErrors={errors} labels={errorLabels(errors)} attempt={attempt} />
      <SupervisionNotesFields
        form={form}
        minDate={props.minDate}
        maxDate={props.maxDate}
        onsiteSupervisorLabel={props.onsiteSupervisorLabel}
        otherStudents={props.otherStudents}
        agendaTools={agendaTools}
      />
      <p className="mb-3 text-muted">
        The record is saved as a draft. You can go on editing it (it saves as you type) until you sign it.
      </p>
      <SubmitButton pending={pending}>Save the record</SubmitButton>
    </form>
  );
}
