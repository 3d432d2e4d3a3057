"use client";
import { useRouter } from "next/navigation";
import { useActionForm } from "@/components/form/use-action-form";
import { ErrorSummary } from "@/components/form/error-summary";
import { SubmitButton, TextAreaField } from "@/components/form/fields";
import { raiseConcernSchema } from "@/lib/validations/concern";
import { raiseConcernAction } from "@/app/concerns/actions";

export function RaiseConcernForm({ placementId }: { placementId: string }) {
  const router = useRouter();
  const { form, onSubmit, formError, errorOf, fieldErrors, attempt, pending } = useActionForm({
    schema: raiseConcernSchema,
    defaultValues: { summary: "" },
    action: (values) => raiseConcernAction(placementId, values),
    onSuccess: (data) => router.push(`/concerns/${data.id}`),
  });
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="raise-heading"
      className="rounded border border-gray-300 bg-white p-4 sm:p-6"
    >
      <h2 id="raise-heading" className="mb-3 text-xl font-bold">
        Raise a cause for concern
      </h2>
      <p className="mb-4 text-muted">
        The student, the practice educator, the on-site supervisor, the tutor and the team manager are told. A stage 1
        meeting is the next step.
      </p>
      <ErrorSummary
        message={formError}
        fieldErrors={fieldErrors}
        labels={{ summary: "What is the concern?" }}
        attempt={attempt}
      />
      <TextAreaField
        id="summary"
        label="What is the concern?"
        hint="What has happened, and how it puts the student's progress or conduct at risk. Refer to a child by their code only."
        rows={5}
        error={errorOf("summary")}
        {...form.register("summary")}
      />
      <SubmitButton pending={pending}>Raise the concern</SubmitButton>
    </form>
  );
}
