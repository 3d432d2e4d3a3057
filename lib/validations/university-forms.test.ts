import { panelDecisionSchema } from "./panels";
import { registerEntrySchema } from "./pe-register";

// useActionForm sends the form's raw values to the server action, which parses
// them with the same schema (tests/unit/action-components.test.tsx): each
// schema takes what its form sends, and only that.
describe("the university forms' schemas take what their form sends", () => {
  it("takes a panel decision as the form sends it", () => {
    const raw = {
      evidenceSufficient: "yes",
      holisticJudgementSupported: "no",
      pcfDomainsEvidenced: "yes",
      serviceUserFeedbackPresent: "yes",
      signaturesComplete: "yes",
      decision: "CONFIRMED",
      decisionReasons: "Well evidenced throughout the portfolio.",
      feedbackForPe: "",
      version: 1,
    };
    const once = panelDecisionSchema.parse(raw);
    expect(once.holisticJudgementSupported).toBe(false);
    expect(panelDecisionSchema.safeParse({ ...raw, evidenceSufficient: "maybe" }).success).toBe(false);
    expect(panelDecisionSchema.safeParse({ ...raw, evidenceSufficient: true }).success).toBe(false);
  });

  it("takes a register entry with no PEPS stage as the form sends it", () => {
    const once = registerEntrySchema.parse({
      pepsStage: "",
      qualifiedOn: "",
      lastRefresherOn: "",
      capacity: "1",
      notes: "",
      version: 0,
    });
    expect(once.pepsStage).toBeNull();
    expect(registerEntrySchema.safeParse({ ...once, pepsStage: "STAGE_3" }).success).toBe(false);
  });
});
