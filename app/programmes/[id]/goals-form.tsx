"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useActionForm } from "@/components/form/use-action-form";
import { ErrorSummary } from "@/components/form/error-summary";
import { SubmitButton, TextField } from "@/components/form/fields";
import { MAX_GOALS, setGoalsSchema } from "@/lib/validations/programmes";
import { setGoalsAction } from "../actions";

/** Up to three goals agreed with the child; blank boxes are left out. */
export function GoalsForm({ programmeId, goals }: { programmeId: string; goals: string[] }) {
  const router = useRouter();
  const [saved, setSaved] = useState<string>();
  const [texts, setTexts] = useState<string[]>(Array.from({ length: MAX_GOALS }, (_, index) => goals[index] ?? ""));
  const { form, onSubmit, formError, fieldErrors, attempt, pending } = useActionForm({
    schema: setGoalsSchema,
    defaultValues: { goals },
    action: (values) => setGoalsAction(programmeId, values),
    onSuccess: () => {
      setSaved("Goals saved.");
      router.refresh();
    },
  });
  const goalErrors = (form.formState.errors.goals ?? {}) as { message?: string } & Record<
    number,
    { message?: string } | undefined
  >;
  const summary: Record<string, string | undefined> = {
    ...fieldErrors,
    goals: undefined,
    "goal-1": goalErrors.message,
  };
  texts.forEach((_, index) => {
    if (goalErrors[index]?.message) summary[`goal-${index + 1}`] = `Goal ${index + 1}: ${goalErrors[index]?.message}`;
  });
  return (
    <form
      noValidate
      onSubmit={(event) => {
        // Goals are numbered in order: blank boxes are dropped.
        form.setValue("goals", texts.map((text) => text.trim()).filter(Boolean));
        setSaved(undefined);
        return onSubmit(event);
      }}
    >
      <ErrorSummary message={formError} fieldErrors={summary} attempt={attempt} />
      {texts.map((text, index) => (
        <TextField
          key={index}
          id={`goal-${index + 1}`}
          label={`Goal ${index + 1}${index === 0 ? "" : " (optional)"}`}
          hint={index === 0 ? 'In the child\'s own words where you can, e.g. "Feel calmer in lessons"' : undefined}
          value={text}
          maxLength={500}
          error={index === 0 ? (goalErrors.message ?? goalErrors[0]?.message) : goalErrors[index]?.message}
          onChange={(event) =>
            setTexts((current) => current.map((value, i) => (i === index ? event.target.value : value)))
          }
        />
      ))}
      <div className="flex items-center gap-4">
        <SubmitButton pending={pending}>Save goals</SubmitButton>
        <p role="status" className="font-semibold text-green-900">
          {saved}
        </p>
      </div>
    </form>
  );
}
