import { PLACEMENT_STATUS_LABELS, type PlacementStatusName } from "@/lib/placements/status-rules";

// The status is always written out: colour only reinforces it (WCAG 1.4.1).
const STYLES: Record<PlacementStatusName, string> = {
  PLANNED: "border-sky-800 bg-sky-50 text-sky-900",
  ACTIVE: "border-green-800 bg-green-50 text-green-900",
  SUSPENDED: "border-amber-800 bg-amber-50 text-amber-900",
  COMPLETED: "border-gray-700 bg-gray-100 text-gray-900",
  ENDED_EARLY: "border-red-800 bg-red-50 text-red-900",
};

export function PlacementStatusBadge({ status }: { status: PlacementStatusName }) {
  return (
    <span className={`inline-block max-w-full rounded border px-2 py-0.5 text-sm font-semibold ${STYLES[status]}`}>
      {PLACEMENT_STATUS_LABELS[status]}
    </span>
  );
}
