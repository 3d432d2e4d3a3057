import { frameworkInForceOn, frameworksInForceOn, newVersionStartProblem } from "@/lib/frameworks/in-force";

describe("the version of a framework in force on a day", () => {
  const kss = { effectiveFrom: "2018-04-01", effectiveTo: "2027-04-01" };

  it("is in force from its first day, not the day before", () => {
    expect(frameworkInForceOn(kss, "2018-04-01")).toBe(true);
    expect(frameworkInForceOn(kss, "2018-03-31")).toBe(false);
  });

  it("is in force on the day before its successor starts, not on that day", () => {
    expect(frameworkInForceOn(kss, "2027-03-31")).toBe(true);
    expect(frameworkInForceOn(kss, "2027-04-01")).toBe(false);
  });

  it("stays in force without an end date", () => {
    expect(frameworkInForceOn({ effectiveFrom: "2018-06-01", effectiveTo: null }, "2099-12-31")).toBe(true);
  });

  it("is the same rule as a query: from included, to excluded", () => {
    expect(frameworksInForceOn("2027-04-01")).toEqual({
      effectiveFrom: { lte: new Date("2027-04-01T00:00:00.000Z") },
      OR: [{ effectiveTo: null }, { effectiveTo: { gt: new Date("2027-04-01T00:00:00.000Z") } }],
    });
  });
});

describe("a new version of a framework", () => {
  it("must start after the current version began: the day after is fine, the same day is not", () => {
    expect(newVersionStartProblem("2018-06-01", "2018-06-02")).toBeNull();
    expect(newVersionStartProblem("2018-06-01", "2018-06-01")).toMatch(/after 2018-06-01/);
    expect(newVersionStartProblem("2018-06-01", "2018-05-31")).toMatch(/after 2018-06-01/);
  });
});
