"use client";
import { useRouter } from "next/navigation";
import { useActionForm } from "@/components/form/use-action-form";
import { ErrorSummary } from "@/components/form/error-summary";
import { SubmitButton, TextAreaField, TextField } from "@/components/form/fields";
import { planObservationSchema } from "@/lib/validations/observation";
import { planObservationAction } from "@/app/observations/actions";

/** The PE or on-site supervisor plans an observation they will make themselves. */
export function PlanObservationForm(props: { placementId: string; today: string; minDate: string; maxDate: string }) {
  const router = useRouter();
  const { form, onSubmit, formError, errorOf, fieldErrors, attempt, pending } = useActionForm({
    schema: planObservationSchema,
    defaultValues: {
      observedOn:
        props.today < props.minDate ? props.minDate : props.today > props.maxDate ? props.maxDate : props.today,
      activity: "",
    },
    action: (values) => planObservationAction(props.placementId, values),
    onSuccess: (data) => router.push(`/observations/${data.id}`),
  });
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="plan-heading"
      className="rounded border border-gray-300 bg-white p-4 sm:p-6"
    >
      <h2 id="plan-heading" className="mb-3 text-xl font-bold">
        Plan an observation
      </h2>
      <p className="mb-4 text-muted">
        You will be the observer. The student is told, so they can write their preparation.
      </p>
      <ErrorSummary
        message={formError}
        fieldErrors={fieldErrors}
        labels={{ observedOn: "Date of the observation", activity: "Activity to be observed" }}
        attempt={attempt}
      />
      <TextField
        id="observedOn"
        label="Date of the observation"
        type="date"
        min={props.minDate}
        max={props.maxDate}
        className="max-w-48"
        error={errorOf("observedOn")}
        {...form.register("observedOn")}
      />
      <TextAreaField
        id="activity"
        label="Activity to be observed"
        hint="For example: a home visit, a child in need meeting, direct work with a child (use the child's code, never their name)"
        rows={3}
        error={errorOf("activity")}
        {...form.register("activity")}
      />
      <SubmitButton pending={pending}>Plan the observation</SubmitButton>
    </form>
  );
}
