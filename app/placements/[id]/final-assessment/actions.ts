"use server";
// Server actions for the final assessment. Each resolves the signed-in user
// itself; lib/portfolio/final-assessment checks what that user may do.
import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/current-user";
import { runAction, type ActionResult } from "@/lib/action-result";
import {
  saveFinalAssessmentPeParts,
  saveFinalReflection,
  startFinalAssessment,
} from "@/lib/portfolio/write-final-assessment";
import { ratifyFinalAssessment, signFinalAssessment } from "@/lib/portfolio/sign-final-assessment";
import type {
  FinalAssessmentPeInput,
  FinalReflectionInput,
  SignFinalAssessmentInput,
} from "@/lib/validations/final-assessment";

function revalidate(placementId: string) {
  revalidatePath(`/placements/${placementId}/final-assessment`);
  revalidatePath(`/placements/${placementId}/pad`);
  revalidatePath("/ratification");
  revalidatePath("/");
}

export async function startFinalAssessmentAction(placementId: string) {
  const user = await requireUser();
  const result = await runAction(() => startFinalAssessment(user, placementId));
  if (result.ok) revalidate(placementId);
  return result;
}

export async function saveFinalAssessmentAction(placementId: string, input: FinalAssessmentPeInput) {
  const user = await requireUser();
  const result = await runAction(() => saveFinalAssessmentPeParts(user, placementId, input));
  if (result.ok) revalidatePath(`/placements/${placementId}/final-assessment`);
  return result;
}

export async function saveFinalReflectionAction(placementId: string, input: FinalReflectionInput) {
  const user = await requireUser();
  const result = await runAction(() => saveFinalReflection(user, placementId, input));
  if (result.ok) revalidatePath(`/placements/${placementId}/final-assessment`);
  return result;
}

export async function signFinalAssessmentAction(
  placementId: string,
  assessmentId: string,
  input: SignFinalAssessmentInput,
) {
  const user = await requireUser();
  const result = await runAction(() => signFinalAssessment(user, assessmentId, input));
  if (result.ok) revalidate(placementId);
  return result;
}

/** Where a refused signature leaves the draft: saved, at this version (the page carries on from it). */
export type SavedDraft = { savedVersion: number };

/**
 * The PE's latest text is saved, then the PE signs over that version. If the
 * signature is refused (the report is incomplete), the draft stays saved and
 * the refusal says at which version.
 */
export async function saveAndSignFinalReportAction(
  placementId: string,
  assessmentId: string,
  input: FinalAssessmentPeInput,
): Promise<ActionResult<{ id: string; version: number }>> {
  const user = await requireUser();
  const saved = await runAction(() => saveFinalAssessmentPeParts(user, placementId, input));
  if (!saved.ok) return saved;
  revalidatePath(`/placements/${placementId}/final-assessment`);
  const signed = await runAction(() =>
    signFinalAssessment(user, assessmentId, { as: "PRACTICE_EDUCATOR", version: saved.data.version }),
  );
  if (signed.ok) revalidate(placementId);
  const details: SavedDraft = { savedVersion: saved.data.version };
  return signed.ok ? signed : { ...signed, details };
}

/** The student's reflection is saved, then the student signs; a refused signature leaves the reflection saved. */
export async function saveAndSignReflectionAction(
  placementId: string,
  assessmentId: string,
  input: FinalReflectionInput,
): Promise<ActionResult<{ id: string; reflectionVersion: number }>> {
  const user = await requireUser();
  const saved = await runAction(() => saveFinalReflection(user, placementId, input));
  if (!saved.ok) return saved;
  revalidatePath(`/placements/${placementId}/final-assessment`);
  const signed = await runAction(() => signFinalAssessment(user, assessmentId, { as: "STUDENT" }));
  if (signed.ok) revalidate(placementId);
  const details: SavedDraft = { savedVersion: saved.data.reflectionVersion };
  return signed.ok ? { ok: true, data: saved.data } : { ...signed, details };
}

export async function ratifyFinalAssessmentAction(placementId: string, assessmentId: string) {
  const user = await requireUser();
  const result = await runAction(() => ratifyFinalAssessment(user, assessmentId, {}));
  if (result.ok) revalidate(placementId);
  return result;
}
