"use client";
import { useRouter } from "next/navigation";
import { useActionForm } from "@/components/form/use-action-form";
import { ErrorSummary } from "@/components/form/error-summary";
import { SubmitButton, TextAreaField } from "@/components/form/fields";
import { safeguardingResponseSchema } from "@/lib/validations/children";
import { recordSafeguardingResponseAction } from "./actions";

/** Records what was done about one concern; the concern then leaves the open list. Several share a page: ids carry the concern. */
export function ResponseForm({ concernId, childLabel }: { concernId: string; childLabel: string }) {
  const router = useRouter();
  const fieldId = `action-${concernId}`;
  const { form, onSubmit, formError, errorOf, fieldErrors, attempt, pending } = useActionForm({
    schema: safeguardingResponseSchema,
    defaultValues: { actionTaken: "" },
    action: (values) => recordSafeguardingResponseAction(concernId, values),
    onSuccess: () => router.refresh(),
  });
  const summaryErrors = Object.fromEntries(
    Object.entries(fieldErrors).map(([field, error]) => [field === "actionTaken" ? fieldId : field, error]),
  );
  return (
    <form onSubmit={onSubmit} noValidate aria-label={`Record the action taken for ${childLabel}`}>
      <ErrorSummary message={formError} fieldErrors={summaryErrors} attempt={attempt} />
      <TextAreaField
        id={fieldId}
        label="Action taken"
        hint="What was done under the council's procedures, by whom and when (for example: referred to the front door, strategy discussion held, the child's social worker informed)."
        rows={3}
        error={errorOf("actionTaken")}
        {...form.register("actionTaken")}
      />
      <SubmitButton pending={pending}>Record action taken</SubmitButton>
    </form>
  );
}
