"use server";
// Server actions for the final assessment. Each resolves the signed-in user
// itself; lib/portfolio/final-assessment checks what that user may do.
import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/current-user";
import { runAction } from "@/lib/action-result";
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

export async function ratifyFinalAssessmentAction(placementId: string, assessmentId: string) {
  const user = await requireUser();
  const result = await runAction(() => ratifyFinalAssessment(user, assessmentId, {}));
  if (result.ok) revalidate(placementId);
  return result;
}
