"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { setSupervisionActionStatusAction } from "./actions";
import type { ActionStatusName } from "@/lib/supervision/format";

const BUTTONS: Record<ActionStatusName, Array<{ to: ActionStatusName; label: string }>> = {
  OPEN: [
    { to: "DONE", label: "Done" },
    { to: "DROPPED", label: "Drop" },
  ],
  DONE: [{ to: "OPEN", label: "Reopen" }],
  DROPPED: [{ to: "OPEN", label: "Reopen" }],
};

/** Done / Drop / Reopen for one agreed action; each button names the action for screen readers. */
export function ActionStatusButtons({
  actionId,
  status,
  description,
}: {
  actionId: string;
  status: ActionStatusName;
  description: string;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();
  const short = description.length > 60 ? `${description.slice(0, 57)}…` : description;
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      {BUTTONS[status].map((button) => (
        <button
          key={button.to}
          type="button"
          disabled={pending}
          className="rounded border-2 border-brand-600 bg-white px-2 py-1 text-sm font-semibold text-brand-700 hover:bg-brand-50 disabled:opacity-60"
          onClick={() =>
            startTransition(async () => {
              setError(undefined);
              const result = await setSupervisionActionStatusAction(actionId, { status: button.to });
              if (result.ok) router.refresh();
              else setError(result.message);
            })
          }
        >
          {button.label === "Done" ? "Mark done" : button.label}
          <span className="sr-only">: {short}</span>
        </button>
      ))}
      {error && (
        <span role="alert" className="block font-semibold text-red-800">
          {error}
        </span>
      )}
    </span>
  );
}
