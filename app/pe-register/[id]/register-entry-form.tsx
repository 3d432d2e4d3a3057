"use client";
import { useRouter } from "next/navigation";
import { useActionForm } from "@/components/form/use-action-form";
import { ErrorSummary } from "@/components/form/error-summary";
import { SelectField, SubmitButton, TextAreaField, TextField } from "@/components/form/fields";
import { registerEntrySchema, type RegisterEntryInput } from "@/lib/validations/pe-register";
import { updateRegisterEntryAction } from "../actions";

export function RegisterEntryForm(props: { educatorId: string; initial: RegisterEntryInput }) {
  const router = useRouter();
  const { form, onSubmit, formError, errorOf, fieldErrors, attempt, pending } = useActionForm({
    schema: registerEntrySchema,
    defaultValues: props.initial,
    action: (values) => updateRegisterEntryAction(props.educatorId, values),
    onSuccess: () => router.push("/pe-register"),
  });
  return (
    <form onSubmit={onSubmit} noValidate className="mt-4 rounded border border-gray-300 bg-white p-4">
      <ErrorSummary
        attempt={attempt}
        message={formError}
        fieldErrors={fieldErrors}
        labels={{
          pepsStage: "PEPS stage",
          qualifiedOn: "Date qualified",
          lastRefresherOn: "Last refresher",
          capacity: "Capacity",
          notes: "Notes",
        }}
      />
      <SelectField
        id="pepsStage"
        label="PEPS stage"
        placeholder="Not known"
        options={[
          { value: "STAGE_1", label: "Stage 1" },
          { value: "STAGE_2", label: "Stage 2" },
        ]}
        error={errorOf("pepsStage")}
        {...form.register("pepsStage")}
      />
      <TextField
        id="qualifiedOn"
        type="date"
        label="Date qualified (optional)"
        className="max-w-xs"
        error={errorOf("qualifiedOn")}
        {...form.register("qualifiedOn")}
      />
      <TextField
        id="lastRefresherOn"
        type="date"
        label="Last refresher training (optional)"
        hint="The next is due two years later."
        className="max-w-xs"
        error={errorOf("lastRefresherOn")}
        {...form.register("lastRefresherOn")}
      />
      <TextField
        id="capacity"
        type="number"
        inputMode="numeric"
        min={0}
        max={6}
        label="Students at once"
        className="max-w-[8rem]"
        error={errorOf("capacity")}
        {...form.register("capacity")}
      />
      <TextAreaField id="notes" label="Notes (optional)" error={errorOf("notes")} {...form.register("notes")} />
      <SubmitButton pending={pending}>Save the entry</SubmitButton>
    </form>
  );
}
