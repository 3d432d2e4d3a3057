/** The version a refused signature left the draft at (the save before it stands), if the refusal says so. */
export function savedVersionIn(details: unknown): number | undefined {
  if (typeof details !== "object" || details === null || !("savedVersion" in details)) return undefined;
  return typeof details.savedVersion === "number" ? details.savedVersion : undefined;
}
