"use server";
// Server actions are public POST endpoints: each resolves the signed-in session itself and goes through lib/.
import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { getCurrentSession } from "@/lib/auth/current-user";
import { SESSION_COOKIE } from "@/lib/auth/session-rules";
import { runAction } from "@/lib/action-result";
import { changeOwnPassword, endOwnSession, signOutEverywhere } from "@/lib/auth/account";
import { unauthenticated } from "@/lib/errors";
import type { ChangePasswordInput } from "@/lib/validations/account";
import { confirmEnrolment, turnOffOwnTwoFactor } from "@/lib/auth/two-factor";
import type { TurnOffTwoFactorInput, TwoFactorCodeInput } from "@/lib/validations/two-factor";

async function requireSession() {
  const session = await getCurrentSession();
  if (!session) throw unauthenticated();
  return session;
}

export async function changePasswordAction(input: ChangePasswordInput) {
  return runAction(async () => {
    const session = await requireSession();
    return changeOwnPassword(session.user, session.sessionId, input);
  });
}

export async function endSessionAction(sessionId: string) {
  const result = await runAction(async () => {
    const session = await requireSession();
    await endOwnSession(session.user, sessionId);
    return { signedOut: sessionId === session.sessionId };
  });
  if (result.ok && result.data.signedOut) (await cookies()).delete(SESSION_COOKIE);
  if (result.ok) revalidatePath("/account");
  return result;
}

export async function signOutEverywhereAction() {
  const result = await runAction(async () => {
    const session = await requireSession();
    return signOutEverywhere(session.user);
  });
  // This browser's session ended too: the cookie goes with it.
  if (result.ok) (await cookies()).delete(SESSION_COOKIE);
  return result;
}

export async function confirmTwoFactorAction(input: TwoFactorCodeInput) {
  return runAction(async () => {
    const session = await requireSession();
    return { recoveryCodes: await confirmEnrolment(session.user, input) };
  });
}

export async function turnOffTwoFactorAction(input: TurnOffTwoFactorInput) {
  const result = await runAction(async () => {
    const session = await requireSession();
    return turnOffOwnTwoFactor(session.user, input);
  });
  if (result.ok) revalidatePath("/account");
  return result;
}
