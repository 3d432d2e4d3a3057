"use client";
import { useRouter } from "next/navigation";
import type { BaseSyntheticEvent } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { useActionForm } from "@/components/form/use-action-form";
import { ErrorSummary } from "@/components/form/error-summary";
import { SubmitButton, TextAreaField } from "@/components/form/fields";
import { observationPreparationSchema, observationReflectionSchema } from "@/lib/validations/observation";
import { updateObservationAction } from "@/app/observations/actions";

type TextPartProps = { observationId: string; text: string; version: number };

/** The student's preparation, before the observation: their own text, saved with the version they opened. */
export function PreparationForm(props: TextPartProps) {
  const router = useRouter();
  const { form, ...state } = useActionForm({
    schema: observationPreparationSchema,
    defaultValues: { part: "preparation", preparationNote: props.text, version: props.version },
    action: (values) => updateObservationAction(props.observationId, values),
    onSuccess: () => router.refresh(),
  });
  return (
    <StudentText
      {...state}
      field="preparationNote"
      registration={form.register("preparationNote")}
      label="Your preparation"
      hint="What you plan to do, what you want feedback on, anything the observer should know. Refer to a child by their code only."
      button="Save my preparation"
    />
  );
}

/** The student's reflection, after the observation. */
export function ReflectionForm(props: TextPartProps) {
  const router = useRouter();
  const { form, ...state } = useActionForm({
    schema: observationReflectionSchema,
    defaultValues: { part: "reflection", reflection: props.text, version: props.version },
    action: (values) => updateObservationAction(props.observationId, values),
    onSuccess: () => router.refresh(),
  });
  return (
    <StudentText
      {...state}
      field="reflection"
      registration={form.register("reflection")}
      label="Your reflection"
      hint="What went well, what you would do differently, what you learned about your practice."
      button="Save my reflection"
    />
  );
}

function StudentText(props: {
  onSubmit: (event?: BaseSyntheticEvent) => Promise<void>;
  formError?: string;
  fieldErrors: Record<string, string | undefined>;
  errorOf: (field: string) => string | undefined;
  attempt: number;
  pending: boolean;
  field: string;
  registration: UseFormRegisterReturn;
  label: string;
  hint: string;
  button: string;
}) {
  return (
    <form onSubmit={props.onSubmit} noValidate>
      <ErrorSummary
        message={props.formError}
        fieldErrors={props.fieldErrors}
        labels={{ [props.field]: props.label }}
        attempt={props.attempt}
      />
      <TextAreaField
        id={props.field}
        label={props.label}
        hint={props.hint}
        rows={6}
        error={props.errorOf(props.field)}
        {...props.registration}
      />
      <SubmitButton pending={props.pending}>{props.button}</SubmitButton>
    </form>
  );
}
