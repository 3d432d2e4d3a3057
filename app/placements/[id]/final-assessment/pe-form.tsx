"use client";
import { useRef, useState } from "react";
import { useActionForm } from "@/components/form/use-action-form";
import { ErrorSummary } from "@/components/form/error-summary";
import { SubmitButton, TextAreaField, describedBy } from "@/components/form/fields";
import { ConfirmStep } from "@/components/confirm-step";
import { finalAssessmentPeSchema, type FinalAssessmentPeInput } from "@/lib/validations/final-assessment";
import { saveAndSignFinalReportAction, saveFinalAssessmentAction } from "./actions";
import { savedVersionIn } from "./saved-version";

type Domain = { code: string; number: number; name: string; descriptor: string; text: string };

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
  recommendation: FinalAssessmentPeInput["recommendation"];
  developmentPlan: string;
  domains: Domain[];
  levelLabel: string;
}) {
  // Every save moves the version on; the next save (or the signature) names the one this page last saved.
  const version = useRef(props.version);
  // "Save draft" saves; signing saves the latest text first, then signs over it.
  const intent = useRef<"save" | "sign">("save");
  const signed = useRef(false);
  const [savedAt, setSavedAt] = useState<string>();
  // A fresh sign panel after each "Save draft": an earlier refusal to sign no longer applies.
  const [draftSaves, setDraftSaves] = useState(0);
  const { form, onSubmit, formError, errorOf, attempt, pending } = useActionForm({
    schema: finalAssessmentPeSchema,
    defaultValues: {
      version: props.version,
      holisticSummary: props.holisticSummary,
      recommendation: props.recommendation ?? "",
      developmentPlan: props.developmentPlan,
      domains: Object.fromEntries(props.domains.map((domain) => [domain.code, domain.text])),
    },
    action: async (values) => {
      setSavedAt(undefined);
      const input = { ...values, version: version.current };
      const result =
        intent.current === "sign"
          ? await saveAndSignFinalReportAction(props.placementId, props.assessmentId, input)
          : await saveFinalAssessmentAction(props.placementId, input);
      if (!result.ok) version.current = savedVersionIn(result.details) ?? version.current;
      return result;
    },
    onSuccess: (data) => {
      version.current = data.version;
      if (intent.current === "sign") {
        signed.current = true;
        return;
      }
      setSavedAt(new Intl.DateTimeFormat("en-GB", { timeStyle: "short" }).format(new Date()));
      setDraftSaves((count) => count + 1);
    },
  });
  const domainField = (code: string) => `domains.${code}`;
  const recommendationError = errorOf("recommendation");

  const summaryErrors: Record<string, string | undefined> = {
    holisticSummary: errorOf("holisticSummary"),
    recommendation: recommendationError,
    developmentPlan: errorOf("developmentPlan"),
    ...Object.fromEntries(props.domains.map((domain) => [domainField(domain.code), errorOf(domainField(domain.code))])),
  };
  const labels = {
    holisticSummary: "Holistic assessment",
    recommendation: "Recommendation",
    developmentPlan: "Professional development plan",
    ...Object.fromEntries(
      props.domains.map((domain) => [domainField(domain.code), `${domain.number}. ${domain.name}`]),
    ),
  };

  return (
    <div>
      <ErrorSummary message={formError} fieldErrors={summaryErrors} labels={labels} attempt={attempt} />
      <form
        noValidate
        onSubmit={(event) => {
          intent.current = "save";
          return onSubmit(event);
        }}
        aria-label="Final report"
      >
        <TextAreaField
          id="holisticSummary"
          label="Holistic assessment"
          hint="Your overall judgement of the student's practice across the nine domains, which are interdependent: is the evidence sufficient, taken as a whole?"
          rows={8}
          error={errorOf("holisticSummary")}
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
            id={domainField(domain.code)}
            label={`${domain.number}. ${domain.name}`}
            hint={domain.descriptor ? `Expected: ${domain.descriptor}` : undefined}
            rows={4}
            error={errorOf(domainField(domain.code))}
            {...form.register(`domains.${domain.code}`)}
          />
        ))}

        <fieldset
          id="recommendation"
          tabIndex={-1}
          aria-describedby={describedBy("recommendation", undefined, recommendationError)}
          className={`mb-5 ${recommendationError ? "border-l-4 border-red-700 pl-3" : ""}`}
        >
          <legend className="mb-1 font-semibold">Recommendation</legend>
          {recommendationError && (
            <p id="recommendation-error" className="mb-1 font-semibold text-red-800">
              <span className="sr-only">Error: </span>
              {recommendationError}
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
          error={errorOf("developmentPlan")}
          {...form.register("developmentPlan")}
        />

        <div className="flex flex-wrap items-center gap-4">
          <SubmitButton pending={pending && intent.current === "save"}>Save draft</SubmitButton>
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
            intent.current = "sign";
            signed.current = false;
            await onSubmit();
            intent.current = "save";
            return signed.current ? null : "The report was not signed: see what is missing above.";
          }}
        />
      </section>
    </div>
  );
}
