"use client";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { signOffLifeStoryAction } from "../actions";

/** The overseeing PE agrees to the student doing this life story work, with a confirmation step. */
export function SignOffButton({ workId, studentName }: { workId: string; studentName: string }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (confirming) heading.current?.focus();
  }, [confirming]);

  const signOff = async () => {
    setPending(true);
    setError(undefined);
    const result = await signOffLifeStoryAction(workId);
    setPending(false);
    if (result.ok) {
      setConfirming(false);
      router.refresh();
    } else setError(result.message);
  };

  return (
    <div className="mt-3">
      {!confirming ? (
        <button type="button" onClick={() => setConfirming(true)} className="rounded bg-brand-600 px-4 py-2 font-semibold text-white shadow-[0_2px_0_#0b2f31] hover:bg-brand-700">
          Sign off this life story work
        </button>
      ) : (
        <div className="border-l-4 border-amber-700 bg-white p-3">
          <h3 ref={heading} tabIndex={-1} className="font-bold">
            Sign off this life story work?
          </h3>
          <p className="mt-1">You agree that {studentName} does this life story work with the child, under your oversight. Your name and the time are recorded.</p>
          <div className="mt-3 flex flex-wrap gap-3">
            <button type="button" disabled={pending} onClick={signOff} className="rounded bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700 disabled:opacity-60">
              {pending ? "Signing off…" : "Yes, sign it off"}
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
    </div>
  );
}
