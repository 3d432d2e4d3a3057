import "server-only";
import { getDb } from "@/lib/db";

// After MAX_FAILURES failed sign-ins for one email within WINDOW, further
// attempts are refused for LOCK, whatever the password. Kept in the database,
// so it holds across every app instance behind a load balancer.
export const MAX_FAILURES = 5;
const WINDOW_MS = 15 * 60_000;
const LOCK_MS = 15 * 60_000;

export function normaliseEmail(email: string) {
  return email.trim().toLowerCase();
}

export async function isSignInLocked(email: string, now = new Date()): Promise<boolean> {
  const row = await getDb().signInThrottle.findUnique({ where: { email: normaliseEmail(email) } });
  return Boolean(row?.lockedUntil && row.lockedUntil > now);
}

export async function recordFailedSignIn(email: string, now = new Date()) {
  const key = normaliseEmail(email);
  await getDb().$transaction(async (tx) => {
    // Upsert then lock the row: two instances counting at once must not lose a failure.
    await tx.signInThrottle.upsert({ where: { email: key }, create: { email: key, failures: 0, firstFailedAt: now }, update: {} });
    const [row] = await tx.$queryRaw<Array<{ failures: number; firstFailedAt: Date }>>`
      SELECT failures, "firstFailedAt" FROM "SignInThrottle" WHERE email = ${key} FOR UPDATE`;
    const windowExpired = now.getTime() - row.firstFailedAt.getTime() > WINDOW_MS;
    const failures = windowExpired ? 1 : row.failures + 1;
    await tx.signInThrottle.update({
      where: { email: key },
      data: {
        failures,
        firstFailedAt: windowExpired ? now : undefined,
        lockedUntil: failures >= MAX_FAILURES ? new Date(now.getTime() + LOCK_MS) : null,
      },
    });
  });
}

export async function clearFailedSignIns(email: string) {
  await getDb().signInThrottle.deleteMany({ where: { email: normaliseEmail(email) } });
}
