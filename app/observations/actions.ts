"use server";
// Server actions for direct observations. Each resolves the signed-in user
// itself; lib/portfolio/observations.ts checks what that user may do.
import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/current-user";
import { runAction } from "@/lib/action-result";
import { planObservation, updateObservation } from "@/lib/portfolio/observations";
import type { PlanObservationInput, UpdateObservationInput } from "@/lib/validations/observation";

export async function planObservationAction(placementId: string, input: PlanObservationInput) {
  const user = await requireUser();
  const result = await runAction(() => planObservation(user, placementId, input));
  if (result.ok) revalidatePath(`/placements/${placementId}/observations`);
  return result;
}

export async function updateObservationAction(observationId: string, input: UpdateObservationInput) {
  const user = await requireUser();
  const result = await runAction(() => updateObservation(user, observationId, input));
  if (result.ok) {
    revalidatePath(`/observations/${observationId}`);
    revalidatePath("/placements/[id]/observations", "page");
  }
  return result;
}
