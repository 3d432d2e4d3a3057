import { DEFAULT_OBSERVATIONS_REQUIRED } from "@/lib/portfolio/milestone-rules";

export type PlacementLevelName = "FIRST" | "FINAL";

/** Placement days a placement of each level needs (Social Work England: 70 on the first, 100 on the final). */
const REQUIRED_DAYS: Record<PlacementLevelName, number> = { FIRST: 70, FINAL: 100 };

export function isPlacementLevel(value: unknown): value is PlacementLevelName {
  return value === "FIRST" || value === "FINAL";
}

/**
 * What a new placement of a level needs unless the university says otherwise
 * (docs/domain.md "Placements"): its required days and direct observations.
 */
export function placementDefaults(level: PlacementLevelName) {
  return { requiredDays: REQUIRED_DAYS[level], observationsRequired: DEFAULT_OBSERVATIONS_REQUIRED[level] };
}
