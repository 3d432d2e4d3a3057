"use server";
// Server actions for the review meetings; lib/portfolio/milestones.ts checks what the user may do.
import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/current-user";
import { runAction } from "@/lib/action-result";
import { recordMilestone } from "@/lib/portfolio/milestones";
import type { RecordMilestoneInput } from "@/lib/validations/milestone";

export async function recordMilestoneAction(placementId: string, kind: string, input: RecordMilestoneInput) {
  const user = await requireUser();
  const result = await runAction(() => recordMilestone(user, placementId, kind, input));
  if (result.ok) {
    revalidatePath(`/placements/${placementId}/reviews`);
    revalidatePath(`/placements/${placementId}`);
  }
  return result;
}
