"use server";
// Server actions for causes for concern; lib/portfolio/concerns.ts checks what the user may do.
import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/current-user";
import { runAction } from "@/lib/action-result";
import { addConcernAction, raiseConcern, recordConcernEvent, setConcernActionDone } from "@/lib/portfolio/concerns";
import type {
  ConcernActionDoneInput,
  ConcernActionInput,
  ConcernEventInput,
  RaiseConcernInput,
} from "@/lib/validations/concern";

function revalidateConcerns(concernId?: string) {
  if (concernId) revalidatePath(`/concerns/${concernId}`);
  revalidatePath("/placements/[id]/concerns", "page");
  revalidatePath("/");
}

export async function raiseConcernAction(placementId: string, input: RaiseConcernInput) {
  const user = await requireUser();
  const result = await runAction(() => raiseConcern(user, placementId, input));
  if (result.ok) revalidateConcerns(result.data.id);
  return result;
}

export async function recordConcernEventAction(concernId: string, input: ConcernEventInput) {
  const user = await requireUser();
  const result = await runAction(() => recordConcernEvent(user, concernId, input));
  if (result.ok) revalidateConcerns(concernId);
  return result;
}

export async function addActionToConcernAction(concernId: string, input: ConcernActionInput) {
  const user = await requireUser();
  const result = await runAction(() => addConcernAction(user, concernId, input));
  if (result.ok) revalidateConcerns(concernId);
  return result;
}

export async function setConcernActionDoneAction(concernId: string, actionId: string, input: ConcernActionDoneInput) {
  const user = await requireUser();
  const result = await runAction(() => setConcernActionDone(user, actionId, input));
  if (result.ok) revalidateConcerns(concernId);
  return result;
}
