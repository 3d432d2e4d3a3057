"use client";
import { useState } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import { SelectField, TextAreaField, TextField } from "@/components/form/fields";
import {
  CANCELLED_BY_LABELS,
  RATING_LABELS,
  SESSION_STATUS_LABELS,
  cancelledByValues,
  recordDirectWorkSessionSchema,
  recordedStatuses,
} from "@/lib/validations/direct-work";
import type { Values } from "@/lib/offline/outbox";
import { SESSION_FIELD_LABELS, type OfflineSession, type SessionValues } from "@/lib/offline/types";
import { formatDate } from "@/lib/dates";
import { firstErrors, serverErrors } from "./form-errors";
import { SaveOnDeviceButtons } from "./form-buttons";

/**
 * A direct-work session record made offline: the same fields and the same
 * schema as the session page's form (app/programmes/[id]/sessions/[sessionId]),
 * saved to the device and sent as PATCH /api/v1/programme-sessions/:id.
 */
export function SessionForm({
  session,
  initial,
  serverFields,
  serverMessage,
  onSave,
  onCancel,
}: {
  session: OfflineSession;
  initial?: Values;
  serverFields?: Record<string, string[]>;
  serverMessage?: string;
  onSave: (body: Values) => Promise<boolean>;
  onCancel: () => void;
}) {
  const start = { ...session.values, ...(initial as Partial<SessionValues> | undefined) };
  const [values, setValues] = useState<SessionValues>({
    ...start,
    status: start.status === "PLANNED" ? "" : start.status,
  });
  const [errors, setErrors] = useState<Record<string, string>>(serverErrors(serverFields));
  const [attempt, setAttempt] = useState(0);
  const set = (field: keyof SessionValues, value: string | boolean) => setValues((old) => ({ ...old, [field]: value }));

  async function save(event: React.FormEvent) {
    event.preventDefault();
    const parsed = recordDirectWorkSessionSchema.safeParse(values);
    if (!parsed.success) {
      setErrors(firstErrors(parsed.error));
      setAttempt((count) => count + 1);
      return;
    }
    setErrors({});
    await onSave({ ...values });
  }

  const max = new Date().toISOString().slice(0, 10);
  return (
    <section aria-labelledby="session-form-heading" className="rounded border border-gray-300 bg-white p-6">
      <h2 id="session-form-heading" className="mb-1 text-xl font-bold">
        Session {session.number} with {session.childCode}: {session.theme}
      </h2>
      <p className="mb-4 text-muted">
        Planned for {formatDate(session.plannedOn)}. Saved on this device until it is sent.
      </p>
      <form noValidate onSubmit={save}>
        <ErrorSummary
          message={serverMessage && Object.keys(errors).length === 0 ? serverMessage : undefined}
          fieldErrors={errors}
          labels={SESSION_FIELD_LABELS}
          attempt={attempt}
        />
        <fieldset className={`mb-5 ${errors.status ? "border-l-4 border-red-700 pl-3" : ""}`}>
          <legend className="mb-1 font-semibold">{SESSION_FIELD_LABELS.status}</legend>
          {errors.status && <p className="mb-1 font-semibold text-red-800">{errors.status}</p>}
          {recordedStatuses.map((status, index) => (
            <div key={status} className="flex items-center gap-2 py-1">
              <input
                id={index === 0 ? "status" : `status-${status}`}
                type="radio"
                name="status"
                className="h-5 w-5"
                checked={values.status === status}
                onChange={() => {
                  set("status", status);
                  if (status !== "ATTENDED") set("childRating", "");
                  if (status !== "CANCELLED") set("cancelledBy", "");
                }}
              />
              <label htmlFor={index === 0 ? "status" : `status-${status}`}>{SESSION_STATUS_LABELS[status]}</label>
            </div>
          ))}
        </fieldset>
        {values.status === "CANCELLED" ? (
          <SelectField
            id="cancelledBy"
            label={SESSION_FIELD_LABELS.cancelledBy}
            placeholder="Choose who cancelled"
            options={cancelledByValues.map((value) => ({ value, label: CANCELLED_BY_LABELS[value] }))}
            error={errors.cancelledBy}
            value={values.cancelledBy}
            onChange={(event) => set("cancelledBy", event.target.value)}
          />
        ) : (
          <TextField
            id="heldOn"
            type="date"
            label="Date the session was held"
            hint={`Between ${formatDate(session.programmeStart)} and ${formatDate(session.programmeEnd)}`}
            min={session.programmeStart}
            max={max < session.programmeEnd ? max : session.programmeEnd}
            error={errors.heldOn}
            fieldClassName="max-w-xs"
            value={values.heldOn}
            onChange={(event) => set("heldOn", event.target.value)}
          />
        )}
        <TextAreaField
          id="whatWasDone"
          label={SESSION_FIELD_LABELS.whatWasDone}
          hint="Refer to other children by their code, never by name."
          error={errors.whatWasDone}
          value={values.whatWasDone}
          onChange={(event) => set("whatWasDone", event.target.value)}
        />
        <TextAreaField
          id="childsWords"
          label={SESSION_FIELD_LABELS.childsWords}
          hint="What they said, in their own words, about their wishes and feelings."
          error={errors.childsWords}
          value={values.childsWords}
          onChange={(event) => set("childsWords", event.target.value)}
        />
        <div className="-mt-3 mb-5 flex items-start gap-2">
          <input
            id="childsWordsShareable"
            type="checkbox"
            className="mt-1 h-5 w-5"
            checked={values.childsWordsShareable}
            onChange={(event) => set("childsWordsShareable", event.target.checked)}
          />
          <label htmlFor="childsWordsShareable" className="font-semibold">
            These words may be quoted in the impact report
          </label>
        </div>
        <TextAreaField
          id="studentReflection"
          label={SESSION_FIELD_LABELS.studentReflection}
          error={errors.studentReflection}
          value={values.studentReflection}
          onChange={(event) => set("studentReflection", event.target.value)}
        />
        {values.status === "ATTENDED" && (
          <SelectField
            id="childRating"
            label="The child's rating of the session (optional)"
            placeholder="No rating"
            options={([1, 2, 3, 4, 5] as const).map((value) => ({
              value: String(value),
              label: `${value} ${RATING_LABELS[value]}`,
            }))}
            error={errors.childRating}
            value={values.childRating}
            onChange={(event) => set("childRating", event.target.value)}
          />
        )}
        <SaveOnDeviceButtons onCancel={onCancel} />
      </form>
    </section>
  );
}
