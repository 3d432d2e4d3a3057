import { ASSESSMENT_DUE_LABELS, type AssessmentDueState } from "@/lib/children/assessment-due";

// The state is always written out: colour only reinforces it (WCAG 1.4.1).
const DUE_STYLES: Record<AssessmentDueState, string> = {
  ON_TRACK: "border-green-800 bg-green-50 text-green-900",
  NEAR_DUE: "border-amber-800 bg-amber-50 text-amber-900",
  OVERDUE: "border-red-800 bg-red-50 text-red-900",
  COMPLETED: "border-gray-700 bg-gray-100 text-gray-900",
};

export function AssessmentDueBadge({ state }: { state: AssessmentDueState }) {
  return (
    <span className={`inline-block max-w-full rounded border px-2 py-0.5 text-sm font-semibold ${DUE_STYLES[state]}`}>
      {ASSESSMENT_DUE_LABELS[state]}
    </span>
  );
}
