"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useActionForm } from "@/components/form/use-action-form";
import { ErrorSummary } from "@/components/form/error-summary";
import { SubmitButton, TextField } from "@/components/form/fields";
import { addThemeSchema } from "@/lib/validations/direct-work";
import { addThemeAction } from "@/app/programmes/actions";

export function AddThemeForm() {
  const router = useRouter();
  const [saved, setSaved] = useState<string>();
  const { form, onSubmit, formError, errorOf, fieldErrors, attempt, pending } = useActionForm({
    schema: addThemeSchema,
    defaultValues: { name: "" },
    action: addThemeAction,
    onSuccess: (data) => {
      setSaved(`Added "${data.name}".`);
      form.reset({ name: "" });
      router.refresh();
    },
  });
  return (
    <form noValidate onSubmit={onSubmit}>
      <ErrorSummary message={formError} fieldErrors={fieldErrors} attempt={attempt} />
      <TextField
        id="name"
        label="New theme"
        hint="For example: Bereavement and loss"
        maxLength={80}
        error={errorOf("name")}
        {...form.register("name", { onChange: () => setSaved(undefined) })}
      />
      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton pending={pending}>Add theme</SubmitButton>
        <p role="status" className="font-semibold text-green-900">
          {saved}
        </p>
      </div>
    </form>
  );
}
