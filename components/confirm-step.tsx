"use client";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type ReactNode } from "react";

/**
 * A button that asks before an action that cannot be undone (signing,
 * sign-off): the question takes focus, the answer runs the action, and a
 * refusal from the server is shown in words. The page refreshes on success.
 */
export function ConfirmStep(props: {
  buttonLabel: string;
  question: string;
  explanation: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  /** Returns an error message, or null when the action succeeded. */
  onConfirm: () => Promise<string | null>;
  disabled?: boolean;
}) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (confirming) heading.current?.focus();
  }, [confirming]);

  const confirm = async () => {
    setPending(true);
    setError(undefined);
    const failure = await props.onConfirm();
    setPending(false);
    if (failure) setError(failure);
    else {
      setConfirming(false);
      router.refresh();
    }
  };

  return (
    <>
      {!confirming ? (
        <button
          type="button"
          disabled={props.disabled}
          onClick={() => setConfirming(true)}
          className="mt-3 rounded bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
        >
          {props.buttonLabel}
        </button>
      ) : (
        <div className="mt-3 border-l-4 border-amber-700 bg-amber-50 p-3">
          <h3 ref={heading} tabIndex={-1} className="font-bold">
            {props.question}
          </h3>
          <p className="mt-1">{props.explanation}</p>
          <div className="mt-3 flex flex-wrap gap-3">
            <button
              type="button"
              disabled={pending}
              onClick={confirm}
              className="rounded bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
            >
              {pending ? props.pendingLabel : props.confirmLabel}
            </button>
            <button
              type="button"
              disabled={pending}
              onClick={() => setConfirming(false)}
              className="rounded border-2 border-gray-700 bg-white px-4 py-2 font-semibold"
            >
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
    </>
  );
}
