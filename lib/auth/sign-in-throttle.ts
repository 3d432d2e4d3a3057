import "server-only";
import { getDb } from "@/lib/db";

// At most MAX_FAILURES password checks for one email within WINDOW; after
// that the email is locked for LOCK, whatever the password. Kept in the
// database, so it holds across every app instance behind a load balancer.
//
// An attempt is counted BEFORE the password is compared (claimSignInAttempt),
// in one atomic statement: parallel guesses each take a numbered ticket, and
// only the first MAX_FAILURES ever reach the hash comparison. A right password
// then gives its ticket back (clearFailedSignIns).
export const MAX_FAILURES = 5;
const WINDOW_MS = 15 * 60_000;
const LOCK_MS = 15 * 60_000;

export function normaliseEmail(email: string) {
  return email.trim().toLowerCase();
}

/**
 * Counts an attempt for `email` and says whether it may go on to compare the
 * password. The count starts afresh once the window has passed and any lock
 * has run out; the attempt that reaches MAX_FAILURES sets the lock.
 * Prisma keeps DateTime as UTC in "timestamp" columns, hence AT TIME ZONE 'UTC'.
 */
export async function claimSignInAttempt(email: string, now = new Date()): Promise<{ allowed: boolean }> {
  const key = normaliseEmail(email);
  const at = now.toISOString();
  const windowStart = new Date(now.getTime() - WINDOW_MS).toISOString();
  const lockUntil = new Date(now.getTime() + LOCK_MS).toISOString();
  const [{ failures }] = await getDb().$queryRaw<Array<{ failures: number }>>`
    WITH t AS (SELECT ${at}::timestamptz AT TIME ZONE 'UTC' AS now,
                      ${windowStart}::timestamptz AT TIME ZONE 'UTC' AS window_start,
                      ${lockUntil}::timestamptz AT TIME ZONE 'UTC' AS lock_until)
    INSERT INTO "SignInThrottle" AS s (email, failures, "firstFailedAt", "lockedUntil")
    SELECT ${key}, 1, t.now, NULL FROM t
    ON CONFLICT (email) DO UPDATE SET
      failures = CASE WHEN s."firstFailedAt" < (SELECT window_start FROM t)
                        AND (s."lockedUntil" IS NULL OR s."lockedUntil" <= (SELECT now FROM t))
                      THEN 1 ELSE s.failures + 1 END,
      "firstFailedAt" = CASE WHEN s."firstFailedAt" < (SELECT window_start FROM t)
                        AND (s."lockedUntil" IS NULL OR s."lockedUntil" <= (SELECT now FROM t))
                      THEN (SELECT now FROM t) ELSE s."firstFailedAt" END,
      "lockedUntil" = CASE
        WHEN s."lockedUntil" > (SELECT now FROM t) THEN s."lockedUntil"
        WHEN (CASE WHEN s."firstFailedAt" < (SELECT window_start FROM t) THEN 1 ELSE s.failures + 1 END) >= ${MAX_FAILURES}
          THEN (SELECT lock_until FROM t)
        ELSE NULL END
    RETURNING failures`;
  return { allowed: failures <= MAX_FAILURES };
}

/** Whether the email is locked now (for tests and the admin's view). */
export async function isSignInLocked(email: string, now = new Date()): Promise<boolean> {
  const row = await getDb().signInThrottle.findUnique({ where: { email: normaliseEmail(email) } });
  return Boolean(row?.lockedUntil && row.lockedUntil > now);
}

/** A right password: the count starts again. */
export async function clearFailedSignIns(email: string) {
  await getDb().signInThrottle.deleteMany({ where: { email: normaliseEmail(email) } });
}
