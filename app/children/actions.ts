"use server";
// Server actions are public POST endpoints: each resolves the signed-in user and goes through lib/.
import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/current-user";
import { runAction } from "@/lib/action-result";
import { createChild } from "@/lib/children/child-records";
import { anonymiseChild } from "@/lib/children/data-protection";
import { decideReferral, recordReferral } from "@/lib/children/referrals";
import { allocateChildren, endAllocation } from "@/lib/children/allocations";
import type {
  AllocateChildrenInput,
  CreateChildInput,
  CreateReferralInput,
  DecideReferralInput,
} from "@/lib/validations/children";

export async function createChildAction(input: CreateChildInput) {
  const user = await requireUser();
  return runAction(() => createChild(user, input));
}

export async function recordReferralAction(input: CreateReferralInput) {
  const user = await requireUser();
  const result = await runAction(() => recordReferral(user, input));
  if (result.ok) revalidatePath(`/children/${input.childId}`);
  return result;
}

export async function decideReferralAction(childId: string, referralId: string, input: DecideReferralInput) {
  const user = await requireUser();
  const result = await runAction(() => decideReferral(user, referralId, input));
  if (result.ok) revalidatePath(`/children/${childId}`);
  return result;
}

export async function allocateChildrenAction(input: AllocateChildrenInput) {
  const user = await requireUser();
  const result = await runAction(() => allocateChildren(user, input));
  if (result.ok) revalidatePath("/caseload");
  return result;
}

export async function endAllocationAction(childId: string, allocationId: string, endDate: string) {
  const user = await requireUser();
  const result = await runAction(() => endAllocation(user, allocationId, { endDate }));
  if (result.ok) revalidatePath(`/children/${childId}`);
  return result;
}

export async function anonymiseChildAction(childId: string) {
  const user = await requireUser();
  const result = await runAction(() => anonymiseChild(user, childId));
  if (result.ok) revalidatePath(`/children/${childId}`);
  return result;
}
