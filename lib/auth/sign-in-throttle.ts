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
  const windowStart = new Date(now.getTime() - WINDOW_MS).toISOString();
  // One atomic statement: instances counting the same email at once must not
  // lose a failure (a read-then-write upsert does, under real concurrency).
  // Prisma keeps DateTime as UTC in "timestamp" columns, hence AT TIME ZONE 'UTC'.
  const [{ failures }] = await getDb().$queryRaw<Array<{ failures: number }>>`
    INSERT INTO "SignInThrottle" (email, failures, "firstFailedAt")
    VALUES (${key}, 1, ${now.toISOString()}::timestamptz AT TIME ZONE 'UTC')
    ON CONFLICT (email) DO UPDATE SET
      failures = CASE WHEN "SignInThrottle"."firstFailedAt" < (${windowStart}::timestamptz AT TIME ZONE 'UTC') THEN 1 ELSE "SignInThrottle".failures + 1 END,
      "firstFailedAt" = CASE WHEN "SignInThrottle"."firstFailedAt" < (${windowStart}::timestamptz AT TIME ZONE 'UTC') THEN EXCLUDED."firstFailedAt" ELSE "SignInThrottle"."firstFailedAt" END
    RETURNING failures`;
  if (failures >= MAX_FAILURES) {
    await getDb().signInThrottle.update({
      where: { email: key },
      data: { lockedUntil: new Date(now.getTime() + LOCK_MS) },
    });
  }
}

export async function clearFailedSignIns(email: string) {
  await getDb().signInThrottle.deleteMany({ where: { email: normaliseEmail(email) } });
}
