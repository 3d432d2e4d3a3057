import "server-only";
import { getDb } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";
import { command, parseId } from "@/lib/core/command";
import { AppError, fieldError, notFound, parseInput } from "@/lib/errors";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { passwordProblem } from "@/lib/auth/password-policy";
import { claimSignInAttempt, clearFailedSignIns } from "@/lib/auth/sign-in-throttle";
import { endSessionsOf } from "@/lib/auth/sessions";
import { changePasswordSchema } from "@/lib/validations/account";
import { describeDevice } from "@/lib/auth/device";

// A person's own account: their password and their sessions. Everyone may act
// on their own account only, so the permission is "it is you".

const itIsYou = () => true as const;

export const TOO_MANY_ATTEMPTS = "Too many attempts with the wrong password. Wait 15 minutes, then try again.";

/** Stores a new password and ends the person's sessions but `keep`, in the caller's command. */
const storePassword = command({
  parse: (passwordHash: string, keep: string | null, via: "change" | "reset" | "invitation") => ({
    passwordHash,
    keep,
    via,
  }),
  load: async () => null,
  allow: itIsYou,
  async run({ tx, user, audit }, _nothing, { passwordHash, keep, via }) {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, version: { increment: 1 } } });
    const sessionsEnded = await endSessionsOf(tx, user.id, keep ?? undefined);
    // Never the password itself, only that it changed, how, and what that ended.
    await audit.entry("UPDATE", "User", user.id, { password: "(changed)", via, sessionsEnded });
  },
});

/**
 * Changes the signed-in person's password once they have re-entered the
 * current one. A wrong current password counts toward the sign-in throttle
 * (checked before the hash is compared); the new one must pass the policy.
 * Every other session of theirs ends; this one stays signed in.
 */
export async function changeOwnPassword(user: SessionUser, sessionId: string, body: unknown) {
  assertVerifiedUser(user);
  const input = parseInput(changePasswordSchema, body);
  if (!(await claimSignInAttempt(user.email)).allowed) throw new AppError("rate_limited", TOO_MANY_ATTEMPTS);
  const row = await getDb().user.findUniqueOrThrow({
    where: { id: user.id },
    select: { passwordHash: true, name: true, email: true },
  });
  if (!(await verifyPassword(input.currentPassword, row.passwordHash)))
    throw fieldError("currentPassword", "Your current password is not right");
  await clearFailedSignIns(user.email);
  const problem = passwordProblem(input.newPassword, row);
  if (problem) throw fieldError("newPassword", problem);
  if (input.newPassword === input.currentPassword)
    throw fieldError("newPassword", "Choose a password different from your current one");
  await storePassword(user, await hashPassword(input.newPassword), sessionId, "change");
  return { changed: true };
}

export { storePassword };

/** The signed-in person's own sessions, newest activity first, the current one marked. */
export async function listOwnSessions(user: SessionUser, currentSessionId: string) {
  assertVerifiedUser(user);
  const rows = await getDb().session.findMany({
    where: { userId: user.id },
    orderBy: { lastSeenAt: "desc" },
    select: { id: true, createdAt: true, lastSeenAt: true, userAgent: true, ipAddress: true },
  });
  return rows.map((row) => ({
    id: row.id,
    signedInAt: row.createdAt,
    lastSeenAt: row.lastSeenAt,
    device: describeDevice(row.userAgent),
    ipAddress: row.ipAddress,
    current: row.id === currentSessionId,
  }));
}

/** Signs out one of the person's own sessions (a lost phone, a shared computer). */
export const endOwnSession = command({
  parse: (sessionId: string) => ({ sessionId: parseId(sessionId, "That session") }),
  async load({ tx, user }, { sessionId }) {
    const session = await tx.session.findFirst({ where: { id: sessionId, userId: user.id }, select: { id: true } });
    if (!session) throw notFound("That session");
    return session;
  },
  allow: itIsYou,
  async run({ tx, user, audit }, session) {
    await tx.session.delete({ where: { id: session.id } });
    await audit.entry("DELETE", "Session", session.id, {
      userId: user.id,
      reason: "signed out from the sessions page",
    });
  },
});

/** "Sign out everywhere": every session of the person's, this one included. */
export const signOutEverywhere = command({
  parse: () => ({}),
  load: async () => null,
  allow: itIsYou,
  async run({ tx, user, audit }) {
    const sessionsEnded = await endSessionsOf(tx, user.id);
    await audit.entry("UPDATE", "User", user.id, { signedOutEverywhere: true, sessionsEnded });
    return { sessionsEnded };
  },
});
