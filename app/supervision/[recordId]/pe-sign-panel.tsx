"use client";
import { useRouter } from "next/navigation";
import { FocusNotice } from "@/components/focus-notice";
import { ConfirmStep } from "@/components/confirm-step";
import type { SaveOutcome } from "@/components/supervision/use-autosave";
import { signSupervisionRecordAction } from "../actions";

/** "Sign as practice educator", with a confirmation step: signing locks the notes. */
export function PeSignPanel({
  recordId,
  flush,
  blocked,
  savedNotice,
}: {
  recordId: string;
  flush: () => Promise<SaveOutcome>;
  blocked: boolean;
  /** Just recorded: say so here, beside the Sign button, and bring it into view. */
  savedNotice: boolean;
}) {
  const router = useRouter();
  return (
    <section
      id="sign"
      aria-labelledby="pe-sign-heading"
      className="mt-6 scroll-mt-4 rounded border-2 border-brand-600 bg-white p-4"
    >
      {savedNotice && (
        <div className="mb-3">
          <FocusNotice>
            Session saved as a draft. Check the notes above, then sign here when they are complete.
          </FocusNotice>
        </div>
      )}
      <h2 id="pe-sign-heading" className="text-xl font-bold">
        Sign the record
      </h2>
      <p className="mt-1">When the notes are complete, sign them. The student then adds their reflection and signs.</p>
      <ConfirmStep
        buttonLabel="Sign as practice educator"
        question="Sign and lock these notes?"
        explanation="After signing you cannot edit the notes. Corrections are added as addenda, with your name and the time."
        confirmLabel="Yes, sign as practice educator"
        pendingLabel="Signing…"
        disabled={blocked}
        onConfirm={async () => {
          // The latest typing must be saved first: the signature covers what is stored.
          const saved = await flush();
          if (saved.kind !== "saved")
            return `Your latest changes could not be saved, so the record was not signed: ${saved.message}`;
          const result = await signSupervisionRecordAction(recordId, {});
          if (!result.ok) return result.message;
          router.replace(`/supervision/${recordId}?signed=1`);
          return null;
        }}
      />
    </section>
  );
}
