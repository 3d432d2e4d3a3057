"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useActionForm } from "@/components/form/use-action-form";
import { ErrorSummary } from "@/components/form/error-summary";
import { SubmitButton, TextAreaField } from "@/components/form/fields";
import { observationFeedbackSchema } from "@/lib/validations/observation";
import { updateObservationAction } from "@/app/observations/actions";

type Domain = { id: string; number: number; name: string };

// The domains live outside react-hook-form (a checkbox and a note per
// domain); the browser checks the feedback text, the server checks the rest.
const clientSchema = observationFeedbackSchema.omit({ domains: true });

/** The observer's feedback, mapped to PCF domains with a note on each. */
export function FeedbackForm(props: {
  observationId: string;
  version: number;
  feedback: string;
  domains: Domain[];
  chosen: Array<{ frameworkItemId: string; note: string }>;
}) {
  const router = useRouter();
  const [notes, setNotes] = useState<Record<string, string>>(
    Object.fromEntries(props.chosen.map((domain) => [domain.frameworkItemId, domain.note])),
  );
  const [checked, setChecked] = useState<Set<string>>(new Set(props.chosen.map((domain) => domain.frameworkItemId)));
  const { form, onSubmit, formError, errorOf, fieldErrors, attempt, pending } = useActionForm({
    schema: clientSchema,
    defaultValues: { part: "feedback", feedback: props.feedback, version: props.version },
    action: (values) =>
      updateObservationAction(props.observationId, {
        ...values,
        part: "feedback",
        domains: props.domains
          .filter((domain) => checked.has(domain.id))
          .map((domain) => ({ frameworkItemId: domain.id, note: notes[domain.id] ?? "" })),
      }),
    onSuccess: () => router.refresh(),
  });
  const toggle = (id: string) =>
    setChecked((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const domainsError = errorOf("domains");

  return (
    <form onSubmit={onSubmit} noValidate>
      <ErrorSummary
        message={formError}
        fieldErrors={fieldErrors}
        labels={{ feedback: "Feedback", domains: "PCF domains" }}
        attempt={attempt}
      />
      <TextAreaField
        id="feedback"
        label="Feedback"
        hint="What you saw, what went well and what to develop"
        rows={6}
        error={errorOf("feedback")}
        {...form.register("feedback")}
      />
      <fieldset
        id="domains"
        className={`mb-5 ${domainsError ? "border-l-4 border-red-700 pl-3" : ""}`}
        aria-describedby={domainsError ? "domains-error" : "domains-hint"}
      >
        <legend className="mb-1 font-semibold">PCF domains the observation showed</legend>
        <p id="domains-hint" className="mb-2 text-sm text-muted">
          Tick each domain and say what you saw of it.
        </p>
        {domainsError && (
          <p id="domains-error" className="mb-2 font-semibold text-red-800">
            <span className="sr-only">Error: </span>
            {domainsError}
          </p>
        )}
        <ul className="space-y-2">
          {props.domains.map((domain) => (
            <li key={domain.id}>
              <label className="flex items-center gap-2">
                <input
                  type="checkbox"
                  className="h-5 w-5"
                  checked={checked.has(domain.id)}
                  onChange={() => toggle(domain.id)}
                />
                <span>
                  {domain.number}. {domain.name}
                </span>
              </label>
              {checked.has(domain.id) && (
                <div className="ml-7 mt-1">
                  <label htmlFor={`note-${domain.id}`} className="block text-sm font-semibold">
                    What you saw of {domain.name}
                  </label>
                  <textarea
                    id={`note-${domain.id}`}
                    rows={2}
                    value={notes[domain.id] ?? ""}
                    onChange={(event) => setNotes((current) => ({ ...current, [domain.id]: event.target.value }))}
                    className="block w-full rounded border-2 border-gray-700 bg-white px-2 py-1.5"
                  />
                </div>
              )}
            </li>
          ))}
        </ul>
      </fieldset>
      <SubmitButton pending={pending}>Save the feedback</SubmitButton>
    </form>
  );
}
