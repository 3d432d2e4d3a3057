import { EVIDENCE_STATUS_LABELS, type EvidenceStatusName } from "@/lib/portfolio/evidence-rules";

// The status in words, with colour only as reinforcement (WCAG 1.4.1).
const STYLES: Record<EvidenceStatusName, string> = {
  DRAFT: "border-gray-700 bg-gray-100 text-gray-900",
  SUBMITTED: "border-sky-800 bg-sky-50 text-sky-900",
  CHANGES_REQUESTED: "border-amber-800 bg-amber-50 text-amber-900",
  ACCEPTED: "border-green-800 bg-green-50 text-green-900",
};

export function EvidenceStatusBadge({ status }: { status: EvidenceStatusName }) {
  return (
    <span className={`inline-block max-w-full rounded border px-2 py-0.5 text-sm font-semibold ${STYLES[status]}`}>
      {EVIDENCE_STATUS_LABELS[status]}
    </span>
  );
}
