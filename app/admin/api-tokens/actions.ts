"use server";
// Server actions are public POST endpoints: each one resolves the signed-in
// user itself and goes through lib/, which checks that user is the admin.
import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/current-user";
import { runAction } from "@/lib/action-result";
import { issueApiToken, revokeApiToken } from "@/lib/api-tokens/api-tokens";
import type { IssueApiTokenInput, RevokeApiTokenInput } from "@/lib/validations/api-token";

export async function issueApiTokenAction(input: IssueApiTokenInput) {
  const user = await requireUser();
  const result = await runAction(() => issueApiToken(user, input));
  if (result.ok) revalidatePath("/admin/api-tokens");
  return result;
}

export async function revokeApiTokenAction(tokenId: string, input: RevokeApiTokenInput) {
  const user = await requireUser();
  const result = await runAction(() => revokeApiToken(user, tokenId, input));
  if (result.ok) revalidatePath("/admin/api-tokens");
  return result;
}
