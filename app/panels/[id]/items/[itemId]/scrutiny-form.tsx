"use client";
import { useRouter } from "next/navigation";
import { useActionForm } from "@/components/form/use-action-form";
import { ErrorSummary } from "@/components/form/error-summary";
import { SubmitButton, TextAreaField } from "@/components/form/fields";
import { PANEL_DECISIONS, panelDecisionSchema, type PanelDecisionInput } from "@/lib/validations/panels";
import { PANEL_CRITERIA, PANEL_DECISION_LABELS } from "@/lib/panels/labels";
import { recordPanelDecisionAction } from "../../../actions";

type Initial = Omit<PanelDecisionInput, "version" | "decision" | (typeof PANEL_CRITERIA)[number]["key"]> & {
  decision: string;
} & Partial<Record<(typeof PANEL_CRITERIA)[number]["key"], "yes" | "no">>;

function Radios(props: {
  name: string;
  legend: string;
  options: Array<{ value: string; label: string }>;
  error?: string;
  register: object;
}) {
  return (
    <fieldset
      id={props.name}
      tabIndex={-1}
      className={`mb-4 ${props.error ? "border-l-4 border-red-700 pl-3" : ""}`}
      aria-describedby={props.error ? `${props.name}-error` : undefined}
    >
      <legend className="mb-1 font-semibold">{props.legend}</legend>
      {props.error && (
        <p id={`${props.name}-error`} className="mb-1 font-semibold text-red-800">
          <span className="sr-only">Error: </span>
          {props.error}
        </p>
      )}
      <div className="flex flex-wrap gap-x-5 gap-y-1">
        {props.options.map((option) => (
          <label key={option.value} className="flex items-center gap-2 py-1">
            <input type="radio" value={option.value} className="h-5 w-5" {...props.register} />
            {option.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

const YES_NO = [
  { value: "yes", label: "Yes" },
  { value: "no", label: "No" },
];

/** The lead's record of the panel's scrutiny and decision on one PAD. */
export function ScrutinyForm(props: { panelId: string; itemId: string; version: number; initial: Initial }) {
  const router = useRouter();
  const { form, onSubmit, formError, errorOf, fieldErrors, attempt, pending } = useActionForm({
    schema: panelDecisionSchema,
    defaultValues: { ...props.initial, version: props.version } as PanelDecisionInput,
    action: (values) => recordPanelDecisionAction(props.panelId, props.itemId, values),
    onSuccess: () => router.push(`/panels/${props.panelId}`),
  });
  const labels: Record<string, string> = {
    decision: "Decision",
    decisionReasons: "Reasons",
    feedbackForPe: "Feedback for the practice educator",
  };
  for (const criterion of PANEL_CRITERIA) labels[criterion.key] = criterion.question;

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="scrutiny-heading"
      className="rounded border border-gray-300 bg-white p-4"
    >
      <h2 id="scrutiny-heading" className="mb-3 text-xl font-bold">
        The panel&apos;s scrutiny and decision
      </h2>
      <ErrorSummary attempt={attempt} message={formError} fieldErrors={fieldErrors} labels={labels} />
      {PANEL_CRITERIA.map((criterion) => (
        <Radios
          key={criterion.key}
          name={criterion.key}
          legend={criterion.question}
          options={YES_NO}
          error={errorOf(criterion.key)}
          register={form.register(criterion.key)}
        />
      ))}
      <Radios
        name="decision"
        legend="Decision"
        options={PANEL_DECISIONS.map((value) => ({ value, label: PANEL_DECISION_LABELS[value] }))}
        error={errorOf("decision")}
        register={form.register("decision")}
      />
      <TextAreaField
        id="decisionReasons"
        label="Reasons for the decision"
        hint="For the panel's record and the exam board."
        error={errorOf("decisionReasons")}
        {...form.register("decisionReasons")}
      />
      <TextAreaField
        id="feedbackForPe"
        label="Feedback for the practice educator"
        hint="Needed when confirming with feedback or returning: say exactly what evidence or amendment is wanted."
        error={errorOf("feedbackForPe")}
        {...form.register("feedbackForPe")}
      />
      <SubmitButton pending={pending}>Record the decision</SubmitButton>
    </form>
  );
}
