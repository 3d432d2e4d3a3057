"use server";
// Server actions are public POST endpoints: each one resolves the signed-in
// user itself and goes through lib/qapl, which checks what that user may do.
import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/current-user";
import { runAction } from "@/lib/action-result";
import { submitQaplEvaluation } from "@/lib/qapl/qapl";
import type { QaplEvaluationInput } from "@/lib/validations/qapl";

export async function submitQaplEvaluationAction(placementId: string, input: QaplEvaluationInput) {
  const user = await requireUser();
  const result = await runAction(() => submitQaplEvaluation(user, placementId, input));
  if (result.ok) revalidatePath(`/placements/${placementId}/qapl`);
  return result;
}
