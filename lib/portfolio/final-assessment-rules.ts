// The final assessment's sign-off (docs/domain.md "Observations, reviews,
// concerns and the final assessment"):
// the PE writes the holistic report and signs; the student (and the on-site
// supervisor, where there is one) then sign in any order. A PEPS stage 1 PE's
// final-placement assessment is not complete until a stage 2 PE of the team,
// who is not the assessor, ratifies it.

export type FinalStatusName = "DRAFT" | "PE_SIGNED" | "AWAITING_RATIFICATION" | "COMPLETE";
export type PepsStageName = "STAGE_1" | "STAGE_2";
export type PlacementLevelName = "FIRST" | "FINAL";
export type SignAs = "PRACTICE_EDUCATOR" | "STUDENT" | "ONSITE_SUPERVISOR";

export const FINAL_STATUS_LABELS: Record<FinalStatusName, string> = {
  DRAFT: "Draft: the practice educator is writing the report",
  PE_SIGNED: "Signed by the practice educator, waiting for the other signatures",
  AWAITING_RATIFICATION: "Signed by all, waiting for a stage 2 practice educator to ratify it",
  COMPLETE: "Complete",
};

export const RECOMMENDATION_LABELS = { PASS: "Pass", FAIL: "Fail", REFER: "Refer" } as const;

/** The PE's parts (summary, domains, recommendation, plan) change only until the PE signs. */
export function peFieldsEditable(status: FinalStatusName): boolean {
  return status === "DRAFT";
}

/** The student's reflective summary changes until the student signs. */
export function studentReflectionEditable(status: FinalStatusName, studentSignedAt: Date | string | null): boolean {
  return studentSignedAt === null && (status === "DRAFT" || status === "PE_SIGNED");
}

/** A stage 1 PE alone may not take a final placement's final assessment. */
export function needsRatification(level: PlacementLevelName, assessorStage: PepsStageName | null | undefined): boolean {
  return level === "FINAL" && assessorStage !== "STAGE_2";
}

/** The warning shown on the final assessment page, or null when none is needed. */
export function ratifierWarning(
  level: PlacementLevelName,
  assessorStage: PepsStageName | null | undefined,
): string | null {
  if (!needsRatification(level, assessorStage)) return null;
  return assessorStage === "STAGE_1"
    ? "This is a final placement assessed by a PEPS stage 1 practice educator: it needs a stage 2 practice educator to ratify the final assessment before it is complete."
    : "The practice educator's PEPS stage is not recorded: on a final placement the assessment will need a stage 2 practice educator to ratify it.";
}

export type PeParts = {
  holisticSummary: string;
  recommendation: string | null;
  /** Text per PCF domain, keyed by the domain's code. */
  domains: Record<string, string>;
};

/** What the PE must still write before signing, as field errors (empty when ready). */
export function missingBeforePeSigns(parts: PeParts, domainCodes: readonly string[]): Record<string, string[]> {
  const missing: Record<string, string[]> = {};
  if (!parts.holisticSummary.trim()) missing.holisticSummary = ["Write the holistic summary before you sign"];
  if (!parts.recommendation) missing.recommendation = ["Choose your recommendation before you sign"];
  for (const code of domainCodes) {
    if (!(parts.domains[code] ?? "").trim())
      missing[`domains.${code}`] = ["Write your assessment of this domain before you sign"];
  }
  return missing;
}

export type SignState = {
  status: FinalStatusName;
  studentSignedAt: Date | string | null;
  onsiteSignedAt: Date | string | null;
  /** The placement has an on-site supervisor, whose signature is then needed too. */
  hasOnsiteSupervisor: boolean;
  level: PlacementLevelName;
  assessorStage: PepsStageName | null | undefined;
};

export type SignResult = { ok: true; status: FinalStatusName } | { ok: false; reason: string };

/** The status once the student's and on-site supervisor's signatures are counted. */
function afterCoSignatures(state: SignState, studentSigned: boolean, onsiteSigned: boolean): FinalStatusName {
  if (!studentSigned || (state.hasOnsiteSupervisor && !onsiteSigned)) return "PE_SIGNED";
  return needsRatification(state.level, state.assessorStage) ? "AWAITING_RATIFICATION" : "COMPLETE";
}

/** Signs as one of the parties; the caller has already checked who the user is. */
export function sign(as: SignAs, state: SignState): SignResult {
  switch (as) {
    case "PRACTICE_EDUCATOR":
      if (state.status !== "DRAFT")
        return { ok: false, reason: "The practice educator has already signed this final assessment." };
      return { ok: true, status: "PE_SIGNED" };
    case "STUDENT":
      if (state.status === "DRAFT")
        return { ok: false, reason: "The practice educator signs first: the report is still a draft." };
      if (state.studentSignedAt) return { ok: false, reason: "The student has already signed this final assessment." };
      return { ok: true, status: afterCoSignatures(state, true, Boolean(state.onsiteSignedAt)) };
    case "ONSITE_SUPERVISOR":
      if (!state.hasOnsiteSupervisor) return { ok: false, reason: "This placement has no on-site supervisor." };
      if (state.status === "DRAFT")
        return { ok: false, reason: "The practice educator signs first: the report is still a draft." };
      if (state.onsiteSignedAt)
        return { ok: false, reason: "The on-site supervisor has already signed this final assessment." };
      return { ok: true, status: afterCoSignatures(state, Boolean(state.studentSignedAt), true) };
  }
}

/** Who still has to act, in words, for the status line. */
export function waitingFor(state: SignState): string[] {
  switch (state.status) {
    case "DRAFT":
      return ["the practice educator to complete and sign the report"];
    case "PE_SIGNED":
      return [
        ...(state.studentSignedAt ? [] : ["the student to sign"]),
        ...(state.hasOnsiteSupervisor && !state.onsiteSignedAt ? ["the on-site supervisor to sign"] : []),
      ];
    case "AWAITING_RATIFICATION":
      return ["a stage 2 practice educator to ratify it"];
    case "COMPLETE":
      return [];
  }
}
