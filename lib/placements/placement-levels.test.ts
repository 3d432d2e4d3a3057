import { isPlacementLevel, placementDefaults } from "@/lib/placements/placement-levels";

describe("defaults by placement level", () => {
  it("a first placement needs 70 days and 2 direct observations", () => {
    expect(placementDefaults("FIRST")).toEqual({ requiredDays: 70, observationsRequired: 2 });
  });

  it("a final placement needs 100 days and 3 direct observations", () => {
    expect(placementDefaults("FINAL")).toEqual({ requiredDays: 100, observationsRequired: 3 });
  });

  it("knows only the two levels", () => {
    expect(["FIRST", "FINAL"].every(isPlacementLevel)).toBe(true);
    expect(["first", "SECOND", "", null].some(isPlacementLevel)).toBe(false);
  });
});
