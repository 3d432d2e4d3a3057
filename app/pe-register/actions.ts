"use server";
// Server actions are public POST endpoints: each one resolves the signed-in
// user itself and goes through lib/pe-register, which checks that user is the team manager.
import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/current-user";
import { runAction } from "@/lib/action-result";
import { updateRegisterEntry } from "@/lib/pe-register/register";
import type { RegisterEntryInput } from "@/lib/validations/pe-register";

export async function updateRegisterEntryAction(educatorId: string, input: RegisterEntryInput) {
  const user = await requireUser();
  const result = await runAction(() => updateRegisterEntry(user, educatorId, input));
  if (result.ok) revalidatePath("/pe-register");
  return result;
}
