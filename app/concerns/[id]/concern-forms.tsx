"use client";
import { useRouter } from "next/navigation";
import { ActionButton } from "@/components/action-button";
import { useActionForm } from "@/components/form/use-action-form";
import { ErrorSummary } from "@/components/form/error-summary";
import { SubmitButton, TextAreaField, TextField } from "@/components/form/fields";
import { concernActionSchema, concernEventSchema } from "@/lib/validations/concern";
import {
  CONCERN_NEXT_ACTIONS,
  CONCERN_OUTCOME_LABELS,
  CONCERN_STEP_LABELS,
  STAGE_2_OUTCOMES,
  type ConcernStageName,
} from "@/lib/portfolio/concern-stages";
import { addActionToConcernAction, recordConcernEventAction, setConcernActionDoneAction } from "@/app/concerns/actions";

/** Records the one step that comes next; the choice of outcome appears at the review and at the outcome. */
export function ConcernStepForm(props: {
  concernId: string;
  stage: ConcernStageName;
  version: number;
  today: string;
  minDate: string;
}) {
  const router = useRouter();
  const { form, onSubmit, formError, errorOf, fieldErrors, attempt, pending } = useActionForm({
    schema: concernEventSchema,
    defaultValues: {
      stage: props.stage,
      heldOn: props.today,
      notes: "",
      outcome: props.stage === "REVIEW" ? "" : null,
      version: props.version,
    },
    action: (values) => recordConcernEventAction(props.concernId, values),
    onSuccess: () => {
      form.reset();
      router.refresh();
    },
  });
  const step = CONCERN_STEP_LABELS[props.stage];
  const outcomeError = errorOf("outcome");
  const outcomes: Array<{ value: string; label: string }> =
    props.stage === "REVIEW"
      ? [
          { value: "RESOLVED", label: "Resolved: close the concern" },
          { value: "", label: "Not resolved: go to a stage 2 meeting" },
        ]
      : props.stage === "OUTCOME"
        ? STAGE_2_OUTCOMES.map((value) => ({ value, label: CONCERN_OUTCOME_LABELS[value] }))
        : [];
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="step-heading"
      className="rounded border border-gray-300 bg-white p-4 sm:p-6"
    >
      <h2 id="step-heading" className="mb-3 text-xl font-bold">
        Record the next step: {step.toLowerCase()}
      </h2>
      <ErrorSummary
        message={formError}
        fieldErrors={fieldErrors}
        labels={{ heldOn: "Date", notes: "Notes", outcome: "Outcome", stage: "Step" }}
        attempt={attempt}
      />
      {errorOf("stage") && <p className="mb-3 font-semibold text-red-800">{errorOf("stage")}</p>}
      <input type="hidden" {...form.register("stage")} />
      <input type="hidden" {...form.register("version", { valueAsNumber: true })} />
      <TextField
        id="heldOn"
        label="Date"
        type="date"
        min={props.minDate}
        max={props.today}
        className="max-w-48"
        error={errorOf("heldOn")}
        {...form.register("heldOn")}
      />
      <TextAreaField
        id="notes"
        label="Notes"
        hint={
          props.stage === "ACTION_PLAN"
            ? "What was agreed; add the actions and their dates to the action plan above first"
            : "Who was there, what was discussed and decided"
        }
        rows={5}
        error={errorOf("notes")}
        {...form.register("notes")}
      />
      {outcomes.length > 0 && (
        <fieldset id="outcome" className={`mb-5 ${outcomeError ? "border-l-4 border-red-700 pl-3" : ""}`}>
          <legend className="mb-1 font-semibold">
            {props.stage === "REVIEW" ? "Result of the review" : "Outcome"}
          </legend>
          {outcomeError && (
            <p className="mb-1 font-semibold text-red-800">
              <span className="sr-only">Error: </span>
              {outcomeError}
            </p>
          )}
          {outcomes.map((outcome) => (
            <label key={outcome.value || "none"} className="mb-1 flex items-center gap-2">
              <input type="radio" value={outcome.value} className="h-5 w-5" {...form.register("outcome")} />
              {outcome.label}
            </label>
          ))}
        </fieldset>
      )}
      <SubmitButton pending={pending}>{CONCERN_NEXT_ACTIONS[props.stage].button}</SubmitButton>
    </form>
  );
}

export function AddConcernActionForm(props: { concernId: string; today: string }) {
  const router = useRouter();
  const { form, onSubmit, formError, errorOf, fieldErrors, attempt, pending } = useActionForm({
    schema: concernActionSchema,
    defaultValues: { description: "", dueOn: "" },
    action: (values) => addActionToConcernAction(props.concernId, values),
    onSuccess: () => {
      form.reset();
      router.refresh();
    },
  });
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="add-action-heading"
      className="mt-4 rounded border border-gray-200 p-4"
    >
      <h3 id="add-action-heading" className="mb-3 text-lg font-bold">
        Add an action
      </h3>
      <ErrorSummary
        message={formError}
        fieldErrors={fieldErrors}
        labels={{ description: "Action", dueOn: "Due by" }}
        attempt={attempt}
      />
      <TextField id="description" label="Action" error={errorOf("description")} {...form.register("description")} />
      <TextField
        id="dueOn"
        label="Due by"
        type="date"
        min={props.today}
        className="max-w-48"
        error={errorOf("dueOn")}
        {...form.register("dueOn")}
      />
      <SubmitButton pending={pending}>Add the action</SubmitButton>
    </form>
  );
}

/** Marks an action of the plan done, or not done again. */
export function ActionDoneButton(props: { concernId: string; actionId: string; done: boolean; description: string }) {
  return (
    <ActionButton action={() => setConcernActionDoneAction(props.concernId, props.actionId, { done: !props.done })}>
      {props.done ? "Mark not done" : "Mark done"}
      <span className="sr-only">: {props.description}</span>
    </ActionButton>
  );
}
