"use client";
import { useRef, useState } from "react";
import { useForm, type Resolver } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { ErrorSummary } from "@/components/form/error-summary";
import { SubmitButton, TextAreaField } from "@/components/form/fields";
import { ConfirmStep } from "@/components/confirm-step";
import { finalReflectionSchema } from "@/lib/validations/final-assessment";
import { saveFinalReflectionAction, signFinalAssessmentAction } from "./actions";

type Values = { reflectionVersion: number; studentReflection: string };

/** The student's critical reflection (its own version, so the PE can write at the same time) and the student's signature. */
export function ReflectionForm(props: {
  placementId: string;
  assessmentId: string;
  reflectionVersion: number;
  studentReflection: string;
  canSign: boolean;
}) {
  const version = useRef(props.reflectionVersion);
  const [formError, setFormError] = useState<string>();
  const [attempt, setAttempt] = useState(0);
  const [savedAt, setSavedAt] = useState<string>();
  const form = useForm<Values>({
    resolver: zodResolver(finalReflectionSchema as never) as unknown as Resolver<Values>,
    defaultValues: { reflectionVersion: props.reflectionVersion, studentReflection: props.studentReflection },
    shouldFocusError: false,
  });
  const error = form.formState.errors.studentReflection?.message;

  const fail = (message: string, fieldErrors?: Record<string, string[]>) => {
    setFormError(message);
    setAttempt((count) => count + 1);
    const fieldMessage = fieldErrors?.studentReflection?.[0];
    if (fieldMessage) form.setError("studentReflection", { type: "server", message: fieldMessage });
  };

  const save = async (): Promise<string | null> => {
    setSavedAt(undefined);
    const result = await saveFinalReflectionAction(props.placementId, {
      reflectionVersion: version.current,
      studentReflection: form.getValues("studentReflection"),
    });
    if (result.ok) {
      version.current = result.data.reflectionVersion;
      form.clearErrors();
      setFormError(undefined);
      setSavedAt(new Intl.DateTimeFormat("en-GB", { timeStyle: "short" }).format(new Date()));
      return null;
    }
    fail(result.message, result.fieldErrors);
    return result.message;
  };

  return (
    <div>
      <ErrorSummary
        message={formError}
        fieldErrors={{ studentReflection: error }}
        labels={{ studentReflection: "Your reflective summary" }}
        attempt={attempt}
      />
      <form
        noValidate
        aria-label="Your reflective summary"
        onSubmit={form.handleSubmit(
          async () => {
            await save();
          },
          () => fail("There is a problem: check the highlighted fields."),
        )}
      >
        <TextAreaField
          id="studentReflection"
          label="Your reflective summary"
          hint="Your critical reflection on the placement: what you learned, how your practice developed across the PCF domains, and what you will work on next. Only you can write here."
          rows={10}
          error={error}
          {...form.register("studentReflection")}
        />
        <div className="flex flex-wrap items-center gap-4">
          <SubmitButton pending={form.formState.isSubmitting}>Save reflection</SubmitButton>
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
              const failure = await save();
              if (failure) return `Your reflection could not be saved, so the assessment was not signed: ${failure}`;
              const result = await signFinalAssessmentAction(props.placementId, props.assessmentId, { as: "STUDENT" });
              if (result.ok) return null;
              fail(result.message, result.fieldErrors);
              return result.message;
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
