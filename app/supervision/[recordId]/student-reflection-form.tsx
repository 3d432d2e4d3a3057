"use client";
import { useRouter } from "next/navigation";
import { useCallback, useRef, useState } from "react";
import { TextAreaField } from "@/components/form/fields";
import { Checkbox } from "@/components/supervision/checkbox";
import { useAutosave, type SaveOutcome } from "@/components/supervision/use-autosave";
import { AutosaveStatus, ConflictAlert } from "@/components/supervision/autosave-status";
import { studentReflectionSchema, studentSignSchema } from "@/lib/validations/supervision";
import { saveStudentReflectionAction, signSupervisionRecordAction } from "../actions";

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
  const router = useRouter();
  const [text, setText] = useState(reflection);
  const [error, setError] = useState<string>();
  const latest = useRef(reflection);
  const version = useRef(reflectionVersion);

  const save = useCallback(async (): Promise<SaveOutcome> => {
    const input = { studentReflection: latest.current, reflectionVersion: version.current };
    const parsed = studentReflectionSchema.safeParse(input);
    if (!parsed.success) {
      const message = parsed.error.issues[0]?.message ?? "Check your reflection";
      setError(message);
      return { kind: "invalid", message };
    }
    const result = await saveStudentReflectionAction(recordId, input);
    if (result.ok) {
      version.current = result.data.reflectionVersion;
      setError(undefined);
      return { kind: "saved" };
    }
    if (result.status === 409) return { kind: "conflict", message: result.message };
    const message = result.fieldErrors?.studentReflection?.[0] ?? result.message;
    setError(message);
    return result.status === 400 ? { kind: "invalid", message } : { kind: "failed", message };
  }, [recordId]);

  const autosave = useAutosave(save);
  const { state } = autosave;

  return (
    <div>
      {state.kind === "conflict" && <ConflictAlert message={state.message} />}
      <form
        noValidate
        aria-label="Your reflection"
        onSubmit={(event) => {
          event.preventDefault();
          void autosave.flush(true);
        }}
      >
        <TextAreaField
          id="studentReflection"
          label="Your reflection on this session"
          hint="What you took from the session, what you learned and what you will do next. Only you can write here; it is saved automatically."
          rows={8}
          value={text}
          error={error}
          onChange={(event) => {
            setText(event.target.value);
            latest.current = event.target.value;
            autosave.changed();
          }}
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
        <StudentSign
          recordId={recordId}
          blocked={state.kind === "conflict"}
          flush={() => autosave.flush()}
          onSigned={() => router.refresh()}
        />
      ) : (
        <p className="mt-4 border-l-4 border-gray-500 bg-gray-50 p-3">
          You can sign once your practice educator has signed the notes.
        </p>
      )}
    </div>
  );
}

function StudentSign({
  recordId,
  blocked,
  flush,
  onSigned,
}: {
  recordId: string;
  blocked: boolean;
  flush: () => Promise<SaveOutcome>;
  onSigned: () => void;
}) {
  const [disagree, setDisagree] = useState(false);
  const [comment, setComment] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  const [commentError, setCommentError] = useState<string>();

  const sign = async () => {
    setError(undefined);
    setCommentError(undefined);
    const input = { disagreement: disagree ? comment : null };
    if (disagree && !comment.trim()) {
      setCommentError("Say what you disagree with, or untick the box");
      return;
    }
    const parsed = studentSignSchema.safeParse(input);
    if (!parsed.success) {
      setCommentError(parsed.error.issues[0]?.message);
      return;
    }
    setPending(true);
    const saved = await flush();
    if (saved.kind !== "saved") {
      setError(`Your reflection could not be saved, so the record was not signed: ${saved.message}`);
      setPending(false);
      return;
    }
    const result = await signSupervisionRecordAction(recordId, input);
    setPending(false);
    if (result.ok) onSigned();
    else setError(result.fieldErrors?.studentReflection?.[0] ?? result.message);
  };

  return (
    <section aria-labelledby="student-sign-heading" className="mt-6 rounded border-2 border-brand-600 bg-white p-4">
      <h3 id="student-sign-heading" className="text-lg font-bold">
        Sign the record
      </h3>
      <p className="mb-2 mt-1">
        Signing confirms you have read the notes. It locks your reflection; corrections after that are addenda.
      </p>
      <Checkbox
        id="disagree"
        label="I disagree with these notes"
        hint="You still sign, and your comment is kept with the record."
        checked={disagree}
        onChange={(event) => setDisagree(event.target.checked)}
      />
      {disagree && (
        <TextAreaField
          id="disagreement"
          label="What you disagree with"
          rows={4}
          value={comment}
          error={commentError}
          fieldClassName="mt-3"
          onChange={(event) => setComment(event.target.value)}
        />
      )}
      <button
        type="button"
        disabled={pending || blocked}
        onClick={sign}
        className="mt-3 rounded bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {pending ? "Signing…" : disagree ? "Sign, recording my disagreement" : "Sign as student"}
      </button>
      {error && (
        <p role="alert" className="mt-3 border-l-4 border-red-700 bg-red-50 p-3 font-semibold text-red-900">
          {error}
        </p>
      )}
    </section>
  );
}
