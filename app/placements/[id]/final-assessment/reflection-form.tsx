"use client";
import { useRef, useState } from "react";
import { useActionForm } from "@/components/form/use-action-form";
import { ErrorSummary } from "@/components/form/error-summary";
import { SubmitButton, TextAreaField } from "@/components/form/fields";
import { ConfirmStep } from "@/components/confirm-step";
import { finalReflectionSchema } from "@/lib/validations/final-assessment";
import { saveAndSignReflectionAction, saveFinalReflectionAction } from "./actions";
import { savedVersionIn } from "./saved-version";

/** The student's critical reflection (its own version, so the PE can write at the same time) and the student's signature. */
export function ReflectionForm(props: {
  placementId: string;
  assessmentId: string;
  reflectionVersion: number;
  studentReflection: string;
  canSign: boolean;
}) {
  const version = useRef(props.reflectionVersion);
  const intent = useRef<"save" | "sign">("save");
  const signed = useRef(false);
  const [savedAt, setSavedAt] = useState<string>();
  const { form, onSubmit, formError, errorOf, fieldErrors, attempt, pending } = useActionForm({
    schema: finalReflectionSchema,
    defaultValues: { reflectionVersion: props.reflectionVersion, studentReflection: props.studentReflection },
    action: async (values) => {
      setSavedAt(undefined);
      const input = { ...values, reflectionVersion: version.current };
      const result =
        intent.current === "sign"
          ? await saveAndSignReflectionAction(props.placementId, props.assessmentId, input)
          : await saveFinalReflectionAction(props.placementId, input);
      if (!result.ok) version.current = savedVersionIn(result.details) ?? version.current;
      return result;
    },
    onSuccess: (data) => {
      version.current = data.reflectionVersion;
      if (intent.current === "sign") signed.current = true;
      else setSavedAt(new Intl.DateTimeFormat("en-GB", { timeStyle: "short" }).format(new Date()));
    },
  });

  return (
    <div>
      <ErrorSummary
        message={formError}
        fieldErrors={fieldErrors}
        labels={{ studentReflection: "Your reflective summary" }}
        attempt={attempt}
      />
      <form
        noValidate
        aria-label="Your reflective summary"
        onSubmit={(event) => {
          intent.current = "save";
          return onSubmit(event);
        }}
      >
        <TextAreaField
          id="studentReflection"
          label="Your reflective summary"
          hint="Your critical reflection on the placement: what you learned, how your practice developed across the PCF domains, and what you will work on next. Only you can write here."
          rows={10}
          error={errorOf("studentReflection")}
          {...form.register("studentReflection")}
        />
        <div className="flex flex-wrap items-center gap-4">
          <SubmitButton pending={pending && intent.current === "save"}>Save reflection</SubmitButton>
          <p role="status" className="text-muted">
            {savedAt ? `Reflection saved at ${savedAt}.` : "You can change it until you sign."}
          </p>
        </div>
      </form>
      {props.canSign ? (
        <section aria-labelledby="student-sign-heading" className="mt-6 rounded border-2 border-brand-600 bg-white p-4">
          <h3 id="student-sign-heading" className="text-lg font-bold">
            Sign the final assessment
          </h3>
          <p className="mt-1">
            Signing confirms you have read your practice educator&apos;s report. It locks your reflective summary.
          </p>
          <ConfirmStep
            buttonLabel="Sign as student"
            question="Sign the final assessment?"
            explanation="Your reflection is saved first. After signing you cannot change it."
            confirmLabel="Yes, sign as student"
            pendingLabel="Signing…"
            onConfirm={async () => {
              intent.current = "sign";
              signed.current = false;
              await onSubmit();
              intent.current = "save";
              return signed.current ? null : "The assessment was not signed: see the message above.";
            }}
          />
        </section>
      ) : (
        <p className="mt-4 border-l-4 border-gray-500 bg-gray-50 p-3">
          You can sign once your practice educator has signed the final report.
        </p>
      )}
    </div>
  );
}
