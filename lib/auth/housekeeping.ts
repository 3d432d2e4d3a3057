import "server-only";
import { getDb } from "@/lib/db";

/** How long an expired link still answers "this link has expired" (rather than "not valid") before it is removed. */
const EXPIRED_LINK_KEPT_MS = 7 * 24 * 3_600_000;

/**
 * The daily job's clean-up of accounts' short-lived rows (lib/reminders/run-reminders.ts):
 * invitation and reset links a week past their end (used, withdrawn or not:
 * the audit log keeps who sent and used them), and half-done sign-ins and single
 * sign-on round trips past theirs. Returns how many rows went.
 */
export async function removeExpiredAccountRows(now = new Date()): Promise<number> {
  const db = getDb();
  const [links, pending, sso] = await db.$transaction([
    db.accountLink.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - EXPIRED_LINK_KEPT_MS) } } }),
    db.pendingSignIn.deleteMany({ where: { expiresAt: { lte: now } } }),
    db.ssoAttempt.deleteMany({ where: { expiresAt: { lte: now } } }),
  ]);
  return links.count + pending.count + sso.count;
}
