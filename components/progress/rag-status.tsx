import { PLACEMENT_RAG_LABELS, type PlacementRag, type RagStatus } from "@/lib/progress/placement-rag";

// RAG as a word and a shape (octagon, triangle, circle), with the reasons
// listed: never the colour alone (WCAG 1.4.1). The shapes follow road signs:
// stop, warning, go.
const STYLES: Record<RagStatus, string> = {
  RED: "border-red-800 bg-red-50 text-red-900",
  AMBER: "border-amber-800 bg-amber-50 text-amber-900",
  GREEN: "border-green-800 bg-green-50 text-green-900",
};

export function RagIcon({ status, className = "h-4 w-4" }: { status: RagStatus; className?: string }) {
  return (
    <svg viewBox="0 0 16 16" className={`inline-block shrink-0 ${className}`} aria-hidden="true" focusable="false">
      {status === "RED" && (
        <>
          <path d="M5 1h6l4 4v6l-4 4H5l-4-4V5z" fill="#a4161a" />
          <path d="M5.5 5.5l5 5m0-5l-5 5" stroke="white" strokeWidth="2" />
        </>
      )}
      {status === "AMBER" && (
        <>
          <path d="M8 1l7.5 14H.5z" fill="#9a4b00" />
          <path d="M8 6v4" stroke="white" strokeWidth="2" />
          <circle cx="8" cy="12.3" r="1.1" fill="white" />
        </>
      )}
      {status === "GREEN" && (
        <>
          <circle cx="8" cy="8" r="7.5" fill="#1e6b3a" />
          <path d="M4.5 8.3l2.3 2.3 4.7-4.8" stroke="white" strokeWidth="2" fill="none" />
        </>
      )}
    </svg>
  );
}

export function RagLabel({ status }: { status: RagStatus }) {
  return (
    <span
      data-rag={status}
      className={`inline-flex max-w-full items-center gap-1 rounded border px-2 py-0.5 text-sm font-semibold print:border-black print:bg-white print:text-black ${STYLES[status]}`}
    >
      <RagIcon status={status} />
      {PLACEMENT_RAG_LABELS[status]}
    </span>
  );
}

export function PlacementRagStatus({ rag, compact = false }: { rag: PlacementRag; compact?: boolean }) {
  return (
    <div>
      <RagLabel status={rag.status} />
      <ul className={`mt-1 list-none text-sm ${compact ? "text-muted" : ""}`}>
        {rag.reasons.map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
      </ul>
    </div>
  );
}
