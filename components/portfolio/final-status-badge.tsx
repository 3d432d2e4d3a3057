import { FINAL_STATUS_LABELS, type FinalStatusName } from "@/lib/portfolio/final-assessment-rules";

// The status is always written out; colour and the symbol only reinforce it (WCAG 1.4.1).
const STYLES: Record<FinalStatusName, { className: string; symbol: string }> = {
  DRAFT: { className: "border-amber-800 bg-amber-50 text-amber-900", symbol: "✎" },
  PE_SIGNED: { className: "border-sky-800 bg-sky-50 text-sky-900", symbol: "…" },
  AWAITING_RATIFICATION: { className: "border-purple-800 bg-purple-50 text-purple-900", symbol: "…" },
  COMPLETE: { className: "border-green-800 bg-green-50 text-green-900", symbol: "✓" },
};

export function FinalStatusBadge({ status }: { status: FinalStatusName }) {
  const style = STYLES[status];
  return (
    <span
      className={`inline-block rounded border px-2 py-0.5 text-sm font-semibold print:border-black print:bg-white print:text-black ${style.className}`}
    >
      <span aria-hidden="true">{style.symbol} </span>
      {FINAL_STATUS_LABELS[status]}
    </span>
  );
}
