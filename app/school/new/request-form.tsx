"use client";
import { useRouter } from "next/navigation";
import { useActionForm } from "@/components/form/use-action-form";
import { ErrorSummary } from "@/components/form/error-summary";
import { SubmitButton, TextAreaField, TextField } from "@/components/form/fields";
import { ChildDetailsFields } from "@/components/children/child-details-fields";
import { schoolRequestSchema } from "@/lib/validations/school-requests";
import { requestSupportAction } from "../actions";

export function RequestSupportForm({ today }: { today: string }) {
  const router = useRouter();
  const { form, onSubmit, formError, errorOf, fieldErrors, attempt, pending } = useActionForm({
    schema: schoolRequestSchema,
    defaultValues: {
      firstName: "",
      lastName: "",
      dateOfBirth: "",
      yearGroup: "" as unknown as number,
      reason: "",
      parentConsent: false,
      parentConsentOn: "",
      childAgreement: false,
    },
    action: requestSupportAction,
    onSuccess: () => router.push("/school?sent=1"),
  });
  const checkboxError = (field: "parentConsent" | "childAgreement") => errorOf(field);
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-2xl">
      <ErrorSummary message={formError} fieldErrors={fieldErrors} attempt={attempt} />
      <ChildDetailsFields
        subject="pupil"
        today={today}
        errorOf={errorOf}
        fields={{
          firstName: form.register("firstName"),
          lastName: form.register("lastName"),
          dateOfBirth: form.register("dateOfBirth"),
          yearGroup: form.register("yearGroup"),
        }}
      />
      <TextAreaField
        id="reason"
        label="Why are you asking for support?"
        hint="What you and the family have noticed, and what you hope the work will help with. No more than the team needs."
        error={errorOf("reason")}
        {...form.register("reason")}
      />
      <fieldset className="mb-5">
        <legend className="mb-2 font-semibold">Consent and agreement</legend>
        {(
          [
            ["parentConsent", "A parent or carer has consented to the team working with the pupil"],
            ["childAgreement", "The pupil has agreed to meet a student social worker"],
          ] as const
        ).map(([field, label]) => (
          <div key={field} className={`mb-3 ${checkboxError(field) ? "border-l-4 border-red-700 pl-3" : ""}`}>
            {checkboxError(field) && (
              <p id={`${field}-error`} className="mb-1 font-semibold text-red-800">
                <span className="sr-only">Error: </span>
                {checkboxError(field)}
              </p>
            )}
            <div className="flex items-center gap-2">
              <input
                id={field}
                type="checkbox"
                className="h-5 w-5"
                aria-invalid={checkboxError(field) ? true : undefined}
                aria-describedby={checkboxError(field) ? `${field}-error` : undefined}
                {...form.register(field)}
              />
              <label htmlFor={field}>{label}</label>
            </div>
          </div>
        ))}
        <TextField
          id="parentConsentOn"
          label="Date the parent or carer consented"
          type="date"
          max={today}
          error={errorOf("parentConsentOn")}
          {...form.register("parentConsentOn")}
        />
      </fieldset>
      <SubmitButton pending={pending}>Send the request</SubmitButton>
    </form>
  );
}
