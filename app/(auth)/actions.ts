"use server";
// Public server actions of the signed-out pages: each goes through lib/auth, which throttles and checks.
import { headers } from "next/headers";
import { runAction } from "@/lib/action-result";
import { requestPasswordReset, setPasswordFromLink } from "@/lib/auth/account-links";
import { requestMeta } from "@/lib/auth/request-meta";
import type { SetPasswordInput } from "@/lib/validations/account";

export async function requestPasswordResetAction(input: { email: string }) {
  const { ipAddress } = requestMeta(await headers());
  return runAction(() => requestPasswordReset(input, ipAddress));
}

export async function setPasswordAction(token: string, input: SetPasswordInput) {
  return runAction(() => setPasswordFromLink(token, input));
}
