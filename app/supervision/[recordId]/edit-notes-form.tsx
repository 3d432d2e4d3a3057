"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { useForm, type Path, type Resolver } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { ErrorSummary } from "@/components/form/error-summary";
import { SupervisionNotesFields } from "@/components/supervision/notes-fields";
import { notesFormValues } from "@/components/supervision/notes-values";
import { errorLabels, flattenErrors } from "@/components/supervision/form-errors";
import { useAutosave, type SaveOutcome } from "@/components/supervision/use-autosave";
import { AutosaveStatus, ConflictAlert } from "@/components/supervision/autosave-status";
import { supervisionNotesSchema, type SupervisionNotesInput } from "@/lib/validations/supervision";
import type { SupervisionRecordDto } from "@/lib/supervision/supervision-records";
import { updateSupervisionNotesAction } from "../actions";
import { PeSignPanel } from "./pe-sign-panel";

/**
 * The practice educator's draft, autosaved: a few seconds after typing stops
 * the draft is saved with the version the page last saw. A 409 (someone else
 * saved in between) stops autosaving and says who changed what.
 */
export function EditNotesForm({
  record,
  minDate,
  maxDate,
  onsiteSupervisorName,
  canSign,
}: {
  record: SupervisionRecordDto;
  minDate: string;
  maxDate: string;
  onsiteSupervisorName: string | null;
  canSign: boolean;
}) {
  const form = useForm<SupervisionNotesInput>({
    resolver: zodResolver(supervisionNotesSchema as never) as unknown as Resolver<SupervisionNotesInput>,
    defaultValues: notesFormValues(record),
    mode: "onSubmit",
    shouldFocusError: false,
  });
  /** The version this page last saw: sent with every save, replaced by the server's answer. */
  const version = useRef(record.version);
  const suppress = useRef(false);
  const [attempt, setAttempt] = useState(0);
  const [summary, setSummary] = useState<string>();

  const save = useCallback(async (): Promise<SaveOutcome> => {
    // trigger() shows errors beside the fields without moving focus.
    if (!(await form.trigger())) return { kind: "invalid", message: "check the highlighted fields." };
    const result = await updateSupervisionNotesAction(record.id, { ...form.getValues(), version: version.current });
    if (result.ok) {
      version.current = result.data.version;
      form.clearErrors();
      return { kind: "saved" };
    }
    if (result.status === 409) return { kind: "conflict", message: result.message };
    for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
      form.setError(
        field as Path<SupervisionNotesInput>,
        { type: "server", message: messages[0] },
        { shouldFocus: false },
      );
    }
    return result.status === 400
      ? { kind: "invalid", message: result.message }
      : { kind: "failed", message: result.message };
  }, [form, record.id]);

  const autosave = useAutosave(save);
  const { changed } = autosave;

  useEffect(() => {
    const subscription = form.watch((_values, { name }) => {
      if (!suppress.current && name !== undefined) changed();
    });
    return () => subscription.unsubscribe();
  }, [form, changed]);

  // After a save the page re-renders with the saved actions: give each newly
  // created action its id, so the next save updates it rather than adding it again.
  useEffect(() => {
    const current = form.getValues("actions") ?? [];
    const known = new Set(current.map((action) => action.id).filter(Boolean));
    const fresh = record.actions.map((action) => action.id).filter((id) => !known.has(id));
    suppress.current = true;
    current.forEach((action, index) => {
      if (!action.id && fresh.length > 0) form.setValue(`actions.${index}.id`, fresh.shift());
    });
    suppress.current = false;
  }, [form, record.actions]);

  const onSubmit = async (event: React.FormEvent) => {
    event.preventDefault();
    const outcome = await autosave.flush(true);
    if (outcome.kind === "saved") setSummary(undefined);
    else if (outcome.kind !== "conflict") {
      setSummary(outcome.message);
      setAttempt((count) => count + 1);
    }
  };

  const errors = flattenErrors(form.formState.errors);
  const { state } = autosave;

  return (
    <>
      {state.kind === "conflict" && <ConflictAlert message={state.message} />}
      <form
        onSubmit={onSubmit}
        noValidate
        aria-label="Supervision notes"
        className="rounded border border-gray-300 bg-white p-4 sm:p-6"
      >
        {/* The summary takes focus only after the Save button; autosave errors show beside the fields. */}
        {attempt > 0 && summary && (
          <ErrorSummary
            message="The draft was not saved"
            fieldErrors={errors}
            labels={errorLabels(errors)}
            attempt={attempt}
          />
        )}
        <SupervisionNotesFields
          form={form}
          minDate={minDate}
          maxDate={maxDate}
          onsiteSupervisorLabel={onsiteSupervisorName ? `On-site supervisor (${onsiteSupervisorName})` : null}
        />
        <div className="sticky bottom-0 -mx-4 -mb-4 flex flex-wrap items-center gap-x-4 gap-y-2 border-t-2 border-gray-300 bg-white px-4 py-3 sm:-mx-6 sm:-mb-6 sm:px-6">
          <button
            type="submit"
            disabled={state.kind === "conflict" || state.kind === "saving"}
            className="rounded bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
          >
            Save draft now
          </button>
          <AutosaveStatus state={state} />
        </div>
      </form>
      {canSign && (
        <PeSignPanel recordId={record.id} flush={() => autosave.flush()} blocked={state.kind === "conflict"} />
      )}
    </>
  );
}
