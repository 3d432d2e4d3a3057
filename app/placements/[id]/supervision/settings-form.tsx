"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useActionForm } from "@/components/form/use-action-form";
import { ErrorSummary } from "@/components/form/error-summary";
import { SelectField, SubmitButton, TextField } from "@/components/form/fields";
import { supervisionArrangementsSchema } from "@/lib/validations/supervision";
import { updateSupervisionSettingsAction } from "@/app/supervision/actions";

const FREQUENCIES = [1, 2, 3, 4].map((weeks) => ({
  value: String(weeks),
  label: weeks === 1 ? "Every week" : `Every ${weeks} weeks`,
}));

/** How often supervision is expected and for how long: the team manager or the current PE sets it. */
export function SupervisionSettingsForm({
  placementId,
  version,
  everyWeeks,
  minMinutes,
}: {
  placementId: string;
  /** The placement's version when the page was opened: a change made since is a conflict, not overwritten. */
  version: number;
  everyWeeks: number;
  minMinutes: number;
}) {
  const router = useRouter();
  const [saved, setSaved] = useState<string>();
  const { form, onSubmit, formError, errorOf, fieldErrors, attempt, pending } = useActionForm({
    schema: supervisionArrangementsSchema,
    defaultValues: { supervisionEveryWeeks: everyWeeks, supervisionMinMinutes: minMinutes },
    action: (values) => updateSupervisionSettingsAction(placementId, { ...values, version }),
    onSuccess: () => {
      setSaved("Supervision arrangements saved.");
      router.refresh();
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Supervision arrangements">
      <ErrorSummary message={formError} fieldErrors={fieldErrors} attempt={attempt} />
      <div className="grid grid-cols-1 gap-x-4 sm:grid-cols-2">
        <SelectField
          id="supervisionEveryWeeks"
          label="How often"
          hint="University handbooks usually ask for weekly supervision"
          options={FREQUENCIES}
          error={errorOf("supervisionEveryWeeks")}
          {...form.register("supervisionEveryWeeks", { valueAsNumber: true, onChange: () => setSaved(undefined) })}
        />
        <TextField
          id="supervisionMinMinutes"
          label="Minimum minutes each time"
          hint="Usually 90; pro rata for part-time students"
          type="number"
          inputMode="numeric"
          min={15}
          max={480}
          error={errorOf("supervisionMinMinutes")}
          {...form.register("supervisionMinMinutes", { valueAsNumber: true, onChange: () => setSaved(undefined) })}
        />
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton pending={pending}>Save arrangements</SubmitButton>
        <p role="status" className="font-semibold text-green-900">
          {saved}
        </p>
      </div>
    </form>
  );
}
