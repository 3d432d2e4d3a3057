"use client";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { useActionForm } from "@/components/form/use-action-form";
import { ErrorSummary } from "@/components/form/error-summary";
import { SubmitButton, TextAreaField } from "@/components/form/fields";
import { ProceduresWarning } from "@/components/safeguarding/procedures-warning";
import { raiseConcernFormSchema } from "@/lib/validations/child-work";
import type { SAFEGUARDING_SOURCES } from "@/lib/validations/children";
import { raiseSafeguardingConcernAction } from "./actions";

/**
 * Raise a safeguarding concern about a child, from any record: the PE(s)
 * overseeing the child's work and the team manager are told at once. Place it
 * on a page the user can only open if they can see the child; name the record
 * it is raised from with sourceEntity/sourceId (e.g. "ProgrammeSession").
 */
export function RaiseConcernForm({
  childId,
  sourceEntity,
  sourceId,
  heading = "Raise a safeguarding concern",
}: {
  childId: string;
  sourceEntity?: (typeof SAFEGUARDING_SOURCES)[number];
  sourceId?: string;
  heading?: string;
}) {
  const router = useRouter();
  const prefix = useId().replace(/:/g, "");
  const fieldId = `${prefix}-description`;
  const headingId = `${prefix}-heading`;
  const [saved, setSaved] = useState<string>();
  const { form, onSubmit, formError, errorOf, fieldErrors, attempt, pending } = useActionForm({
    schema: raiseConcernFormSchema,
    defaultValues: { description: "" },
    action: (values) =>
      raiseSafeguardingConcernAction({
        ...values,
        childId,
        sourceEntity: sourceEntity ?? null,
        sourceId: sourceId ?? null,
      }),
    onSuccess: () => {
      setSaved(
        "Concern raised. The practice educator and the team manager have been told, and it stays at the top of their home pages until they record the action taken.",
      );
      form.reset({ description: "" });
      router.refresh();
    },
  });
  // The summary's links point at this form's own field id.
  const summaryErrors = Object.fromEntries(
    Object.entries(fieldErrors).map(([field, error]) => [field === "description" ? fieldId : field, error]),
  );
  return (
    <section aria-labelledby={headingId} className="rounded border-2 border-red-800 bg-white p-4">
      <h2 id={headingId} className="mb-3 text-xl font-bold">
        {heading}
      </h2>
      <ProceduresWarning className="mb-4" />
      <form onSubmit={onSubmit} noValidate aria-labelledby={headingId}>
        <ErrorSummary message={formError} fieldErrors={summaryErrors} attempt={attempt} />
        <TextAreaField
          id={fieldId}
          label="What is the worry?"
          hint="What you saw or heard, when, and what the child said in their own words. Keep to facts. The practice educator and the team manager are told at once."
          rows={5}
          error={errorOf("description")}
          {...form.register("description", { onChange: () => setSaved(undefined) })}
        />
        <div className="flex flex-wrap items-center gap-4">
          <SubmitButton pending={pending}>Raise concern</SubmitButton>
          <p role="status" className="font-semibold text-green-900">
            {saved}
          </p>
        </div>
      </form>
    </section>
  );
}
