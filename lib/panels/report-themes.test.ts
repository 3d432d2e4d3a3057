import { panelReportThemes, type ScrutinisedItem } from "./report-themes";

const item = (decision: ScrutinisedItem["decision"], no: Array<keyof ScrutinisedItem> = []): ScrutinisedItem => {
  const answer = (key: keyof ScrutinisedItem) => (decision === null ? null : !no.includes(key));
  return {
    decision,
    evidenceSufficient: answer("evidenceSufficient"),
    holisticJudgementSupported: answer("holisticJudgementSupported"),
    pcfDomainsEvidenced: answer("pcfDomainsEvidenced"),
    serviceUserFeedbackPresent: answer("serviceUserFeedbackPresent"),
    signaturesComplete: answer("signaturesComplete"),
  };
};

describe("a panel report's themes", () => {
  it("counts decisions and the criteria PADs fell short on, most common first", () => {
    const themes = panelReportThemes([
      item("CONFIRMED"),
      item("CONFIRMED_WITH_FEEDBACK", ["serviceUserFeedbackPresent"]),
      item("RETURNED_FOR_EVIDENCE", ["evidenceSufficient", "serviceUserFeedbackPresent"]),
      item("CONFIRMED"),
      item(null),
    ]);
    expect(themes.decided).toBe(4);
    expect(themes.undecided).toBe(1);
    expect(themes.decisions.map((row) => [row.decision, row.count])).toEqual([
      ["CONFIRMED", 2],
      ["CONFIRMED_WITH_FEEDBACK", 1],
      ["RETURNED_FOR_EVIDENCE", 1],
    ]);
    expect(themes.shortfalls.map((row) => [row.key, row.count])).toEqual([
      ["serviceUserFeedbackPresent", 2],
      ["evidenceSufficient", 1],
    ]);
  });

  it("has nothing to say about a panel with no decisions yet", () => {
    expect(panelReportThemes([item(null), item(null)])).toEqual({
      decided: 0,
      undecided: 2,
      decisions: [],
      shortfalls: [],
    });
  });
});
