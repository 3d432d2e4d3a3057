"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition, type ReactNode } from "react";
import type { ActionResult } from "@/lib/action-result";

const STYLES = {
  primary: "rounded bg-brand-600 px-3 py-1 font-semibold text-white hover:bg-brand-700 disabled:opacity-60",
  secondary:
    "rounded border-2 border-brand-600 bg-white px-2 py-1 text-sm font-semibold text-brand-700 hover:bg-brand-50 disabled:opacity-60",
  link: "text-brand-700 underline disabled:opacity-60",
  danger: "text-red-800 underline disabled:opacity-60",
} as const;

/**
 * One button that runs one server action, then refreshes the page; a refusal
 * from the server is shown beside it in words. `confirm` asks first, for
 * small actions that are easy to regret (removing a day); for signing and
 * other weighty steps use ConfirmStep, which explains what will happen.
 */
export function ActionButton(props: {
  action: () => Promise<ActionResult>;
  children: ReactNode;
  /** The question asked before running it, if any. */
  confirm?: string;
  variant?: keyof typeof STYLES;
  /** Runs after a success instead of refreshing (e.g. to go to another page). */
  onDone?: (data: unknown) => void;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();
  return (
    <>
      <button
        type="button"
        disabled={pending}
        className={STYLES[props.variant ?? "secondary"]}
        onClick={() => {
          if (props.confirm && !window.confirm(props.confirm)) return;
          startTransition(async () => {
            setError(undefined);
            const result = await props.action();
            if (!result.ok) setError(result.message);
            else if (props.onDone) props.onDone(result.data);
            else router.refresh();
          });
        }}
      >
        {props.children}
      </button>
      {error && (
        <span role="alert" className="block font-semibold text-red-800">
          {error}
        </span>
      )}
    </>
  );
}
