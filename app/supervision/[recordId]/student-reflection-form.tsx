"use client";
import { useCallback, useEffect, useRef } from "react";
import { useActionForm } from "@/components/form/use-action-form";
import { TextAreaField } from "@/components/form/fields";
import { useAutosave, type SaveOutcome } from "@/components/supervision/use-autosave";
import { AutosaveStatus, ConflictAlert } from "@/components/supervision/autosave-status";
import { studentReflectionTextSchema } from "@/lib/validations/supervision";
import { saveStudentReflectionAction } from "../actions";
import { StudentSignPanel } from "./student-sign-panel";

type SaveResult = Awaited<ReturnType<typeof saveStudentReflectionAction>>;
type ButtonOutcome =
  { ok: true; data: null } | { ok: false; status: number; message: string; fieldErrors?: Record<string, string[]> };

/** The student's reflection (autosaved, with its own version) and the student's signature. */
export function StudentReflectionForm({
  recordId,
  reflection,
  reflectionVersion,
  canSign,
}: {
  recordId: string;
  reflection: string;
  reflectionVersion: number;
  canSign: boolean;
}) {
  const version = useRef(reflectionVersion);
  const lastResult = useRef<SaveResult | null>(null);
  const flushNow = useRef<() => Promise<SaveOutcome>>(async () => ({ kind: "saved" }));

  const { form, onSubmit, errorOf } = useActionForm({
    schema: studentReflectionTextSchema,
    defaultValues: { studentReflection: reflection },
    // The Save button saves through the autosave, so two saves never overlap.
    action: async (): Promise<ButtonOutcome> => {
      const outcome = await flushNow.current();
      if (outcome.kind === "saved") return { ok: true, data: null };
      const result = lastResult.current;
      return result && !result.ok ? result : { ok: false, status: 422, message: outcome.message };
    },
    onSuccess: () => undefined,
  });

  const save = useCallback(async (): Promise<SaveOutcome> => {
    if (!(await form.trigger())) {
      return {
        kind: "invalid",
        message: form.getFieldState("studentReflection").error?.message ?? "check your reflection.",
      };
    }
    const result = await saveStudentReflectionAction(recordId, {
      studentReflection: form.getValues("studentReflection"),
      reflectionVersion: version.current,
    });
    lastResult.current = result;
    if (result.ok) {
      version.current = result.data.reflectionVersion;
      form.clearErrors();
      return { kind: "saved" };
    }
    if (result.status === 409) return { kind: "conflict", message: result.message };
    const message = result.fieldErrors?.studentReflection?.[0] ?? result.message;
    form.setError("studentReflection", { type: "server", message }, { shouldFocus: false });
    return result.status === 422 ? { kind: "invalid", message } : { kind: "failed", message };
  }, [form, recordId]);

  const autosave = useAutosave(save);
  const { changed, flush, state } = autosave;

  useEffect(() => {
    flushNow.current = () => flush(true);
  }, [flush]);

  useEffect(() => {
    const subscription = form.watch((_values, { name }) => {
      if (name !== undefined) changed();
    });
    return () => subscription.unsubscribe();
  }, [form, changed]);

  return (
    <div>
      {state.kind === "conflict" && <ConflictAlert message={state.message} />}
      <form noValidate aria-label="Your reflection" onSubmit={onSubmit}>
        <TextAreaField
          id="studentReflection"
          label="Your reflection on this session"
          hint="What you took from the session, what you learned and what you will do next. Only you can write here; it is saved automatically."
          rows={8}
          error={errorOf("studentReflection")}
          {...form.register("studentReflection")}
        />
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
          <button
            type="submit"
            disabled={state.kind === "conflict" || state.kind === "saving"}
            className="rounded border-2 border-brand-600 bg-white px-4 py-2 font-semibold text-brand-700 hover:bg-brand-50 disabled:opacity-60"
          >
            Save reflection now
          </button>
          <AutosaveStatus
            state={state}
            noun="Reflection"
            idleText="Your reflection is saved automatically a few seconds after you stop typing."
          />
        </div>
      </form>
      {canSign ? (
        <StudentSignPanel recordId={recordId} blocked={state.kind === "conflict"} flush={() => flush()} />
      ) : (
        <p className="mt-4 border-l-4 border-gray-500 bg-gray-50 p-3">
          You can sign once your practice educator has signed the notes.
        </p>
      )}
    </div>
  );
}
