"use server";
import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/current-user";
import { runAction } from "@/lib/action-result";
import { addFrameworkVersion, updateFrameworkItem, updateLevelDescriptor } from "@/lib/frameworks/frameworks";
import type { FrameworkItemInput, LevelDescriptorInput, NewFrameworkVersionInput } from "@/lib/validations/frameworks";

function revalidate() {
  revalidatePath("/admin/frameworks");
  revalidatePath("/admin/frameworks/[frameworkId]", "page");
}

export async function updateFrameworkItemAction(itemId: string, input: FrameworkItemInput) {
  const user = await requireUser();
  const result = await runAction(() => updateFrameworkItem(user, itemId, input));
  if (result.ok) revalidate();
  return result;
}

export async function updateLevelDescriptorAction(descriptorId: string, input: LevelDescriptorInput) {
  const user = await requireUser();
  const result = await runAction(() => updateLevelDescriptor(user, descriptorId, input));
  if (result.ok) revalidate();
  return result;
}

export async function addFrameworkVersionAction(frameworkId: string, input: NewFrameworkVersionInput) {
  const user = await requireUser();
  const result = await runAction(() => addFrameworkVersion(user, frameworkId, input));
  if (result.ok) revalidate();
  return result;
}
