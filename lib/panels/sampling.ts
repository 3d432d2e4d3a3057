// Which completed final assessments a Practice Assessment Panel scrutinises
// (docs/domain.md "Practice Assessment Panels"). Every fail and refer, every
// borderline case, every assessment by a practice educator new to the role,
// and every one sent back by an earlier panel that the PE has answered are
// in the sample; of the rest, a percentage chosen at random. The random part
// is seeded and the seed recorded, so the same candidates and seed always
// give the same sample (an external examiner can check how it was drawn).

export type SampleReason =
  "FAIL_OR_REFER" | "BORDERLINE" | "NEW_PRACTICE_EDUCATOR" | "RETURNED_FROM_EARLIER_PANEL" | "RANDOM";

export type SampleCandidate = {
  assessmentId: string;
  recommendation: "PASS" | "FAIL" | "REFER" | null;
  borderline: boolean;
  newPracticeEducator: boolean;
  returnedFromEarlierPanel: boolean;
};

export type SampledAssessment = { assessmentId: string; reasons: SampleReason[] };

/** A borderline case: a cause for concern was raised, or the midpoint review recorded concerns. */
export function isBorderline(placement: { concernsRaised: number; midpointRecommendation: string | null }): boolean {
  return placement.concernsRaised > 0 || placement.midpointRecommendation === "CONCERNS";
}

/**
 * A practice educator new to the role: at PEPS stage 1 (still training), or
 * assessing their first student (no earlier completed final assessment).
 */
export function isNewPracticeEducator(pe: { pepsStage: string | null; earlierCompletedAssessments: number }): boolean {
  return pe.pepsStage !== "STAGE_2" || pe.earlierCompletedAssessments === 0;
}

/** Why a candidate must be in the sample, in the order the panel reads them; [] when it need not be. */
export function mandatoryReasons(candidate: SampleCandidate): SampleReason[] {
  const reasons: SampleReason[] = [];
  if (candidate.returnedFromEarlierPanel) reasons.push("RETURNED_FROM_EARLIER_PANEL");
  if (candidate.recommendation === "FAIL" || candidate.recommendation === "REFER") reasons.push("FAIL_OR_REFER");
  if (candidate.borderline) reasons.push("BORDERLINE");
  if (candidate.newPracticeEducator) reasons.push("NEW_PRACTICE_EDUCATOR");
  return reasons;
}

/** How many of `count` remaining assessments a percentage asks for: rounded up, so 10% of 3 is 1, not 0. */
export function randomShare(count: number, percent: number): number {
  if (count <= 0 || percent <= 0) return 0;
  return Math.min(count, Math.ceil((count * Math.min(percent, 100)) / 100));
}

// A small, well-known seeded generator (mulberry32) over a string hash (FNV-1a):
// the sample must be reproducible, not cryptographically random.
function hashSeed(seed: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < seed.length; index++) {
    hash ^= seed.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function generator(seed: string) {
  let state = hashSeed(seed);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The panel's sample. The candidates' order does not matter (they are sorted
 * by id first), so the same candidates and seed always give the same sample.
 */
export function drawSample(
  candidates: SampleCandidate[],
  options: { randomPercent: number; seed: string },
): SampledAssessment[] {
  const sorted = [...candidates].sort((a, b) => (a.assessmentId < b.assessmentId ? -1 : 1));
  const sample: SampledAssessment[] = [];
  const rest: string[] = [];
  for (const candidate of sorted) {
    const reasons = mandatoryReasons(candidate);
    if (reasons.length > 0) sample.push({ assessmentId: candidate.assessmentId, reasons });
    else rest.push(candidate.assessmentId);
  }
  // Fisher–Yates with the seeded generator, then the first share of the shuffled rest.
  const random = generator(options.seed);
  for (let index = rest.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [rest[index], rest[other]] = [rest[other], rest[index]];
  }
  for (const assessmentId of rest.slice(0, randomShare(rest.length, options.randomPercent)))
    sample.push({ assessmentId, reasons: ["RANDOM"] });
  return sample;
}

export const SAMPLE_REASON_LABELS: Record<SampleReason, string> = {
  FAIL_OR_REFER: "Fail or refer recommended",
  BORDERLINE: "Borderline (a concern was raised)",
  NEW_PRACTICE_EDUCATOR: "Practice educator new to the role",
  RETURNED_FROM_EARLIER_PANEL: "Returned by an earlier panel, answered by the PE",
  RANDOM: "Random sample of the rest",
};
