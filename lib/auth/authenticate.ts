import "server-only";
import { getDb } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { hashForUnknownUser, verifyPassword } from "@/lib/auth/password";
import { countSignInFailure } from "@/lib/observability/metrics";
import { clearFailedSignIns, isSignInLocked, normaliseEmail, recordFailedSignIn } from "@/lib/auth/sign-in-throttle";

/**
 * Checks an email and password. Returns the user, or null for any failure —
 * unknown email, wrong password, deactivated account or too many attempts —
 * so the sign-in page can only ever say one generic thing.
 */
export async function authenticate(email: string, password: string): Promise<SessionUser | null> {
  if (!email || !password || email.length > 320 || password.length > 200) return null;
  const key = normaliseEmail(email);
  if (await isSignInLocked(key)) {
    countSignInFailure();
    return null;
  }
  const user = await getDb().user.findUnique({ where: { email: key }, omit: { passwordHash: false } });
  const passwordMatches = await verifyPassword(password, user?.passwordHash ?? (await hashForUnknownUser()));
  if (!user || !user.active || !passwordMatches) {
    await recordFailedSignIn(key);
    countSignInFailure();
    return null;
  }
  await clearFailedSignIns(key);
  return { id: user.id, email: user.email, name: user.name, role: user.role, organisationId: user.organisationId };
}
