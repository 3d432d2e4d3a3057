"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useActionForm } from "@/components/form/use-action-form";
import { ErrorSummary } from "@/components/form/error-summary";
import { SelectField, SubmitButton, TextAreaField, TextField } from "@/components/form/fields";
import { formatDate } from "@/lib/dates";
import { extendedEndDate } from "@/lib/children/direct-work/weeks";
import {
  addDirectWorkSessionSchema,
  closeDirectWorkProgrammeSchema,
  extendDirectWorkProgrammeSchema,
  MAX_SESSIONS_ADDED,
} from "@/lib/validations/direct-work";
import {
  addDirectWorkSessionAction,
  closeDirectWorkProgrammeAction,
  extendDirectWorkProgrammeAction,
} from "../actions";

export function AddSessionForm({
  programmeId,
  themes,
  defaultDate,
  min,
  max,
}: {
  programmeId: string;
  themes: string[];
  defaultDate: string;
  min: string;
  max: string;
}) {
  const router = useRouter();
  const { form, onSubmit, formError, errorOf, fieldErrors, attempt, pending } = useActionForm({
    schema: addDirectWorkSessionSchema,
    defaultValues: { plannedOn: defaultDate, theme: "" },
    action: (values) => addDirectWorkSessionAction(programmeId, values),
    onSuccess: () => {
      form.reset({ plannedOn: "", theme: "" });
      router.refresh();
    },
  });
  return (
    <form noValidate onSubmit={onSubmit}>
      <ErrorSummary message={formError} fieldErrors={fieldErrors} attempt={attempt} />
      <TextField
        id="plannedOn"
        label="Planned date"
        hint={`Within the programme: ${formatDate(min)} to ${formatDate(max)}`}
        type="date"
        min={min}
        max={max}
        error={errorOf("plannedOn")}
        {...form.register("plannedOn")}
      />
      <SelectField
        id="theme"
        label="Theme"
        placeholder="Choose a theme"
        options={themes.map((theme) => ({ value: theme, label: theme }))}
        error={errorOf("theme")}
        {...form.register("theme")}
      />
      <SubmitButton pending={pending}>Add session</SubmitButton>
    </form>
  );
}

export function ExtendPlanForm({
  programmeId,
  version,
  endDate,
}: {
  programmeId: string;
  version: number;
  endDate: string;
}) {
  const router = useRouter();
  const [saved, setSaved] = useState<string>();
  const { form, onSubmit, formError, errorOf, fieldErrors, attempt, pending } = useActionForm({
    schema: extendDirectWorkProgrammeSchema,
    defaultValues: { additionalSessions: 1, version },
    action: (values) => extendDirectWorkProgrammeAction(programmeId, { ...values, version }),
    onSuccess: (data) => {
      setSaved(
        `The plan now has ${data.plannedSessions} sessions and runs to ${formatDate(data.endDate)}. Add the new sessions on the left.`,
      );
      router.refresh();
    },
  });
  const added = Number(form.watch("additionalSessions"));
  return (
    <form noValidate onSubmit={onSubmit}>
      <ErrorSummary message={formError} fieldErrors={fieldErrors} attempt={attempt} />
      <p className="mb-3 text-sm">
        The programme runs to {formatDate(endDate)}.
        {Number.isInteger(added) && added > 0 && added <= MAX_SESSIONS_ADDED
          ? ` Adding ${added} weekly ${added === 1 ? "session moves" : "sessions moves"} the end to ${formatDate(extendedEndDate(endDate, added))}.`
          : ""}
      </p>
      <TextField
        id="additionalSessions"
        label="Sessions to add"
        type="number"
        inputMode="numeric"
        min={1}
        max={MAX_SESSIONS_ADDED}
        error={errorOf("additionalSessions")}
        {...form.register("additionalSessions", { valueAsNumber: true, onChange: () => setSaved(undefined) })}
      />
      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton pending={pending}>Extend the plan</SubmitButton>
        <p role="status" className="font-semibold text-green-900">
          {saved}
        </p>
      </div>
    </form>
  );
}

export function ClosePlanForm({ programmeId, version }: { programmeId: string; version: number }) {
  const router = useRouter();
  const { form, onSubmit, formError, errorOf, fieldErrors, attempt, pending } = useActionForm({
    schema: closeDirectWorkProgrammeSchema,
    defaultValues: { closingSummary: "", summaryForSchool: "", version },
    action: (values) => closeDirectWorkProgrammeAction(programmeId, { ...values, version }),
    onSuccess: () => router.refresh(),
  });
  return (
    <form noValidate onSubmit={onSubmit}>
      <ErrorSummary message={formError} fieldErrors={fieldErrors} attempt={attempt} />
      <TextAreaField
        id="closingSummary"
        label="Closing summary"
        hint="What changed for the child, what they said about it, and what happens next. Once closed, nothing more is recorded on the programme (the child's feedback can still arrive)."
        rows={6}
        error={errorOf("closingSummary")}
        {...form.register("closingSummary")}
      />
      <TextAreaField
        id="summaryForSchool"
        label="Summary for the school (optional)"
        hint="A few lines the referring school sees on its list: what the work covered and how it ended. No case detail, and no more than the school needs."
        rows={3}
        error={errorOf("summaryForSchool")}
        {...form.register("summaryForSchool")}
      />
      <SubmitButton pending={pending}>Close the programme</SubmitButton>
    </form>
  );
}
