import type { Rag } from "@/lib/children/allocation-rag";
import { RAG_LABELS } from "@/lib/children/allocation-rag";

// RAG in words with the reasons listed: never colour alone (WCAG 1.4.1).
const STYLES = {
  RED: "border-red-800 bg-red-50 text-red-900",
  AMBER: "border-amber-800 bg-amber-50 text-amber-900",
  GREEN: "border-green-800 bg-green-50 text-green-900",
} as const;

export function RagBadge({ rag }: { rag: Rag }) {
  return (
    <div>
      <span className={`inline-block rounded border px-2 py-0.5 text-sm font-semibold ${STYLES[rag.status]}`}>
        {RAG_LABELS[rag.status]}
      </span>
      <ul className="mt-1 list-none text-sm text-muted">
        {rag.reasons.map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
      </ul>
    </div>
  );
}
