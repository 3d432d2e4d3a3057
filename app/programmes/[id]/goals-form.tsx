"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useActionForm } from "@/components/form/use-action-form";
import { ErrorSummary } from "@/components/form/error-summary";
import { SubmitButton, TextField } from "@/components/form/fields";
import { directWorkGoalsSchema, MAX_GOALS } from "@/lib/validations/direct-work";
import { setDirectWorkGoalsAction } from "../actions";

/** Up to three goals agreed with the child; blank boxes are left out. */
export function GoalsForm({ programmeId, goals }: { programmeId: string; goals: string[] }) {
  const router = useRouter();
  const [saved, setSaved] = useState<string>();
  const [texts, setTexts] = useState<string[]>(Array.from({ length: MAX_GOALS }, (_, index) => goals[index] ?? ""));
  const { form, onSubmit, formError, errorOf, attempt, pending } = useActionForm({
    schema: directWorkGoalsSchema,
    defaultValues: { goals },
    action: (values) => setDirectWorkGoalsAction(programmeId, values),
    onSuccess: () => {
      setSaved("Goals saved.");
      router.refresh();
    },
  });
  // The goals are sent as a list: its own error (none, or too many) belongs to the first box.
  const goalError = (index: number) => errorOf(`goals.${index}`) ?? (index === 0 ? errorOf("goals") : undefined);
  const summary = Object.fromEntries(
    texts.map((_, index) => {
      const own = errorOf(`goals.${index}`);
      return [`goal-${index + 1}`, own ? `Goal ${index + 1}: ${own}` : goalError(index)];
    }),
  );
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
          error={goalError(index)}
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
