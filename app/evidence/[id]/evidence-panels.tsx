"use client";
import { AddendumForm } from "@/components/addendum-form";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { useActionForm } from "@/components/form/use-action-form";
import { ErrorSummary } from "@/components/form/error-summary";
import { Field, SubmitButton, TextAreaField } from "@/components/form/fields";
import { ConfirmStep } from "@/components/confirm-step";
import { reviewEvidenceSchema, type ReviewDecision } from "@/lib/validations/evidence";
import { addEvidenceAddendumAction, reviewEvidenceAction, submitEvidenceAction } from "../actions";

/** The student sends the evidence to their practice educator. */
export function SubmitPanel({
  evidenceId,
  version,
  resubmit,
  blocked,
}: {
  evidenceId: string;
  version: number;
  resubmit: boolean;
  blocked: string | null;
}) {
  return (
    <ConfirmStep
      buttonLabel={resubmit ? "Resubmit for review" : "Submit for review"}
      question={resubmit ? "Resubmit this evidence?" : "Submit this evidence for review?"}
      explanation={
        <>
          Your practice educator is told at once. You cannot edit it while they review it; the university can read it
          from now on.
          {blocked && <span className="mt-2 block font-semibold">{blocked}</span>}
        </>
      }
      confirmLabel={resubmit ? "Yes, resubmit" : "Yes, submit"}
      pendingLabel="Submitting…"
      onConfirm={async () => {
        const result = await submitEvidenceAction(evidenceId, { version });
        return result.ok ? null : result.message;
      }}
    />
  );
}

const DECISION_LABELS: Record<ReviewDecision, { label: string; hint: string }> = {
  COMMENT: { label: "Comment only", hint: "The status does not change." },
  CHANGES_REQUESTED: { label: "Ask for changes", hint: "The student can edit it again. Say what to change." },
  ACCEPTED: { label: "Accept", hint: "The evidence is locked; corrections become addenda." },
};

/** The current PE's review: a comment at any time; a decision once the student has submitted. */
export function ReviewForm({
  evidenceId,
  version,
  canDecide,
}: {
  evidenceId: string;
  version: number;
  canDecide: boolean;
}) {
  const router = useRouter();
  const [saved, setSaved] = useState<string>();
  const decisions: ReviewDecision[] = canDecide ? ["COMMENT", "CHANGES_REQUESTED", "ACCEPTED"] : ["COMMENT"];
  const { form, onSubmit, formError, errorOf, fieldErrors, attempt, pending } = useActionForm({
    schema: reviewEvidenceSchema,
    defaultValues: { decision: "COMMENT", comment: "", version },
    action: (values) => reviewEvidenceAction(evidenceId, { ...values, version }),
    onSuccess: () => {
      setSaved("Saved. The student has been told.");
      form.reset({ decision: "COMMENT", comment: "", version });
      router.refresh();
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Review this evidence">
      <ErrorSummary message={formError} fieldErrors={fieldErrors} attempt={attempt} />
      {decisions.length > 1 && (
        <Field id="decision" label="Your review" error={errorOf("decision")}>
          <div role="radiogroup" aria-label="Your review" className="space-y-2">
            {decisions.map((decision) => (
              <div key={decision} className="flex items-start gap-2">
                <input
                  id={decision === "COMMENT" ? "decision" : `decision-${decision}`}
                  type="radio"
                  value={decision}
                  className="mt-1 h-5 w-5"
                  {...form.register("decision")}
                />
                <label htmlFor={decision === "COMMENT" ? "decision" : `decision-${decision}`}>
                  <span className="font-semibold">{DECISION_LABELS[decision].label}</span>
                  <span className="block text-sm text-muted">{DECISION_LABELS[decision].hint}</span>
                </label>
              </div>
            ))}
          </div>
        </Field>
      )}
      <TextAreaField
        id="comment"
        label="Comment"
        hint="Refer to children by their code only: the university reads the review thread."
        rows={4}
        error={errorOf("comment")}
        {...form.register("comment", { onChange: () => setSaved(undefined) })}
      />
      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton pending={pending}>Save review</SubmitButton>
        <p role="status" className="font-semibold text-green-900">
          {saved}
        </p>
      </div>
    </form>
  );
}

/** A correction or later note on accepted evidence (the API names the field `body`). */
export function EvidenceAddendumForm({ evidenceId }: { evidenceId: string }) {
  return (
    <AddendumForm
      rows={3}
      action={async (values) => {
        const result = await addEvidenceAddendumAction(evidenceId, { body: values.text });
        return !result.ok && result.fieldErrors?.body
          ? { ...result, fieldErrors: { text: result.fieldErrors.body } }
          : result;
      }}
    />
  );
}

async function messageOf(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: { message?: string } };
    return body.error?.message ?? "The file could not be attached.";
  } catch {
    return response.status === 413 ? "The file is too large to attach." : "The file could not be attached.";
  }
}

