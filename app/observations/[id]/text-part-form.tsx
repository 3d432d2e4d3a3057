"use client";
import { useRouter } from "next/navigation";
import { useActionForm } from "@/components/form/use-action-form";
import { ErrorSummary } from "@/components/form/error-summary";
import { SubmitButton, TextAreaField } from "@/components/form/fields";
import { observationPreparationSchema, observationReflectionSchema } from "@/lib/validations/observation";
import { updateObservationAction } from "@/app/observations/actions";

/** The student's preparation or reflection: their own text, saved with the version they opened. */
export function StudentTextForm(props: {
  observationId: string;
  part: "preparation" | "reflection";
  text: string;
  version: number;
  label: string;
  hint: string;
}) {
  const router = useRouter();
  const field = props.part === "preparation" ? "preparationNote" : "reflection";
  const { form, onSubmit, formError, errorOf, fieldErrors, attempt, pending } = useActionForm({
    schema: props.part === "preparation" ? observationPreparationSchema : observationReflectionSchema,
    defaultValues: { part: props.part, [field]: props.text, version: props.version } as never,
    action: (values) => updateObservationAction(props.observationId, values as never),
    onSuccess: () => router.refresh(),
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <ErrorSummary message={formError} fieldErrors={fieldErrors} labels={{ [field]: props.label }} attempt={attempt} />
      <TextAreaField
        id={field}
        label={props.label}
        hint={props.hint}
        rows={6}
        error={errorOf(field)}
        {...form.register(field as never)}
      />
      <SubmitButton pending={pending}>
        {props.part === "preparation" ? "Save my preparation" : "Save my reflection"}
      </SubmitButton>
    </form>
  );
}
