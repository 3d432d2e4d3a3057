"use client";
import { useCallback, useEffect, useRef } from "react";
import { useActionForm } from "@/components/form/use-action-form";
import { ErrorSummary } from "@/components/form/error-summary";
import { SupervisionNotesFields } from "@/components/supervision/notes-fields";
import { notesFormValues } from "@/components/supervision/notes-values";
import { errorLabels, flattenErrors, isNotesField } from "@/components/supervision/form-errors";
import { useAutosave, type SaveOutcome } from "@/components/supervision/use-autosave";
import { AutosaveStatus, ConflictAlert } from "@/components/supervision/autosave-status";
import { supervisionNotesSchema } from "@/lib/validations/supervision";
import type { SupervisionRecordDto } from "@/lib/supervision/supervision-record-dto";
import { updateSupervisionNotesAction } from "../actions";
import { PeSignPanel } from "./pe-sign-panel";

type SaveResult = Awaited<ReturnType<typeof updateSupervisionNotesAction>>;
type ButtonOutcome =
  { ok: true; data: null } | { ok: false; status: number; message: string; fieldErrors?: Record<string, string[]> };

/**
 * The practice educator's draft, autosaved: a few seconds after typing stops
 * the draft is saved with the version the page last saw. A 409 (someone else
 * saved in between) stops autosaving and says who changed what. The Save
 * button saves through the same autosave, so two saves never overlap.
 */
export function EditNotesForm({
  record,
  minDate,
  maxDate,
  onsiteSupervisorName,
  otherStudents,
  canSign,
}: {
  record: SupervisionRecordDto;
  minDate: string;
  maxDate: string;
  onsiteSupervisorName: string | null;
  otherStudents: Array<{ id: string; name: string }>;
  canSign: boolean;
}) {
  /** The version this page last saw: sent with every save, replaced by the server's answer. */
  const version = useRef(record.version);
  const lastResult = useRef<SaveResult | null>(null);
  const flushNow = useRef<() => Promise<SaveOutcome>>(async () => ({ kind: "saved" }));
  const suppress = useRef(false);

  const { form, onSubmit, formError, attempt } = useActionForm({
    schema: supervisionNotesSchema,
    defaultValues: notesFormValues(record),
    action: async (): Promise<ButtonOutcome> => {
      const outcome = await flushNow.current();
      if (outcome.kind === "saved") return { ok: true, data: null };
      const result = lastResult.current;
      return result && !result.ok ? result : { ok: false, status: 422, message: outcome.message };
    },
    onSuccess: () => undefined,
  });

  const save = useCallback(async (): Promise<SaveOutcome> => {
    // trigger() shows errors beside the fields without moving focus.
    if (!(await form.trigger())) return { kind: "invalid", message: "check the highlighted fields." };
    const result = await updateSupervisionNotesAction(record.id, { ...form.getValues(), version: version.current });
    lastResult.current = result;
    if (result.ok) {
      version.current = result.data.version;
      form.clearErrors();
      return { kind: "saved" };
    }
    if (result.status === 409) return { kind: "conflict", message: result.message };
    for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
      if (isNotesField(field)) form.setError(field, { type: "server", message: messages[0] }, { shouldFocus: false });
    }
    return result.status === 422
      ? { kind: "invalid", message: result.message }
      : { kind: "failed", message: result.message };
  }, [form, record.id]);

  const autosave = useAutosave(save);
  const { changed, flush } = autosave;

  useEffect(() => {
    flushNow.current = () => flush(true);
  }, [flush]);

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
        {/* The summary appears (and takes focus) only after the Save button; autosave errors show beside the fields. */}
        {formError && state.kind !== "conflict" && (
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
          otherStudents={otherStudents}
        />
        <div className="sticky-form-actions sticky bottom-0 -mx-4 -mb-4 flex flex-wrap items-center gap-x-4 gap-y-2 border-t-2 border-gray-300 bg-white px-4 py-3 sm:-mx-6 sm:-mb-6 sm:px-6">
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
      {canSign && <PeSignPanel recordId={record.id} flush={() => flush()} blocked={state.kind === "conflict"} />}
    </>
  );
}
