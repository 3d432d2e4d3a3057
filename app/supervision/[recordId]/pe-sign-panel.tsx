"use client";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import type { SaveOutcome } from "@/components/supervision/use-autosave";
import { signSupervisionRecordAction } from "../actions";

/** "Sign as practice educator", with a confirmation step: signing locks the notes. */
export function PeSignPanel({ recordId, flush, blocked }: { recordId: string; flush: () => Promise<SaveOutcome>; blocked: boolean }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (confirming) heading.current?.focus();
  }, [confirming]);

  const sign = async () => {
    setPending(true);
    setError(undefined);
    const saved = await flush();
    if (saved.kind !== "saved") {
      setError(`Your latest changes could not be saved, so the record was not signed: ${saved.message}`);
      setPending(false);
      return;
    }
    const result = await signSupervisionRecordAction(recordId, {});
    setPending(false);
    if (result.ok) {
      setConfirming(false);
      router.refresh();
    } else setError(result.message);
  };

  return (
    <section aria-labelledby="pe-sign-heading" className="mt-6 rounded border-2 border-brand-600 bg-white p-4">
      <h2 id="pe-sign-heading" className="text-xl font-bold">
        Sign the record
      </h2>
      <p className="mt-1">When the notes are complete, sign them. The student then adds their reflection and signs.</p>
      {!confirming ? (
        <button type="button" disabled={blocked} onClick={() => setConfirming(true)} className="mt-3 rounded bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700 disabled:opacity-60">
          Sign as practice educator
        </button>
      ) : (
        <div className="mt-3 border-l-4 border-amber-700 bg-amber-50 p-3">
          <h3 ref={heading} tabIndex={-1} className="font-bold">
            Sign and lock these notes?
          </h3>
          <p className="mt-1">After signing you cannot edit the notes. Corrections are added as addenda, with your name and the time.</p>
          <div className="mt-3 flex flex-wrap gap-3">
            <button type="button" disabled={pending} onClick={sign} className="rounded bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700 disabled:opacity-60">
              {pending ? "Signing…" : "Yes, sign as practice educator"}
            </button>
            <button type="button" disabled={pending} onClick={() => setConfirming(false)} className="rounded border-2 border-gray-700 bg-white px-4 py-2 font-semibold">
              Cancel
            </button>
          </div>
        </div>
      )}
      {error && (
        <p role="alert" className="mt-3 border-l-4 border-red-700 bg-red-50 p-3 font-semibold text-red-900">
          {error}
        </p>
      )}
    </section>
  );
}
