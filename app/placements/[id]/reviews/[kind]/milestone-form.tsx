"use client";
import { useRouter } from "next/navigation";
import { useActionForm } from "@/components/form/use-action-form";
import { ErrorSummary } from "@/components/form/error-summary";
import { SubmitButton, TextAreaField, TextField } from "@/components/form/fields";
import {
  ATTENDEE_LABELS,
  meetingAttendees,
  recordMilestoneSchema,
  type RecordMilestoneInput,
} from "@/lib/validations/milestone";
import {
  MILESTONE_RECOMMENDATIONS,
  RECOMMENDATION_LABELS,
  type MilestoneKindName,
} from "@/lib/portfolio/milestone-rules";
import { recordMilestoneAction } from "../actions";

const LABELS: Record<string, string> = {
  heldOn: "Date of the meeting",
  attendees: "Who attended",
  notes: "Notes",
  learningNeeds: "Learning needs",
  learningOpportunities: "Learning opportunities promised",
  reasonableAdjustments: "Reasonable adjustments",
  supervisionArrangements: "Supervision arrangements",
  recommendation: "Recommendation",
  actionPlan: "Action plan",
  earlyReason: "Why the final review is held early",
};

export function MilestoneForm(props: {
  placementId: string;
  kind: MilestoneKindName;
  slug: string;
  values: RecordMilestoneInput;
  today: string;
  minDate: string;
  daysCompleted: number;
  requiredDays: number;
}) {
  const router = useRouter();
  const { form, onSubmit, formError, errorOf, fieldErrors, attempt, pending } = useActionForm({
    schema: recordMilestoneSchema,
    defaultValues: props.values,
    action: (values) => recordMilestoneAction(props.placementId, props.slug, values),
    onSuccess: () => {
      router.push(`/placements/${props.placementId}/reviews`);
      router.refresh();
    },
  });
  const recommendations = MILESTONE_RECOMMENDATIONS[props.kind];
  const attendeesError = errorOf("attendees");
  const recommendationError = errorOf("recommendation");
  const editing = props.values.version !== undefined;

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label="Record the meeting"
      className="rounded border border-gray-300 bg-white p-4 sm:p-6"
    >
      <ErrorSummary message={formError} fieldErrors={fieldErrors} labels={LABELS} attempt={attempt} />
      {editing && <input type="hidden" {...form.register("version", { valueAsNumber: true })} />}
      <TextField
        id="heldOn"
        label={LABELS.heldOn}
        type="date"
        min={props.minDate}
        max={props.today}
        className="max-w-48"
        error={errorOf("heldOn")}
        {...form.register("heldOn")}
      />

      <fieldset
        id="attendees"
        className={`mb-5 ${attendeesError ? "border-l-4 border-red-700 pl-3" : ""}`}
        aria-describedby={attendeesError ? "attendees-error" : undefined}
      >
        <legend className="mb-1 font-semibold">{LABELS.attendees}</legend>
        {attendeesError && (
          <p id="attendees-error" className="mb-1 font-semibold text-red-800">
            <span className="sr-only">Error: </span>
            {attendeesError}
          </p>
        )}
        {meetingAttendees.map((attendee) => (
          <label key={attendee} className="mb-1 flex items-center gap-2">
            <input type="checkbox" value={attendee} className="h-5 w-5" {...form.register("attendees")} />
            {ATTENDEE_LABELS[attendee]}
          </label>
        ))}
      </fieldset>

      {props.kind === "LEARNING_AGREEMENT" && (
        <>
          <TextAreaField
            id="learningNeeds"
            label={LABELS.learningNeeds}
            hint="What the student needs to learn on this placement"
            error={errorOf("learningNeeds")}
            {...form.register("learningNeeds")}
          />
          <TextAreaField
            id="learningOpportunities"
            label={LABELS.learningOpportunities}
            hint="The work the team will offer: assessments, meetings, direct work"
            error={errorOf("learningOpportunities")}
            {...form.register("learningOpportunities")}
          />
          <TextAreaField
            id="reasonableAdjustments"
            label={LABELS.reasonableAdjustments}
            hint="Leave blank if none"
            error={errorOf("reasonableAdjustments")}
            {...form.register("reasonableAdjustments")}
          />
          <TextAreaField
            id="supervisionArrangements"
            label={LABELS.supervisionArrangements}
            hint="How often, how long, who"
            error={errorOf("supervisionArrangements")}
            {...form.register("supervisionArrangements")}
          />
        </>
      )}

      {recommendations.length > 0 && (
        <fieldset
          id="recommendation"
          className={`mb-5 ${recommendationError ? "border-l-4 border-red-700 pl-3" : ""}`}
          aria-describedby={recommendationError ? "recommendation-error" : undefined}
        >
          <legend className="mb-1 font-semibold">
            {props.kind === "MIDPOINT_REVIEW" ? "Progress at the midpoint" : "Recommendation"}
          </legend>
          {recommendationError && (
            <p id="recommendation-error" className="mb-1 font-semibold text-red-800">
              <span className="sr-only">Error: </span>
              {recommendationError}
            </p>
          )}
          {recommendations.map((value) => (
            <label key={value} className="mb-1 flex items-center gap-2">
              <input type="radio" value={value} className="h-5 w-5" {...form.register("recommendation")} />
              {RECOMMENDATION_LABELS[value]}
            </label>
          ))}
        </fieldset>
      )}

      {props.kind === "MIDPOINT_REVIEW" && (
        <TextAreaField
          id="actionPlan"
          label={LABELS.actionPlan}
          hint="Needed when progress raises concerns: what will change, by when, who helps"
          error={errorOf("actionPlan")}
          {...form.register("actionPlan")}
        />
      )}
      {props.kind === "FINAL_REVIEW" && (
        <TextAreaField
          id="earlyReason"
          label={LABELS.earlyReason}
          hint={
            props.daysCompleted >= props.requiredDays
              ? "Not needed: the required days are completed"
              : `Needed: only ${props.daysCompleted} of ${props.requiredDays} required days are completed so far`
          }
          error={errorOf("earlyReason")}
          {...form.register("earlyReason")}
        />
      )}
      <TextAreaField
        id="notes"
        label={LABELS.notes}
        hint={
          props.kind === "MIDPOINT_REVIEW"
            ? "Whether the promised opportunities happened, adjustments reviewed, progress against the PCF"
            : undefined
        }
        rows={6}
        error={errorOf("notes")}
        {...form.register("notes")}
      />
      <SubmitButton pending={pending}>{editing ? "Save changes" : "Record the meeting"}</SubmitButton>
    </form>
  );
}
