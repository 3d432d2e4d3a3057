"use client";
import { useRouter } from "next/navigation";
import { useMemo } from "react";
import { useActionForm } from "@/components/form/use-action-form";
import { ErrorSummary } from "@/components/form/error-summary";
import { SubmitButton, TextAreaField } from "@/components/form/fields";
import { qaplEvaluationSchema, type QaplEvaluationInput } from "@/lib/validations/qapl";
import { QAPL_RATING_LABELS, type QaplRespondentName } from "@/lib/qapl/questions";
import { submitQaplEvaluationAction } from "@/app/qapl/actions";

/** One party's QAPL evaluation: a rating from 1 to 5 per question, and comments. */
export function QaplForm(props: {
  placementId: string;
  respondent: QaplRespondentName;
  questions: Array<{ code: string; text: string }>;
}) {
  const router = useRouter();
  const schema = useMemo(() => qaplEvaluationSchema(props.respondent), [props.respondent]);
  const { form, onSubmit, formError, errorOf, attempt, pending } = useActionForm({
    schema,
    defaultValues: { ratings: {}, comments: "" } as QaplEvaluationInput,
    action: (values) => submitQaplEvaluationAction(props.placementId, values as QaplEvaluationInput),
    onSuccess: () => router.refresh(),
  });
  const fieldErrors: Record<string, string | undefined> = { comments: errorOf("comments") };
  const labels: Record<string, string> = { comments: "Comments" };
  for (const question of props.questions) {
    fieldErrors[`ratings.${question.code}`] = errorOf(`ratings.${question.code}`);
    labels[`ratings.${question.code}`] = question.text;
  }
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="qapl-form-heading"
      className="mb-6 rounded border border-gray-300 bg-white p-4"
    >
      <h2 id="qapl-form-heading" className="mb-1 text-xl font-bold">
        Your evaluation
      </h2>
      <p className="mb-3 text-muted">Rate each from 1 (poor) to 5 (excellent). You can submit it once.</p>
      <ErrorSummary attempt={attempt} message={formError} fieldErrors={fieldErrors} labels={labels} />
      {props.questions.map((question) => {
        const name = `ratings.${question.code}`;
        const error = errorOf(name);
        return (
          <fieldset
            key={question.code}
            id={name}
            tabIndex={-1}
            className={`mb-4 ${error ? "border-l-4 border-red-700 pl-3" : ""}`}
            aria-describedby={error ? `${name}-error` : undefined}
          >
            <legend className="mb-1 font-semibold">{question.text}</legend>
            {error && (
              <p id={`${name}-error`} className="mb-1 font-semibold text-red-800">
                <span className="sr-only">Error: </span>
                {error}
              </p>
            )}
            <div className="flex flex-wrap gap-x-4 gap-y-1">
              {[1, 2, 3, 4, 5].map((rating) => (
                <label key={rating} className="flex items-center gap-2 py-1">
                  <input
                    type="radio"
                    value={String(rating)}
                    className="h-5 w-5"
                    {...form.register(name as `ratings.${string}`)}
                  />
                  {QAPL_RATING_LABELS[rating]}
                </label>
              ))}
            </div>
          </fieldset>
        );
      })}
      <TextAreaField
        id="comments"
        label="Comments (optional)"
        hint="What worked, and what would make the placement better for the next student."
        error={errorOf("comments")}
        {...form.register("comments")}
      />
      <SubmitButton pending={pending}>Submit the evaluation</SubmitButton>
    </form>
  );
}
