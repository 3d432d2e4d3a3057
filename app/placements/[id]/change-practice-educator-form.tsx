"use client";
import { useRouter } from "next/navigation";
import { useActionForm } from "@/components/form/use-action-form";
import { ErrorSummary } from "@/components/form/error-summary";
import { SelectField, SubmitButton, TextField } from "@/components/form/fields";
import { assignPracticeEducatorAction } from "../actions";

export function ChangePracticeEducatorForm({
  placementId,
  options,
  today,
}: {
  placementId: string;
  options: Array<{ value: string; label: string }>;
  today: string;
}) {
  const router = useRouter();
  const { form, onSubmit, formError, errorOf, fieldErrors, attempt, pending } = useActionForm({
    // Loaded when the form is first submitted: zod stays off the page's first load.
    schema: () => import("@/lib/validations/placement").then((module) => module.assignPracticeEducatorSchema),
    defaultValues: { practiceEducatorId: "", startDate: today, reason: "" },
    action: (values) => assignPracticeEducatorAction(placementId, values),
    onSuccess: () => {
      form.reset();
      router.refresh();
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <ErrorSummary message={formError} fieldErrors={fieldErrors} attempt={attempt} />
      <SelectField
        id="practiceEducatorId"
        label="New practice educator"
        placeholder="Choose a practice educator"
        options={options}
        error={errorOf("practiceEducatorId")}
        {...form.register("practiceEducatorId")}
      />
      <TextField
        id="startDate"
        label="Takes over from"
        type="date"
        error={errorOf("startDate")}
        {...form.register("startDate")}
      />
      <TextField
        id="reason"
        label="Reason for the change"
        hint="For example: previous practice educator on long-term leave"
        error={errorOf("reason")}
        {...form.register("reason")}
      />
      <SubmitButton pending={pending}>Change practice educator</SubmitButton>
    </form>
  );
}
