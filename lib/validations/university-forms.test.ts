import { panelDecisionSchema } from "./panels";
import { registerEntrySchema } from "./pe-register";

// useActionForm sends the schema's parsed output to the server action, which
// parses it again: each form's schema must accept its own output.
describe("the university forms' schemas accept their own output", () => {
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
    expect(panelDecisionSchema.parse(once)).toEqual(once);
    expect(panelDecisionSchema.safeParse({ ...raw, evidenceSufficient: "maybe" }).success).toBe(false);
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
    expect(registerEntrySchema.parse(once)).toEqual(once);
  });
});
