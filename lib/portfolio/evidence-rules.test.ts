import {
  capabilitiesByFramework,
  compareFrameworkCodes,
  evidenceDateProblem,
  evidenceEditable,
  evidenceLockedReason,
  reviewDecisionProblem,
} from "@/lib/portfolio/evidence-rules";

describe("the date of evidence", () => {
  it("may be today, and not tomorrow", () => {
    expect(evidenceDateProblem("2026-12-03", "2026-12-03")).toBeNull();
    expect(evidenceDateProblem("2026-12-02", "2026-12-03")).toBeNull();
    expect(evidenceDateProblem("2026-12-04", "2026-12-03")).toMatch(/cannot be in the future/);
  });
});

describe("who changes evidence when", () => {
  it("lets the student edit a draft or an item sent back, and nothing submitted or accepted", () => {
    expect(evidenceEditable("DRAFT")).toBe(true);
    expect(evidenceEditable("CHANGES_REQUESTED")).toBe(true);
    expect(evidenceEditable("SUBMITTED")).toBe(false);
    expect(evidenceEditable("ACCEPTED")).toBe(false);
  });

  it("says why a submitted or accepted item is locked, and nothing for an editable one", () => {
    expect(evidenceLockedReason("SUBMITTED")).toMatch(/with your practice educator/);
    expect(evidenceLockedReason("ACCEPTED")).toMatch(/addendum/);
    expect(evidenceLockedReason("DRAFT")).toBeNull();
    expect(evidenceLockedReason("CHANGES_REQUESTED")).toBeNull();
  });

  it("lets the PE decide on submitted evidence only", () => {
    expect(reviewDecisionProblem("SUBMITTED")).toBeNull();
    expect(reviewDecisionProblem("ACCEPTED")).toMatch(/already been accepted/);
    expect(reviewDecisionProblem("DRAFT")).toMatch(/"Draft", not submitted/);
    expect(reviewDecisionProblem("CHANGES_REQUESTED")).toMatch(/"Changes requested", not submitted/);
  });
});

describe("the order frameworks are listed in", () => {
  it("puts the PCF first, then SWE, KSS and any other framework by its code", () => {
    expect(["KSS", "ZZZ", "SWE", "AAA", "PCF"].sort(compareFrameworkCodes)).toEqual([
      "PCF",
      "SWE",
      "KSS",
      "AAA",
      "ZZZ",
    ]);
  });
});

describe("an item's capabilities, grouped by framework", () => {
  it("keeps each framework's numbers apart, PCF first, by number within each", () => {
    expect(
      capabilitiesByFramework([
        { framework: "KSS", number: 5, name: "Abuse and neglect of children" },
        { framework: "PCF", number: 7, name: "Skills and Interventions" },
        { framework: "PCF", number: 5, name: "Knowledge" },
      ]),
    ).toEqual([
      { framework: "PCF", capabilities: ["5. Knowledge", "7. Skills and Interventions"] },
      { framework: "KSS", capabilities: ["5. Abuse and neglect of children"] },
    ]);
  });

  it("is empty for an item mapped to nothing", () => {
    expect(capabilitiesByFramework([])).toEqual([]);
  });
});
