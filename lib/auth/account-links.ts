import "server-only";
import { getDb, type Tx } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { command } from "@/lib/core/command";
import { AppError, fieldError, parseInput } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/password";
import { passwordProblem } from "@/lib/auth/password-policy";
import { claimSignInAttempt, clearFailedSignIns, normaliseEmail } from "@/lib/auth/sign-in-throttle";
import { endSessionsOf, hashToken, newToken } from "@/lib/auth/sessions";
import { LINK_PROBLEMS, linkExpiry, linkState, type LinkPurpose, type LinkState } from "@/lib/auth/link-rules";
import { passwordResetEmail } from "@/lib/auth/account-emails";
import { appUrl, sendEmail } from "@/lib/notifications/email";
import { setPasswordSchema } from "@/lib/validations/account";
import { z } from "zod";

// One-time links by email: a password reset (30 minutes) and an invitation to
// set a first password (7 days). The token is in the link only; the database
// keeps its SHA-256. Issuing a link withdraws the person's earlier unused ones
// of the same kind, so only the newest works.

/** Per email address and per caller's address, in 15 minutes. */
const RESET_REQUESTS_PER_EMAIL = 3;
const RESET_REQUESTS_PER_ADDRESS = 20;

export function linkPath(token: string) {
  return `/set-password/${token}`;
}

/** Makes a link for `userId`, withdrawing their earlier unused ones of that kind; returns the token. */
export async function issueLink(
  tx: Tx,
  userId: string,
  purpose: LinkPurpose,
  sentById: string | null,
  now = new Date(),
) {
  await tx.accountLink.updateMany({
    where: { userId, purpose, usedAt: null, revokedAt: null },
    data: { revokedAt: now },
  });
  const token = newToken();
  await tx.accountLink.create({
    data: {
      tokenHash: hashToken(token),
      purpose,
      userId,
      sentById,
      createdAt: now,
      expiresAt: linkExpiry(purpose, now),
    },
  });
  return token;
}

const requestSchema = z.object({ email: z.string().max(320) });

/**
 * "Forgot your password?": sends a reset link when the address belongs to an
 * active account. The caller always gets the same answer, whether or not the
 * address exists, and requests are throttled per address and per caller
 * (silently: the answer stays the same).
 */
export async function requestPasswordReset(body: unknown, callerAddress: string | null, now = new Date()) {
  const { email: raw } = parseInput(requestSchema, body);
  const email = normaliseEmail(raw);
  if (!email.includes("@")) throw fieldError("email", "Enter an email address like name@example.org");
  const perEmail = await claimSignInAttempt(`reset:${email}`, now, RESET_REQUESTS_PER_EMAIL);
  const perCaller = callerAddress
    ? await claimSignInAttempt(`reset-from:${callerAddress}`, now, RESET_REQUESTS_PER_ADDRESS)
    : { allowed: true };
  if (!perEmail.allowed || !perCaller.allowed) return { sent: true };
  const user = await getDb().user.findUnique({ where: { email }, select: { id: true, name: true, active: true } });
  if (!user?.active) return { sent: true };
  const token = await issueLink(getDb(), user.id, "PASSWORD_RESET", null, now);
  const message = passwordResetEmail(user.name, appUrl(linkPath(token)));
  // Not awaited: the answer must take as long whether or not the address exists. sendEmail never throws.
  void sendEmail({ to: email, ...message });
  return { sent: true };
}

export type LinkView =
  | { state: "usable"; purpose: LinkPurpose; name: string; email: string }
  | { state: Exclude<LinkState, "usable">; problem: string };

/** What the set-password page shows for a link; changes nothing. */
export async function describeLink(token: string, now = new Date()): Promise<LinkView> {
  const link = /^[A-Za-z0-9_-]{20,100}$/.test(token)
    ? await getDb().accountLink.findUnique({
        where: { tokenHash: hashToken(token) },
        include: { user: { select: { name: true, email: true, active: true } } },
      })
    : null;
  const state = link && !link.user.active ? "revoked" : linkState(link, now);
  if (state !== "usable" || !link)
    return {
      state: state === "usable" ? "unknown" : state,
      problem: LINK_PROBLEMS[state === "usable" ? "unknown" : state],
    };
  return { state, purpose: link.purpose, name: link.user.name, email: link.user.email };
}

/** Stores the password and uses the link up in one transaction; a link used at the same moment elsewhere loses. */
const storePasswordFromLink = command({
  parse: (linkId: string, passwordHash: string, purpose: LinkPurpose) => ({ linkId, passwordHash, purpose }),
  load: async () => null,
  allow: () => true as const,
  async run({ tx, user, audit }, _nothing, { linkId, passwordHash, purpose }) {
    const now = new Date();
    const { count } = await tx.accountLink.updateMany({
      where: { id: linkId, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (count !== 1) throw new AppError("conflict", LINK_PROBLEMS.used);
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, version: { increment: 1 } } });
    const sessionsEnded = await endSessionsOf(tx, user.id);
    await audit.entry("UPDATE", "User", user.id, {
      password: purpose === "INVITATION" ? "(set from an invitation)" : "(reset by email link)",
      sessionsEnded,
    });
  },
});

/**
 * Sets a password from a link: the link must still work, the password pass the
 * policy. Ends every session of the person's (a reset is often "someone else
 * may have it"); they then sign in with the new password.
 */
export async function setPasswordFromLink(token: string, body: unknown) {
  const input = parseInput(setPasswordSchema, body);
  const link = /^[A-Za-z0-9_-]{20,100}$/.test(token)
    ? await getDb().accountLink.findUnique({
        where: { tokenHash: hashToken(token) },
        include: {
          user: { select: { id: true, name: true, email: true, role: true, organisationId: true, active: true } },
        },
      })
    : null;
  const state = link && !link.user.active ? "revoked" : linkState(link, new Date());
  if (state !== "usable" || !link)
    throw new AppError("bad_request", LINK_PROBLEMS[state === "usable" ? "unknown" : state]);
  const problem = passwordProblem(input.newPassword, link.user);
  if (problem) throw fieldError("newPassword", problem);
  const { active: _active, ...person } = link.user;
  const actor: SessionUser = person;
  await storePasswordFromLink(actor, link.id, await hashPassword(input.newPassword), link.purpose);
  // A forgotten password often comes after a lock: the new one works at once.
  await clearFailedSignIns(person.email);
  return { email: person.email };
}
