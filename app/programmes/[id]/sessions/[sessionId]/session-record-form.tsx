"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useActionForm } from "@/components/form/use-action-form";
import { ErrorSummary } from "@/components/form/error-summary";
import { SelectField, SubmitButton, TextAreaField, TextField } from "@/components/form/fields";
import { formatDate } from "@/lib/dates";
import {
  CANCELLED_BY_LABELS,
  RATING_LABELS,
  SESSION_STATUS_LABELS,
  cancelledByValues,
  recordDirectWorkSessionSchema,
  recordedStatuses,
  type CancelledByValue,
  type SessionStatus,
} from "@/lib/validations/direct-work";
import { recordDirectWorkSessionAction } from "@/app/programmes/actions";
import { RadioGroup } from "../../radio-group";
import { Face } from "@/app/feedback/face";

type Session = {
  id: string;
  status: SessionStatus;
  heldOn: string;
  cancelledBy: CancelledByValue | null;
  whatWasDone: string;
  childsWords: string;
  childsWordsShareable: boolean;
  studentReflection: string;
  childRating: number | null;
  version: number;
};

const LABELS = {
  status: "What happened",
  heldOn: "Date",
  cancelledBy: "Cancelled by",
  whatWasDone: "What was done",
  childsWords: "The child's words",
  studentReflection: "Your reflection",
  childRating: "The child's rating",
};

/**
 * What happened at a session. `plannedOnly`: the session's date has not come, so the only thing to record
 * is a cancellation in advance (the server refuses a date in the future).
 */
export function SessionRecordForm({
  programmeId,
  session,
  min,
  max,
  plannedOnly = false,
}: {
  programmeId: string;
  session: Session;
  min: string;
  max: string;
  plannedOnly?: boolean;
}) {
  const router = useRouter();
  const [saved, setSaved] = useState<string>();
  const { form, onSubmit, formError, errorOf, fieldErrors, attempt, pending } = useActionForm({
    schema: recordDirectWorkSessionSchema,
    defaultValues: {
      // A planned session has no status to record yet: no radio is chosen.
      status: plannedOnly ? "CANCELLED" : session.status === "PLANNED" ? undefined : session.status,
      heldOn: session.heldOn,
      cancelledBy: session.cancelledBy ?? "",
      whatWasDone: session.whatWasDone,
      childsWords: session.childsWords,
      childsWordsShareable: session.childsWordsShareable,
      studentReflection: session.studentReflection,
      childRating: session.childRating === null ? "" : String(session.childRating),
      version: session.version,
    },
    action: (values) => recordDirectWorkSessionAction(programmeId, session.id, values),
    onSuccess: (data) => {
      form.reset({ ...form.getValues(), version: data.version });
      setSaved("Session record saved.");
      router.refresh();
    },
  });
  const chosen = form.watch("status");
  const clearSaved = () => setSaved(undefined);

  // Who cancelled: the only question before the session's date, and one of the record's afterwards.
  const cancelledByField = (
    <SelectField
      id="cancelledBy"
      label={LABELS.cancelledBy}
      placeholder="Choose who cancelled"
      options={cancelledByValues.map((value) => ({
        value,
        label: `${CANCELLED_BY_LABELS[value][0].toUpperCase()}${CANCELLED_BY_LABELS[value].slice(1)}`,
      }))}
      error={errorOf("cancelledBy")}
      {...form.register("cancelledBy")}
    />
  );

  if (plannedOnly)
    return (
      <form noValidate onSubmit={onSubmit} onChange={clearSaved}>
        <ErrorSummary message={formError} fieldErrors={fieldErrors} labels={LABELS} attempt={attempt} />
        {cancelledByField}
        <div className="flex flex-wrap items-center gap-4">
          <SubmitButton pending={pending}>Record as cancelled</SubmitButton>
          <p role="status" className="font-semibold text-green-900">
            {saved}
          </p>
        </div>
      </form>
    );

  return (
    <form noValidate onSubmit={onSubmit} onChange={clearSaved}>
      <ErrorSummary message={formError} fieldErrors={fieldErrors} labels={LABELS} attempt={attempt} />
      <RadioGroup
        name="status"
        legend={LABELS.status}
        options={recordedStatuses.map((value) => ({ value, label: SESSION_STATUS_LABELS[value] }))}
        error={errorOf("status")}
        register={form.register("status", {
          onChange: (event) => {
            if (event.target.value !== "ATTENDED") form.setValue("childRating", "");
            if (event.target.value !== "CANCELLED") form.setValue("cancelledBy", "");
          },
        })}
      />
      {chosen === "CANCELLED" ? (
        cancelledByField
      ) : (
        <TextField
          id="heldOn"
          label={chosen === "DID_NOT_ATTEND" ? "Date the session was due" : "Date the session was held"}
          hint={`Between ${formatDate(min)} and ${formatDate(max)}`}
          type="date"
          min={min}
          max={max}
          error={errorOf("heldOn")}
          fieldClassName="max-w-xs"
          {...form.register("heldOn")}
        />
      )}
      <TextAreaField
        id="whatWasDone"
        label={LABELS.whatWasDone}
        hint="Activities and tools used. Refer to other children by their code, never by name."
        error={errorOf("whatWasDone")}
        {...form.register("whatWasDone")}
      />
      <TextAreaField
        id="childsWords"
        label={LABELS.childsWords}
        hint="The voice of the child: what they said, in their own words, about their wishes and feelings."
        error={errorOf("childsWords")}
        {...form.register("childsWords")}
      />
      <div className="-mt-3 mb-5 flex items-start gap-2">
        <input
          id="childsWordsShareable"
          type="checkbox"
          className="mt-1 h-5 w-5"
          aria-describedby="childsWordsShareable-hint"
          {...form.register("childsWordsShareable")}
        />
        <div>
          <label htmlFor="childsWordsShareable" className="font-semibold">
            These words may be quoted in the impact report
          </label>
          <p id="childsWordsShareable-hint" className="text-sm text-muted">
            Quoted without any name or code, to the team, its leadership and the schools. Only if nothing in them could
            identify the child.
          </p>
        </div>
      </div>
      <TextAreaField
        id="studentReflection"
        label={LABELS.studentReflection}
        hint="What went well, what you would do differently, what to take to supervision."
        error={errorOf("studentReflection")}
        {...form.register("studentReflection")}
      />
      {chosen === "ATTENDED" && (
        <RadioGroup
          name="childRating"
          legend="The child's rating of the session (optional)"
          hint="Ask the child to choose: 1 is not good, 5 is great."
          inline
          options={([1, 2, 3, 4, 5] as const).map((value) => ({
            value: String(value),
            label: `${value} ${RATING_LABELS[value]}`,
            icon: <Face rating={value} size={32} />,
          }))}
          error={errorOf("childRating")}
          register={form.register("childRating")}
        />
      )}
      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton pending={pending}>Save session record</SubmitButton>
        <p role="status" className="font-semibold text-green-900">
          {saved}
        </p>
      </div>
    </form>
  );
}
