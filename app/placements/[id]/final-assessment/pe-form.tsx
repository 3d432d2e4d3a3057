"use client";
import { useRef, useState } from "react";
import { useForm, type Resolver } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { ErrorSummary } from "@/components/form/error-summary";
import { SubmitButton, TextAreaField, describedBy } from "@/components/form/fields";
import { ConfirmStep } from "@/components/confirm-step";
import { finalAssessmentPeSchema, type FinalAssessmentPeInput } from "@/lib/validations/final-assessment";
import { saveFinalAssessmentAction, signFinalAssessmentAction } from "./actions";

type Domain = { code: string; number: number; name: string; descriptor: string; text: string };

type Values = {
  version: number;
  holisticSummary: string;
  recommendation: "" | "PASS" | "FAIL" | "REFER";
  developmentPlan: string;
  domains: Record<string, string>;
};

const RECOMMENDATIONS = [
  { value: "PASS", label: "Pass", hint: "The student has shown the capabilities expected at this level." },
  { value: "FAIL", label: "Fail", hint: "The student has not shown them." },
  { value: "REFER", label: "Refer", hint: "The assessment panel should decide, for example after an extension." },
] as const;

/** The PE's final report: holistic summary, each PCF domain, recommendation, development plan; then the PE's signature. */
export function PeFinalReportForm(props: {
  placementId: string;
  assessmentId: string;
  version: number;
  holisticSummary: string;
  recommendation: string | null;
  developmentPlan: string;
  domains: Domain[];
  levelLabel: string;
}) {
  const version = useRef(props.version);
  const [formError, setFormError] = useState<string>();
  const [attempt, setAttempt] = useState(0);
  const [savedAt, setSavedAt] = useState<string>();
  // A fresh sign panel after each "Save draft": an earlier refusal to sign no longer applies.
  const [draftSaves, setDraftSaves] = useState(0);
  const form = useForm<Values>({
    resolver: zodResolver(finalAssessmentPeSchema as never) as unknown as Resolver<Values>,
    defaultValues: {
      version: props.version,
      holisticSummary: props.holisticSummary,
      recommendation: (props.recommendation ?? "") as Values["recommendation"],
      developmentPlan: props.developmentPlan,
      domains: Object.fromEntries(props.domains.map((domain) => [domain.code, domain.text])),
    },
    shouldFocusError: false,
  });
  const { errors } = form.formState;
  const domainError = (code: string) => errors.domains?.[code]?.message;

  const fail = (message: string, fieldErrors?: Record<string, string[]>) => {
    setFormError(message);
    setAttempt((count) => count + 1);
    for (const [field, messages] of Object.entries(fieldErrors ?? {}))
      form.setError(field as never, { type: "server", message: messages[0] });
  };

  /** Saves what is on screen; returns an error message or null. */
  const save = async (): Promise<string | null> => {
    setSavedAt(undefined);
    const values = form.getValues();
    const input: FinalAssessmentPeInput = { ...values, version: version.current };
    const result = await saveFinalAssessmentAction(props.placementId, input);
    if (result.ok) {
      version.current = result.data.version;
      form.clearErrors();
      setFormError(undefined);
      setSavedAt(new Intl.DateTimeFormat("en-GB", { timeStyle: "short" }).format(new Date()));
      return null;
    }
    fail(result.message, result.fieldErrors);
    return result.message;
  };

  const onSubmit = form.handleSubmit(
    async () => {
      if (!(await save())) setDraftSaves((count) => count + 1);
    },
    () => fail("There is a problem: check the highlighted fields."),
  );

  const summaryErrors: Record<string, string | undefined> = {
    holisticSummary: errors.holisticSummary?.message,
    recommendation: errors.recommendation?.message,
    developmentPlan: errors.developmentPlan?.message,
    ...Object.fromEntries(props.domains.map((domain) => [`domain-${domain.code}`, domainError(domain.code)])),
  };
  const labels = {
    holisticSummary: "Holistic assessment",
    recommendation: "Recommendation",
    developmentPlan: "Professional development plan",
    ...Object.fromEntries(props.domains.map((domain) => [`domain-${domain.code}`, `${domain.number}. ${domain.name}`])),
  };

  return (
    <div>
      <ErrorSummary message={formError} fieldErrors={summaryErrors} labels={labels} attempt={attempt} />
      <form noValidate onSubmit={onSubmit} aria-label="Final report">
        <TextAreaField
          id="holisticSummary"
          label="Holistic assessment"
          hint="Your overall judgement of the student's practice across the nine domains, which are interdependent: is the evidence sufficient, taken as a whole?"
          rows={8}
          error={errors.holisticSummary?.message}
          {...form.register("holisticSummary")}
        />

        <h3 className="mb-1 mt-6 text-xl font-bold">The nine PCF domains</h3>
        <p className="mb-4 text-muted">
          Write what the evidence shows in each domain, against the expectations at the {props.levelLabel.toLowerCase()}
          .
        </p>
        {props.domains.map((domain) => (
          <TextAreaField
            key={domain.code}
            id={`domain-${domain.code}`}
            label={`${domain.number}. ${domain.name}`}
            hint={domain.descriptor ? `Expected: ${domain.descriptor}` : undefined}
            rows={4}
            error={domainError(domain.code)}
            {...form.register(`domains.${domain.code}`)}
          />
        ))}

        <fieldset
          id="recommendation"
          tabIndex={-1}
          aria-describedby={describedBy("recommendation", undefined, errors.recommendation?.message)}
          className={`mb-5 ${errors.recommendation ? "border-l-4 border-red-700 pl-3" : ""}`}
        >
          <legend className="mb-1 font-semibold">Recommendation</legend>
          {errors.recommendation?.message && (
            <p id="recommendation-error" className="mb-1 font-semibold text-red-800">
              <span className="sr-only">Error: </span>
              {errors.recommendation.message}
            </p>
          )}
          <div className="space-y-2">
            {RECOMMENDATIONS.map((option) => (
              <label key={option.value} className="flex items-start gap-2">
                <input
                  type="radio"
                  value={option.value}
                  className="mt-1 h-5 w-5"
                  {...form.register("recommendation")}
                />
                <span>
                  <span className="font-semibold">{option.label}</span>
                  <span className="block text-sm text-muted">{option.hint}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>

        <TextAreaField
          id="developmentPlan"
          label="Professional development plan"
          hint="What the student should work on next: in the next placement or in the assessed and supported year in employment."
          rows={5}
          error={errors.developmentPlan?.message}
          {...form.register("developmentPlan")}
        />

        <div className="flex flex-wrap items-center gap-4">
          <SubmitButton pending={form.formState.isSubmitting}>Save draft</SubmitButton>
          <p role="status" className="text-muted">
            {savedAt ? `Draft saved at ${savedAt}.` : "Only you can edit the report until you sign it."}
          </p>
        </div>
      </form>

      <section aria-labelledby="pe-sign-heading" className="mt-8 rounded border-2 border-brand-600 bg-white p-4">
        <h3 id="pe-sign-heading" className="text-lg font-bold">
          Sign the final report
        </h3>
        <p className="mt-1">
          When the holistic assessment, every domain and your recommendation are written, sign the report. The student
          and on-site supervisor then sign.
        </p>
        <ConfirmStep
          key={draftSaves}
          buttonLabel="Sign as practice educator"
          question="Sign and lock the final report?"
          explanation="Your latest text is saved first. After signing you cannot change the report."
          confirmLabel="Yes, sign the final report"
          pendingLabel="Signing…"
          onConfirm={async () => {
            const failure = await save();
            if (failure) return `Your latest changes could not be saved, so the report was not signed: ${failure}`;
            const result = await signFinalAssessmentAction(props.placementId, props.assessmentId, {
              as: "PRACTICE_EDUCATOR",
              version: version.current,
            });
            if (result.ok) return null;
            fail(result.message, result.fieldErrors);
            return result.message;
          }}
        />
      </section>
    </div>
  );
}
