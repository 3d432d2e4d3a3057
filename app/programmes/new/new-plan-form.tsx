"use client";
import { useRouter } from "next/navigation";
import { useActionForm } from "@/components/form/use-action-form";
import { ErrorSummary } from "@/components/form/error-summary";
import { SelectField, SubmitButton, TextField } from "@/components/form/fields";
import { Checkbox } from "@/components/supervision/checkbox";
import { formatDate, isValidIsoDate } from "@/lib/dates";
import { weeklySessionDates } from "@/lib/children/direct-work/weeks";
import {
  directWorkProgrammeSchema,
  DEFAULT_PLANNED_SESSIONS,
  MAX_PLANNED_SESSIONS,
} from "@/lib/validations/direct-work";
import { createDirectWorkProgrammeAction } from "../actions";

/** Agreeing a direct-work plan: the first session's date, the number of weekly sessions, a theme for each. */
export function NewPlanForm({
  allocationId,
  firstSession,
  earliest,
  themes,
}: {
  allocationId: string;
  firstSession: string;
  earliest: string;
  themes: string[];
}) {
  const router = useRouter();
  const { form, onSubmit, formError, errorOf, fieldErrors, attempt, pending } = useActionForm({
    schema: directWorkProgrammeSchema,
    defaultValues: {
      startDate: firstSession,
      plannedSessions: DEFAULT_PLANNED_SESSIONS,
      themes: Array.from({ length: DEFAULT_PLANNED_SESSIONS }, () => ""),
      agreedWithSchool: false,
      agreedWithChild: false,
      agreedWithParents: false,
    },
    action: (values) => createDirectWorkProgrammeAction(allocationId, values),
    onSuccess: (data) => router.push(`/programmes/${data.id}`),
  });
  const rawCount = Number(form.watch("plannedSessions"));
  const count = Number.isInteger(rawCount) ? Math.max(0, Math.min(MAX_PLANNED_SESSIONS, rawCount)) : 0;
  const startDate = form.watch("startDate");
  const dates = isValidIsoDate(startDate ?? "") ? weeklySessionDates(startDate, count) : [];
  // The summary names each session; its links land on the session's select (id "themes.N").
  const summaryErrors = Object.fromEntries(
    Object.entries(fieldErrors).map(([field, error]) => {
      const session = /^themes\.(\d+)$/.exec(field);
      return [field, session && error ? `Session ${Number(session[1]) + 1}: ${error}` : error];
    }),
  );
  const options = themes.map((theme) => ({ value: theme, label: theme }));

  return (
    <form
      onSubmit={(event) => {
        // Only the sessions shown are sent: fewer sessions drop the later themes.
        form.setValue("themes", (form.getValues("themes") ?? []).slice(0, count));
        return onSubmit(event);
      }}
      noValidate
      className="rounded border border-gray-300 bg-white p-6"
    >
      <ErrorSummary message={formError} fieldErrors={summaryErrors} attempt={attempt} />
      <div className="grid grid-cols-1 gap-x-4 sm:grid-cols-2">
        <TextField
          id="startDate"
          label="Date of the first session"
          hint={`Not before the work started (${formatDate(earliest)})`}
          type="date"
          min={earliest}
          error={errorOf("startDate")}
          {...form.register("startDate")}
        />
        <TextField
          id="plannedSessions"
          label="Number of weekly sessions"
          hint={`Usually ${DEFAULT_PLANNED_SESSIONS}. You can extend the plan later.`}
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_PLANNED_SESSIONS}
          error={errorOf("plannedSessions")}
          {...form.register("plannedSessions", { valueAsNumber: true })}
        />
      </div>

      <fieldset className="mb-5">
        <legend className="mb-2 text-lg font-semibold">Theme of each session</legend>
        <p className="mb-3 text-sm text-muted">Choose from the team&apos;s list. The team manager can add themes.</p>
        {errorOf("themes") && <p className="mb-3 font-semibold text-red-800">{errorOf("themes")}</p>}
        {count === 0 ? (
          <p className="text-muted">Enter the number of sessions to choose their themes.</p>
        ) : (
          <div className="grid grid-cols-1 gap-x-4 sm:grid-cols-2">
            {Array.from({ length: count }, (_, index) => (
              <SelectField
                key={index}
                id={`themes.${index}`}
                label={`Session ${index + 1}${dates[index] ? ` (${formatDate(dates[index])})` : ""}`}
                placeholder="Choose a theme"
                options={options}
                error={errorOf(`themes.${index}`)}
                {...form.register(`themes.${index}`)}
              />
            ))}
          </div>
        )}
      </fieldset>

      <fieldset className="mb-6">
        <legend className="mb-2 text-lg font-semibold">The plan is agreed with</legend>
        <Checkbox id="agreedWithSchool" label="The school" {...form.register("agreedWithSchool")} />
        <Checkbox id="agreedWithChild" label="The child" {...form.register("agreedWithChild")} />
        <Checkbox id="agreedWithParents" label="The parents or carers" {...form.register("agreedWithParents")} />
      </fieldset>
      <SubmitButton pending={pending}>Save the plan</SubmitButton>
    </form>
  );
}
