import { formatDate, formatDateTime, todayInUk } from "@/lib/dates";
import { ACTION_OWNER_LABELS } from "@/lib/validations/supervision";
import { ActionStatusButtons } from "./action-status-buttons";
import { ACTION_STATUS_LABELS, type ActionStatusName } from "@/lib/supervision/format";
import { actionPastDue } from "@/lib/supervision/session-rules";

type Action = {
  id: string;
  description: string;
  owner: keyof typeof ACTION_OWNER_LABELS;
  dueDate: string;
  status?: ActionStatusName;
  completedByName?: string | null;
  completedAt?: string | null;
};

/** A list of agreed actions with owner, due date and status in words; buttons when the user may update them. */
export function ActionsList({
  actions,
  canUpdate,
  canDrop = false,
  emptyText,
}: {
  actions: Action[];
  canUpdate: boolean;
  /** Drop (and reopen a dropped action): the practice educator only. */
  canDrop?: boolean;
  emptyText: string;
}) {
  if (actions.length === 0) return <p className="text-muted">{emptyText}</p>;
  const today = todayInUk();
  return (
    <ul className="divide-y divide-gray-200 rounded border border-gray-300 bg-white">
      {actions.map((action) => {
        const status = action.status ?? "OPEN";
        const late = actionPastDue({ status, dueDate: action.dueDate }, today);
        return (
          <li key={action.id} className="grid gap-2 px-4 py-3 sm:grid-cols-[1fr_auto] sm:items-center">
            <div>
              <p className="font-semibold">{action.description}</p>
              <p className="text-sm">
                {ACTION_OWNER_LABELS[action.owner]} · due {formatDate(action.dueDate)}
                {late && <span className="font-semibold text-red-800"> (past due)</span>} ·{" "}
                <span className="font-semibold">{ACTION_STATUS_LABELS[status]}</span>
                {status !== "OPEN" && action.completedByName && (
                  <span className="text-muted">
                    {" "}
                    by {action.completedByName}
                    {action.completedAt ? `, ${formatDateTime(new Date(action.completedAt))}` : ""}
                  </span>
                )}
              </p>
            </div>
            {canUpdate && (
              <ActionStatusButtons
                actionId={action.id}
                status={status}
                description={action.description}
                canDrop={canDrop}
              />
            )}
          </li>
        );
      })}
    </ul>
  );
}
