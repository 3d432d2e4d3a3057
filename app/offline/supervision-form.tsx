"use client";
import { useState } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import { SelectField, TextAreaField, TextField } from "@/components/form/fields";
import { SUPERVISION_TYPE_LABELS, supervisionNotesSchema, supervisionTypes } from "@/lib/validations/supervision";
import type { Values } from "@/lib/offline/outbox";
import type { OfflinePlacement } from "@/lib/offline/types";
import { firstErrors, serverErrors } from "./form-errors";
import { SaveOnDeviceButtons } from "./form-buttons";

const LABELS = {
  heldOn: "Date of the session",
  startTime: "Start time",
  durationMinutes: "Length in minutes",
  type: "Type of session",
  agenda: "Agenda",
  caseDiscussion: "Case discussion",
  reflectionAndLearning: "Reflection and learning",
  wellbeingAndWorkload: "Wellbeing and workload",
};

type Draft = Record<keyof typeof LABELS, string>;

/**
 * A supervision record drafted offline by the practice educator: the session's
 * details and notes (agreed actions and attendees are added on the record's
 * page once it is sent). Sent as POST /api/v1/placements/:id/supervision.
 */
export function SupervisionDraftForm({
  placement,
  initial,
  serverFields,
  serverMessage,
  onSave,
  onCancel,
}: {
  placement: OfflinePlacement;
  initial?: Values;
  serverFields?: Record<string, string[]>;
  serverMessage?: string;
  onSave: (body: Values) => Promise<boolean>;
  onCancel: () => void;
}) {
  const [values, setValues] = useState<Draft>({
    heldOn: String(initial?.heldOn ?? new Date().toISOString().slice(0, 10)),
    startTime: String(initial?.startTime ?? ""),
    durationMinutes: String(initial?.durationMinutes ?? "60"),
    type: String(initial?.type ?? "FORMAL"),
    agenda: String(initial?.agenda ?? ""),
    caseDiscussion: String(initial?.caseDiscussion ?? ""),
    reflectionAndLearning: String(initial?.reflectionAndLearning ?? ""),
    wellbeingAndWorkload: String(initial?.wellbeingAndWorkload ?? ""),
  });
  const [errors, setErrors] = useState<Record<string, string>>(serverErrors(serverFields));
  const [attempt, setAttempt] = useState(0);
  const set = (field: keyof Draft, value: string) => setValues((old) => ({ ...old, [field]: value }));

  async function save(event: React.FormEvent) {
    event.preventDefault();
    const body: Values = {
      ...values,
      durationMinutes: Number(values.durationMinutes) || values.durationMinutes,
      attendedPracticeEducator: true,
      attendedOnsiteSupervisor: false,
      attendedStudent: true,
      otherAttendees: "",
      pcfDomains: [],
      actions: [],
    };
    const parsed = supervisionNotesSchema.safeParse(body);
    if (!parsed.success) {
      setErrors(firstErrors(parsed.error));
      setAttempt((count) => count + 1);
      return;
    }
    setErrors({});
    await onSave(body);
  }

  const text = (field: keyof Draft) => ({
    id: field,
    label: LABELS[field],
    error: errors[field],
    value: values[field],
    onChange: (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) =>
      set(field, event.target.value),
  });

  return (
    <section aria-labelledby="supervision-form-heading" className="rounded border border-gray-300 bg-white p-6">
      <h2 id="supervision-form-heading" className="mb-1 text-xl font-bold">
        Supervision draft with {placement.studentName}
      </h2>
      <p className="mb-4 text-muted">
        Saved on this device until it is sent; then add the agreed actions and attendees on the record&apos;s page.
      </p>
      <form noValidate onSubmit={save}>
        <ErrorSummary
          message={serverMessage && Object.keys(errors).length === 0 ? serverMessage : undefined}
          fieldErrors={errors}
          labels={LABELS}
          attempt={attempt}
        />
        <TextField {...text("heldOn")} type="date" fieldClassName="max-w-xs" />
        <TextField {...text("startTime")} type="time" hint="For example 14:30" fieldClassName="max-w-xs" />
        <TextField {...text("durationMinutes")} inputMode="numeric" fieldClassName="max-w-xs" />
        <SelectField
          {...text("type")}
          options={supervisionTypes.map((value) => ({ value, label: SUPERVISION_TYPE_LABELS[value] }))}
        />
        <TextAreaField {...text("agenda")} />
        <TextAreaField {...text("caseDiscussion")} hint="Children by their code (e.g. C-4821), never by name." />
        <TextAreaField {...text("reflectionAndLearning")} />
        <TextAreaField {...text("wellbeingAndWorkload")} />
        <SaveOnDeviceButtons onCancel={onCancel} />
      </form>
    </section>
  );
}
