"use client";
import { useRouter } from "next/navigation";
import { useFieldArray } from "react-hook-form";
import { useActionForm } from "@/components/form/use-action-form";
import { ErrorSummary } from "@/components/form/error-summary";
import { SelectField, SubmitButton, TextField } from "@/components/form/fields";
import { ChildDetailsFields } from "@/components/children/child-details-fields";
import { CONSENT_LABELS, consentStatuses, createChildSchema } from "@/lib/validations/children";
import { createChildAction } from "../actions";

export function NewChildForm({ schools }: { schools: Array<{ value: string; label: string }> }) {
  const router = useRouter();
  const { form, onSubmit, formError, errorOf, fieldErrors, attempt, pending } = useActionForm({
    schema: createChildSchema,
    defaultValues: { firstName: "", lastName: "", dateOfBirth: "", schoolId: "", yearGroup: null, contacts: [] },
    action: createChildAction,
    onSuccess: (data) => router.push(`/children/${data.id}`),
  });
  const contacts = useFieldArray({ control: form.control, name: "contacts" });
  return (
    <form onSubmit={onSubmit} noValidate className="rounded border border-gray-300 bg-white p-6">
      <ErrorSummary message={formError} fieldErrors={fieldErrors} attempt={attempt} />
      <ChildDetailsFields
        subject="child"
        yearGroupOptional
        errorOf={errorOf}
        fields={{
          firstName: form.register("firstName"),
          lastName: form.register("lastName"),
          dateOfBirth: form.register("dateOfBirth"),
          yearGroup: form.register("yearGroup", {
            setValueAs: (value) => (value === "" || value === null ? null : Number(value)),
          }),
        }}
      />
      <SelectField
        id="schoolId"
        label="School (optional)"
        placeholder="No partner school"
        options={schools}
        error={errorOf("schoolId")}
        {...form.register("schoolId")}
      />
      <fieldset className="mb-5 rounded border border-gray-300 p-4">
        <legend className="px-1 font-semibold">Parents and carers</legend>
        {contacts.fields.map((field, index) => (
          <div key={field.id} className="mb-4 grid grid-cols-1 gap-x-4 border-b border-gray-200 pb-2 sm:grid-cols-2">
            <TextField
              id={`contacts.${index}.name`}
              label="Name"
              error={errorOf(`contacts.${index}.name`)}
              {...form.register(`contacts.${index}.name`)}
            />
            <TextField
              id={`contacts.${index}.relationship`}
              label="Relationship to the child"
              error={errorOf(`contacts.${index}.relationship`)}
              {...form.register(`contacts.${index}.relationship`)}
            />
            <TextField
              id={`contacts.${index}.phone`}
              label="Phone (optional)"
              type="tel"
              {...form.register(`contacts.${index}.phone`)}
            />
            <SelectField
              id={`contacts.${index}.consent`}
              label="Consent to the work"
              options={consentStatuses.map((value) => ({ value, label: CONSENT_LABELS[value] }))}
              {...form.register(`contacts.${index}.consent`)}
            />
            <button
              type="button"
              onClick={() => contacts.remove(index)}
              className="mb-3 justify-self-start text-red-800 underline"
            >
              Remove contact {index + 1}
            </button>
          </div>
        ))}
        <button
          type="button"
          onClick={() =>
            contacts.append({
              name: "",
              relationship: "",
              phone: "",
              email: "",
              consent: "PENDING",
              consentRecordedOn: "",
            })
          }
          className="rounded border-2 border-brand-600 px-3 py-1.5 font-semibold text-brand-700"
        >
          Add a parent or carer
        </button>
      </fieldset>
      <SubmitButton pending={pending}>Add child</SubmitButton>
    </form>
  );
}
