import {
  drawSample,
  isBorderline,
  isNewPracticeEducator,
  mandatoryReasons,
  randomShare,
  type SampleCandidate,
} from "./sampling";

const pass = (assessmentId: string, extra: Partial<SampleCandidate> = {}): SampleCandidate => ({
  assessmentId,
  recommendation: "PASS",
  borderline: false,
  newPracticeEducator: false,
  returnedFromEarlierPanel: false,
  ...extra,
});

const passes = (count: number) =>
  Array.from({ length: count }, (_, index) => pass(`p${String(index).padStart(3, "0")}`));
const ids = (sample: Array<{ assessmentId: string }>) => sample.map((item) => item.assessmentId);

describe("the mandatory part of the sample", () => {
  it("includes every fail and refer, borderline case, new PE and answered return, with the reasons", () => {
    const candidates = [
      pass("fail", { recommendation: "FAIL" }),
      pass("refer", { recommendation: "REFER" }),
      pass("borderline", { borderline: true }),
      pass("newpe", { newPracticeEducator: true }),
      pass("returned", { returnedFromEarlierPanel: true }),
      pass("both", { recommendation: "FAIL", newPracticeEducator: true }),
      ...passes(50),
    ];
    const sample = drawSample(candidates, { randomPercent: 0, seed: "s" });
    expect(sample).toEqual([
      { assessmentId: "borderline", reasons: ["BORDERLINE"] },
      { assessmentId: "both", reasons: ["FAIL_OR_REFER", "NEW_PRACTICE_EDUCATOR"] },
      { assessmentId: "fail", reasons: ["FAIL_OR_REFER"] },
      { assessmentId: "newpe", reasons: ["NEW_PRACTICE_EDUCATOR"] },
      { assessmentId: "refer", reasons: ["FAIL_OR_REFER"] },
      { assessmentId: "returned", reasons: ["RETURNED_FROM_EARLIER_PANEL"] },
    ]);
  });

  it("needs no reason for a plain pass by an experienced PE", () => {
    expect(mandatoryReasons(pass("a"))).toEqual([]);
    expect(mandatoryReasons(pass("a", { recommendation: null }))).toEqual([]);
  });
});

describe("the random part of the sample", () => {
  it("takes the percentage of the rest, rounded up, never the mandatory ones twice", () => {
    const candidates = [pass("fail", { recommendation: "FAIL" }), ...passes(40)];
    const sample = drawSample(candidates, { randomPercent: 25, seed: "panel-1" });
    const random = sample.filter((item) => item.reasons[0] === "RANDOM");
    expect(random).toHaveLength(10);
    expect(new Set(ids(sample)).size).toBe(sample.length);
    expect(ids(random)).not.toContain("fail");
  });

  it("rounds a share up so a small cohort still gets one random PAD, and caps at everything", () => {
    expect(randomShare(3, 10)).toBe(1);
    expect(randomShare(0, 50)).toBe(0);
    expect(randomShare(10, 0)).toBe(0);
    expect(randomShare(10, 150)).toBe(10);
    expect(drawSample(passes(5), { randomPercent: 100, seed: "x" })).toHaveLength(5);
  });

  it("is reproducible by seed, whatever order the candidates come in", () => {
    const candidates = passes(30);
    const first = drawSample(candidates, { randomPercent: 20, seed: "2026-spring" });
    const again = drawSample([...candidates].reverse(), { randomPercent: 20, seed: "2026-spring" });
    expect(again).toEqual(first);
  });

  it("draws a different sample with another seed", () => {
    const candidates = passes(30);
    const first = ids(drawSample(candidates, { randomPercent: 20, seed: "seed-a" }));
    const other = ids(drawSample(candidates, { randomPercent: 20, seed: "seed-b" }));
    expect(other).not.toEqual(first);
  });
});

describe("who counts as borderline or new to the role", () => {
  it("is borderline with a concern raised or concerns at the midpoint", () => {
    expect(isBorderline({ concernsRaised: 1, midpointRecommendation: "ON_TRACK" })).toBe(true);
    expect(isBorderline({ concernsRaised: 0, midpointRecommendation: "CONCERNS" })).toBe(true);
    expect(isBorderline({ concernsRaised: 0, midpointRecommendation: "ON_TRACK" })).toBe(false);
    expect(isBorderline({ concernsRaised: 0, midpointRecommendation: null })).toBe(false);
  });

  it("is new to the role at PEPS stage 1, with no stage recorded, or on a first assessment", () => {
    expect(isNewPracticeEducator({ pepsStage: "STAGE_1", earlierCompletedAssessments: 5 })).toBe(true);
    expect(isNewPracticeEducator({ pepsStage: null, earlierCompletedAssessments: 5 })).toBe(true);
    expect(isNewPracticeEducator({ pepsStage: "STAGE_2", earlierCompletedAssessments: 0 })).toBe(true);
    expect(isNewPracticeEducator({ pepsStage: "STAGE_2", earlierCompletedAssessments: 2 })).toBe(false);
  });
});
