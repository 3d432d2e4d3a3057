import { MILESTONE_STATE_LABELS, type MilestoneState } from "@/lib/portfolio/milestone-rules";
import { StateTag } from "@/components/portfolio/reviews/page-header";

const TONE: Record<MilestoneState, "good" | "bad" | "warn" | "neutral"> = {
  DONE: "good",
  OVERDUE: "bad",
  DUE_SOON: "warn",
  UPCOMING: "neutral",
};

export function MilestoneStateTag({ state }: { state: MilestoneState }) {
  return <StateTag tone={TONE[state]}>{MILESTONE_STATE_LABELS[state]}</StateTag>;
}
