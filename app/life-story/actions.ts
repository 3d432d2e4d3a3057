"use server";
// Server actions for life story work. Each resolves the signed-in user itself;
// lib/children/life-story checks what that user may do.
import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/current-user";
import { runAction } from "@/lib/action-result";
import { signOffLifeStoryWork, updateLifeStoryStage } from "@/lib/children/life-story";
import type { UpdateLifeStoryStageInput } from "@/lib/validations/child-work";

export async function updateLifeStoryStageAction(workId: string, stage: string, input: UpdateLifeStoryStageInput) {
  const user = await requireUser();
  const result = await runAction(() => updateLifeStoryStage(user, workId, stage, input));
  if (result.ok) revalidatePath(`/life-story/${workId}`);
  return result;
}

export async function signOffLifeStoryAction(workId: string) {
  const user = await requireUser();
  const result = await runAction(() => signOffLifeStoryWork(user, workId));
  if (result.ok) revalidatePath(`/life-story/${workId}`);
  return result;
}
