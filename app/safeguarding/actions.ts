"use server";
// Server actions for safeguarding concerns. Each resolves the signed-in user
// itself; lib/children/safeguarding checks what that user may do.
import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/current-user";
import { runAction } from "@/lib/action-result";
import { raiseSafeguardingConcern, recordSafeguardingResponse } from "@/lib/children/safeguarding";
import type { SafeguardingConcernInput } from "@/lib/validations/children";
import type { SafeguardingResponseInput } from "@/lib/validations/child-work";

/** Concerns show on the home pages, the safeguarding list, the child's record and the header's notification count. */
function revalidateConcerns() {
  revalidatePath("/", "layout");
}

export async function raiseSafeguardingConcernAction(input: SafeguardingConcernInput) {
  const user = await requireUser();
  const result = await runAction(() => raiseSafeguardingConcern(user, input));
  if (result.ok) revalidateConcerns();
  return result;
}

export async function recordSafeguardingResponseAction(concernId: string, input: SafeguardingResponseInput) {
  const user = await requireUser();
  const result = await runAction(() => recordSafeguardingResponse(user, concernId, input));
  if (result.ok) revalidateConcerns();
  return result;
}
