import { StateTag } from "@/components/portfolio/reviews/page-header";

/** "Open: stage 1 meeting to be held", "Closed: resolved": the state in words, not by colour alone. */
export function ConcernStateTag({ status, label }: { status: string; label: string }) {
  if (status !== "OPEN") return <StateTag tone="good">{label}</StateTag>;
  const waiting = label.replace(/^Raised: /, "");
  return <StateTag tone="bad">Open: {waiting.charAt(0).toLowerCase() + waiting.slice(1)}</StateTag>;
}
