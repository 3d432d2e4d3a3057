"use client";
import { ActionButton } from "@/components/action-button";
import type { ActionStatusName } from "@/lib/supervision/format";
import { setSupervisionActionStatusAction } from "./actions";

const BUTTONS: Record<ActionStatusName, Array<{ to: ActionStatusName; label: string }>> = {
  OPEN: [
    { to: "DONE", label: "Mark done" },
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
  canDrop,
}: {
  actionId: string;
  status: ActionStatusName;
  description: string;
  canDrop: boolean;
}) {
  // The student marks an agreed action done; only the PE drops one (lib/access/supervision.ts).
  const buttons = BUTTONS[status].filter((button) => canDrop || (button.to !== "DROPPED" && status !== "DROPPED"));
  const short = description.length > 60 ? `${description.slice(0, 57)}…` : description;
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      {buttons.map((button) => (
        <ActionButton key={button.to} action={() => setSupervisionActionStatusAction(actionId, { status: button.to })}>
          {button.label}
          <span className="sr-only">: {short}</span>
        </ActionButton>
      ))}
    </span>
  );
}
