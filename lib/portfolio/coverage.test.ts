import { coverageOf } from "@/lib/portfolio/coverage";

const items = [
  { id: "b", number: 2, name: "Values and Ethics" },
  { id: "a", number: 1, name: "Professionalism" },
  { id: "c", number: 3, name: "Diversity and Equality" },
];

describe("coverage", () => {
  it("counts links and accepted links per domain, in domain order, and marks gaps", () => {
    const coverage = coverageOf(items, [
      { frameworkItemId: "a", status: "ACCEPTED" },
      { frameworkItemId: "a", status: "SUBMITTED" },
      { frameworkItemId: "b", status: "CHANGES_REQUESTED" },
    ]);
    expect(coverage.rows.map((row) => [row.name, row.total, row.accepted, row.state, row.gap])).toEqual([
      ["Professionalism", 2, 1, "EVIDENCED", false],
      ["Values and Ethics", 1, 0, "NOT_ACCEPTED", true],
      ["Diversity and Equality", 0, 0, "NONE", true],
    ]);
    expect(coverage).toMatchObject({ domains: 3, domainsEvidenced: 1, gaps: 2 });
  });

  it("ignores links to items outside the framework", () => {
    const coverage = coverageOf(items, [{ frameworkItemId: "zzz", status: "ACCEPTED" }]);
    expect(coverage.gaps).toBe(3);
  });
});
