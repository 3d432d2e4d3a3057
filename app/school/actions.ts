"use server";
// Server actions are public POST endpoints: each resolves the signed-in user and goes through lib/.
import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/current-user";
import { runAction } from "@/lib/action-result";
import { requestSupport } from "@/lib/schools/school-requests";
import type { SchoolRequestInput } from "@/lib/validations/school-requests";

export async function requestSupportAction(input: SchoolRequestInput) {
  const user = await requireUser();
  const result = await runAction(() => requestSupport(user, input));
  if (result.ok) revalidatePath("/school");
  return result;
}
