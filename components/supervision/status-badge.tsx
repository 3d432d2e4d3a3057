import { SUPERVISION_STATUS_LABELS, type SupervisionStatusName } from "@/lib/supervision/sign-off";

// The status is always written out; colour only reinforces it (WCAG 1.4.1).
const STYLES: Record<SupervisionStatusName, string> = {
  DRAFT: "border-amber-800 bg-amber-50 text-amber-900",
  PE_SIGNED: "border-sky-800 bg-sky-50 text-sky-900",
  SIGNED: "border-green-800 bg-green-50 text-green-900",
};

export function SupervisionStatusBadge({ status }: { status: SupervisionStatusName }) {
  return (
    <span
      className={`inline-block rounded border px-2 py-0.5 text-sm font-semibold print:border-black print:bg-white print:text-black ${STYLES[status]}`}
    >
      {SUPERVISION_STATUS_LABELS[status]}
    </span>
  );
}

/** The "Overdue" flag: a word and a symbol, not a colour. */
export function OverdueFlag({ className = "" }: { className?: string }) {
  return (
    <span
      className={`inline-block max-w-full rounded border-2 border-red-800 bg-red-50 px-2 py-0.5 text-sm font-bold text-red-900 ${className}`}
    >
      <span aria-hidden="true">! </span>Overdue
    </span>
  );
}
