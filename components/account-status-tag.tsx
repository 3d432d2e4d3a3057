import type { AccountStatus } from "@/lib/users/account-status";

const LABELS: Record<AccountStatus, { text: string; className: string }> = {
  INVITED: { text: "Invited", className: "border-blue-800 bg-blue-50 text-blue-900" },
  ACTIVE: { text: "Active", className: "border-green-800 bg-green-50 text-green-900" },
  DEACTIVATED: { text: "Deactivated", className: "border-gray-700 bg-gray-100 text-gray-900" },
};

/** An account's status in words (never by colour alone). */
export function AccountStatusTag({ status }: { status: AccountStatus }) {
  const label = LABELS[status];
  return (
    <span className={`inline-block rounded border px-2 py-0.5 text-sm font-semibold ${label.className}`}>
      {label.text}
    </span>
  );
}
