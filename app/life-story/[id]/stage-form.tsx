"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useActionForm } from "@/components/form/use-action-form";
import { ErrorSummary } from "@/components/form/error-summary";
import { SubmitButton, TextAreaField, TextField } from "@/components/form/fields";
import {
  LIFE_STORY_STAGE_LABELS,
  lifeStoryStageFormSchema,
  type LifeStoryStageKey,
} from "@/lib/validations/child-work";
import { updateLifeStoryStageAction } from "../actions";

/** One stage's dates and notes. Several of these share a page, so every id carries the stage. */
export function StageForm({
  workId,
  stage,
  values,
  updatedAt,
  minDate,
  today,
}: {
  workId: string;
  stage: LifeStoryStageKey;
  values: { startedOn: string; completedOn: string; notes: string };
  updatedAt: string | null;
  minDate: string;
  today: string;
}) {
  const router = useRouter();
  const [saved, setSaved] = useState<string>();
  const idOf = (field: string) => `${stage.toLowerCase()}-${field}`;
  const { form, onSubmit, formError, errorOf, fieldErrors, attempt, pending } = useActionForm({
    schema: lifeStoryStageFormSchema,
    defaultValues: values,
    action: (input) => updateLifeStoryStageAction(workId, stage, { ...input, updatedAt }),
    onSuccess: () => {
      setSaved("Saved.");
      router.refresh();
    },
  });
  const summaryErrors = Object.fromEntries(Object.entries(fieldErrors).map(([field, error]) => [idOf(field), error]));
  const clear = () => setSaved(undefined);
  return (
    <form onSubmit={onSubmit} noValidate aria-label={LIFE_STORY_STAGE_LABELS[stage]}>
      <ErrorSummary message={formError} fieldErrors={summaryErrors} attempt={attempt} />
      <div className="grid grid-cols-1 gap-x-4 sm:grid-cols-2">
        <TextField
          id={idOf("startedOn")}
          label="Started on"
          hint="When work on this stage began."
          type="date"
          min={minDate}
          error={errorOf("startedOn")}
          {...form.register("startedOn", { onChange: clear })}
        />
        <TextField
          id={idOf("completedOn")}
          label="Completed on"
          hint="Leave empty while the stage is under way."
          type="date"
          min={minDate}
          max={today}
          error={errorOf("completedOn")}
          {...form.register("completedOn", { onChange: clear })}
        />
      </div>
      <TextAreaField
        id={idOf("notes")}
        label="Notes"
        hint="What was done, with whom, and what comes next."
        rows={4}
        error={errorOf("notes")}
        {...form.register("notes", { onChange: clear })}
      />
      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton pending={pending}>
          Save this stage<span className="sr-only">: {LIFE_STORY_STAGE_LABELS[stage]}</span>
        </SubmitButton>
        <p role="status" className="font-semibold text-green-900">
          {saved}
        </p>
      </div>
    </form>
  );
}
