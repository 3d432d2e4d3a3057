import { StateTag } from "@/components/portfolio/reviews/page-header";

export function ConcernStateTag({ status, label }: { status: string; label: string }) {
  return <StateTag tone={status === "OPEN" ? "bad" : "good"}>{status === "OPEN" ? `Open: ${label.replace(/^Raised: /, "")}` : label}</StateTag>;
}
