"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useActionForm } from "@/components/form/use-action-form";
import { ErrorSummary } from "@/components/form/error-summary";
import { SubmitButton, TextAreaField } from "@/components/form/fields";
import { addendumSchema } from "@/lib/validations/supervision";
import { addSupervisionAddendumAction } from "../actions";

/** A correction or later note on a signed record: kept with its author and time, never edited. */
export function AddendumForm({ recordId }: { recordId: string }) {
  const router = useRouter();
  const [saved, setSaved] = useState<string>();
  const { form, onSubmit, formError, errorOf, fieldErrors, attempt, pending } = useActionForm({
    schema: addendumSchema,
    defaultValues: { text: "" },
    action: (values) => addSupervisionAddendumAction(recordId, values),
    onSuccess: () => {
      setSaved("Addendum added.");
      form.reset({ text: "" });
      router.refresh();
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Add an addendum">
      <ErrorSummary message={formError} fieldErrors={fieldErrors} attempt={attempt} />
      <TextAreaField id="text" label="Addendum" hint="A correction or something to add. It is shown with your name and the time, and cannot be changed later." rows={4} error={errorOf("text")} {...form.register("text", { onChange: () => setSaved(undefined) })} />
      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton pending={pending}>Add addendum</SubmitButton>
        <p role="status" className="font-semibold text-green-900">
          {saved}
        </p>
      </div>
    </form>
  );
}
