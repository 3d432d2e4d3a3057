import "server-only";
import { getDb } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { hashForUnknownUser, verifyPassword } from "@/lib/auth/password";
import { countSignInFailure } from "@/lib/observability/metrics";
import { claimSignInAttempt, clearFailedSignIns, normaliseEmail } from "@/lib/auth/sign-in-throttle";

export type SignInOutcome =
  | { outcome: "signed_in"; user: SessionUser }
  | { outcome: "refused"; userId: string | null } // unknown email, wrong password or deactivated account
  | { outcome: "locked" }; // too many attempts: the password was not even compared

/**
 * Checks an email and password. The attempt is counted first (atomically, so
 * parallel guesses cannot overtake the limit) and a locked email is refused
 * before any hash is compared. Callers show one message for every failure, so
 * the sign-in page never reveals which emails have accounts.
 */
export async function attemptSignIn(email: string, password: string): Promise<SignInOutcome> {
  if (!email || !password || email.length > 320 || password.length > 200) return { outcome: "refused", userId: null };
  const key = normaliseEmail(email);
  if (!(await claimSignInAttempt(key)).allowed) {
    countSignInFailure();
    return { outcome: "locked" };
  }
  const user = await getDb().user.findUnique({ where: { email: key }, omit: { passwordHash: false } });
  const hash = user?.passwordHash ?? (await hashForUnknownUser());
  const passwordMatches = await verifyPassword(password, hash);
  if (!user || !user.active || !passwordMatches) {
    countSignInFailure();
    return { outcome: "refused", userId: user?.id ?? null };
  }
  await clearFailedSignIns(key);
  return {
    outcome: "signed_in",
    user: { id: user.id, email: user.email, name: user.name, role: user.role, organisationId: user.organisationId },
  };
}

/** The user, or null for any failure. */
export async function authenticate(email: string, password: string): Promise<SessionUser | null> {
  const result = await attemptSignIn(email, password);
  return result.outcome === "signed_in" ? result.user : null;
}