/** Attaches one file through the attachment API (server actions cap their bodies below the attachment limit). */
export function AttachmentUpload({ evidenceId, maxLabel }: { evidenceId: string; maxLabel: string }) {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState<string>();
  const [pending, setPending] = useState(false);
  const upload = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setStatus(undefined);
    const file = input.current?.files?.[0];
    if (!file) {
      setError("Choose a file to attach.");
      input.current?.focus();
      return;
    }
    setPending(true);
    const body = new FormData();
    body.append("file", file);
    const response = await fetch(`/api/v1/evidence/${evidenceId}/attachments`, { method: "POST", body }).catch(
      () => null,
    );
    setPending(false);
    if (!response || !response.ok) {
      setError(response ? await messageOf(response) : "The upload failed: check your connection and try again.");
      input.current?.focus();
      return;
    }
    setStatus(`${file.name} attached.`);
    if (input.current) input.current.value = "";
    router.refresh();
  };
  return (
    <form onSubmit={upload} noValidate aria-label="Upload an attachment" className="mt-3">
      <Field
        id="attachment-file"
        label="Attach a file"
        hint={`PDF, image (PNG, JPEG, GIF, WebP) or Word, Excel or PowerPoint document, up to ${maxLabel}. Remove children's names from files before attaching them.`}
        error={error}
      >
        <input
          ref={input}
          id="attachment-file"
          name="file"
          type="file"
          accept=".pdf,.png,.jpg,.jpeg,.gif,.webp,.doc,.docx,.xls,.xlsx,.ppt,.pptx"
          aria-invalid={error ? true : undefined}
          aria-describedby={`attachment-file-hint${error ? " attachment-file-error" : ""}`}
          className="block"
        />
      </Field>
      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton pending={pending}>Upload</SubmitButton>
        <p role="status" className="font-semibold text-green-900">
          {status}
        </p>
      </div>
    </form>
  );
}

/** Removes an attachment while the evidence can still be edited. */
export function RemoveAttachmentButton({
  evidenceId,
  attachmentId,
  fileName,
}: {
  evidenceId: string;
  attachmentId: string;
  fileName: string;
}) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);
  return (
    <>
      <button
        type="button"
        disabled={pending}
        onClick={async () => {
          if (!window.confirm(`Remove ${fileName}?`)) return;
          setPending(true);
          const response = await fetch(`/api/v1/evidence/${evidenceId}/attachments/${attachmentId}`, {
            method: "DELETE",
          }).catch(() => null);
          setPending(false);
          if (!response?.ok) setError(response ? await messageOf(response) : "It could not be removed: try again.");
          else router.refresh();
        }}
        className="rounded border-2 border-gray-700 bg-white px-2 py-0.5 text-sm font-semibold"
      >
        {pending ? (
          "Removing…"
        ) : (
          <>
            Remove<span className="sr-only"> {fileName}</span>
          </>
        )}
      </button>
      {error && (
        <span role="alert" className="ml-2 font-semibold text-red-800">
          {error}
        </span>
      )}
    </>
  );
}
