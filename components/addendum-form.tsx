"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useActionForm } from "@/components/form/use-action-form";
import { ErrorSummary } from "@/components/form/error-summary";
import { SubmitButton, TextAreaField } from "@/components/form/fields";
import { addendumSchema, type AddendumInput } from "@/lib/validations/supervision";
import type { ActionResult } from "@/lib/action-result";

/**
 * A correction or later note on a locked record (a signed supervision record,
 * accepted evidence): kept with its author and time, never edited.
 */
export function AddendumForm({
  action,
  rows = 4,
}: {
  action: (values: AddendumInput) => Promise<ActionResult>;
  rows?: number;
}) {
  const router = useRouter();
  const [saved, setSaved] = useState<string>();
  const { form, onSubmit, formError, errorOf, fieldErrors, attempt, pending } = useActionForm({
    schema: addendumSchema,
    defaultValues: { text: "" },
    action,
    onSuccess: () => {
      setSaved("Addendum added.");
      form.reset({ text: "" });
      router.refresh();
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Add an addendum">
      <ErrorSummary message={formError} fieldErrors={fieldErrors} attempt={attempt} />
      <TextAreaField
        id="text"
        label="Addendum"
        hint="A correction or something to add. It is shown with your name and the time, and cannot be changed later."
        rows={rows}
        error={errorOf("text")}
        {...form.register("text", { onChange: () => setSaved(undefined) })}
      />
      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton pending={pending}>Add addendum</SubmitButton>
        <p role="status" className="font-semibold text-green-900">
          {saved}
        </p>
      </div>
    </form>
  );
}
