"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useActionForm } from "@/components/form/use-action-form";
import { ErrorSummary } from "@/components/form/error-summary";
import { SelectField, SubmitButton, TextField } from "@/components/form/fields";
import {
  ASSESSMENT_OUTCOME_LABELS,
  ASSESSMENT_STATUS_LABELS,
  assessmentFormSchema,
  assessmentOutcomes,
  assessmentStatuses,
  type AssessmentFormInput,
} from "@/lib/validations/child-work";
import { updateAssessmentAction } from "../actions";

/** Status, outcome and completion date. Completing needs an outcome and a date; reopening clears both. */
export function AssessmentForm({
  assessmentId,
  values,
  version,
  startDate,
  today,
}: {
  assessmentId: string;
  values: AssessmentFormInput;
  version: number;
  startDate: string;
  today: string;
}) {
  const router = useRouter();
  const [saved, setSaved] = useState<string>();
  const { form, onSubmit, formError, errorOf, fieldErrors, attempt, pending } = useActionForm({
    schema: assessmentFormSchema,
    defaultValues: values,
    action: (input) => updateAssessmentAction(assessmentId, { ...input, version }),
    onSuccess: () => {
      setSaved("Saved.");
      router.refresh();
    },
  });
  const completing = form.watch("status") === "COMPLETED";
  const clear = () => setSaved(undefined);
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Record the assessment">
      <ErrorSummary message={formError} fieldErrors={fieldErrors} attempt={attempt} />
      <div className="grid grid-cols-1 gap-x-4 sm:grid-cols-3">
        <SelectField
          id="status"
          label="Status"
          hint="Complete it once the outcome is decided."
          options={assessmentStatuses.map((status) => ({ value: status, label: ASSESSMENT_STATUS_LABELS[status] }))}
          error={errorOf("status")}
          {...form.register("status", { onChange: clear })}
        />
        <SelectField
          id="outcome"
          label="Outcome"
          hint={completing ? "Needed to complete the assessment." : "Recorded when the assessment is completed."}
          placeholder="Choose the outcome"
          disabled={!completing}
          options={assessmentOutcomes.map((outcome) => ({ value: outcome, label: ASSESSMENT_OUTCOME_LABELS[outcome] }))}
          error={errorOf("outcome")}
          {...form.register("outcome", { onChange: clear })}
        />
        <TextField
          id="completedOn"
          label="Completed on"
          hint={completing ? "Not in the future, not before the start." : "Recorded when the assessment is completed."}
          type="date"
          min={startDate}
          max={today}
          disabled={!completing}
          error={errorOf("completedOn")}
          {...form.register("completedOn", { onChange: clear })}
        />
      </div>
      {completing && form.watch("outcome") === "CHILD_PROTECTION" && (
        <p className="mb-4 border-l-4 border-amber-700 bg-amber-50 p-3">
          Stepping up to child protection means a strategy discussion under the council&apos;s procedures. Recording the
          outcome here does not start it: make sure your practice educator and the team manager know now.
        </p>
      )}
      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton pending={pending}>Save assessment</SubmitButton>
        <p role="status" className="font-semibold text-green-900">
          {saved}
        </p>
      </div>
    </form>
  );
}
