import "server-only";
import { getDb } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { writeAudit } from "@/lib/audit";
import { AppError, parseInput } from "@/lib/errors";
import { countSignInFailure } from "@/lib/observability/metrics";
import { hashToken, newToken, startSession, sweepExpiredSessions, type SessionMeta } from "@/lib/auth/sessions";
import { mfaPolicy, secondStep } from "@/lib/auth/mfa-policy";
import { confirmEnrolment, enrolmentSecret, twoFactorEnrolled, useSecondFactor } from "@/lib/auth/two-factor";
import { claimSignInAttempt, clearFailedSignIns } from "@/lib/auth/sign-in-throttle";
import { TOO_MANY_ATTEMPTS } from "@/lib/auth/account";
import { describeDevice } from "@/lib/auth/device";
import { secondFactorSchema } from "@/lib/validations/two-factor";
import { noteDevice } from "@/lib/auth/known-devices";

// A sign-in is one or two steps (README "Two-factor sign-in"). The first is
// the password (or the organisation's single sign-on); when the policy asks
// for a second, a PendingSignIn row is made and the browser gets its token in
// a short-lived cookie. Only the second step's success starts a session, so
// nothing of the app is reachable half-way.

export const PENDING_COOKIE = "pt_pending";
const PENDING_MS = 10 * 60_000;
/** Wrong codes on one pending sign-in before it is thrown away (they also count toward the sign-in throttle). */
const MAX_CODE_ATTEMPTS = 5;

export const PENDING_EXPIRED = "Your sign-in timed out or was started in another tab. Sign in again.";

export type SignInMethod = "password" | `sso:${string}`;

/** Who is signing in from where: the session's details, and the browser's device cookie (lib/auth/known-devices.ts). */
export type SignInMeta = SessionMeta & { deviceToken?: string | null };

export type FirstFactorResult =
  | { kind: "session"; token: string; expiresAt: Date; deviceToken: string }
  | { kind: "pending"; token: string; expiresAt: Date; next: string };

/** Where each second step is answered. */
const NEXT_PAGE = { code: "/sign-in/code", enrol: "/sign-in/set-up-two-factor" } as const;

/**
 * The first step passed: starts the session, or the pending second step the
 * policy asks for. `providerDidMfa`: a single sign-on provider asserted
 * multi-factor (amr "mfa") and the organisation trusts it.
 */
export async function afterFirstFactor(
  user: SessionUser,
  method: SignInMethod,
  meta: SignInMeta,
  options: { providerDidMfa?: boolean } = {},
  now = new Date(),
): Promise<FirstFactorResult> {
  const step = secondStep(
    { role: user.role, enrolled: await twoFactorEnrolled(user.id), providerDidMfa: options.providerDidMfa },
    mfaPolicy(),
  );
  if (step === "none") {
    const secondFactor = options.providerDidMfa ? "the provider's multi-factor" : undefined;
    return { kind: "session", ...(await completeSignIn(user, method, meta, secondFactor, now)) };
  }
  const token = newToken();
  const expiresAt = new Date(now.getTime() + PENDING_MS);
  await getDb().$transaction([
    getDb().pendingSignIn.deleteMany({ where: { OR: [{ userId: user.id }, { expiresAt: { lte: now } }] } }),
    getDb().pendingSignIn.create({
      data: {
        tokenHash: hashToken(token),
        userId: user.id,
        step: step.toUpperCase(),
        method,
        createdAt: now,
        expiresAt,
      },
    }),
  ]);
  return { kind: "pending", token, expiresAt, next: NEXT_PAGE[step] };
}

/** Starts the session and writes the sign-in to the audit log (how, and from which device; never a secret). */
export async function completeSignIn(
  user: SessionUser,
  method: SignInMethod,
  meta: SignInMeta,
  secondFactor: string | undefined,
  now = new Date(),
) {
  await sweepExpiredSessions(now);
  const session = await startSession(user.id, meta, now);
  const { deviceToken, newDevice } = await noteDevice(user, meta.deviceToken, meta.userAgent, now);
  await getDb().$transaction((tx) =>
    writeAudit(tx, user, {
      action: "SIGN_IN",
      entity: "User",
      entityId: user.id,
      changes: {
        method,
        ...(secondFactor ? { secondFactor } : {}),
        device: describeDevice(meta.userAgent),
        newDevice,
        ipAddress: meta.ipAddress ?? null,
      },
    }),
  );
  return { ...session, deviceToken };
}

/** A refused sign-in, in the audit log: the account it was for (when there is one) and why. */
export async function auditFailedSignIn(
  userId: string | null,
  details: { method: SignInMethod; reason: string; email?: string },
  meta: SignInMeta,
) {
  await getDb().$transaction((tx) =>
    writeAudit(tx, null, {
      action: "SIGN_IN_FAILED",
      entity: "User",
      entityId: userId ?? "(unknown)",
      changes: { ...details, device: describeDevice(meta.userAgent), ipAddress: meta.ipAddress ?? null },
    }),
  );
}

/** The pending sign-in a cookie names, if it is still live and its person still active. */
export async function pendingSignInOf(token: string | undefined, step: "CODE" | "ENROL", now = new Date()) {
  if (!token || !/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const row = await getDb().pendingSignIn.findUnique({
    where: { tokenHash: hashToken(token) },
    include: {
      user: { select: { id: true, email: true, name: true, role: true, organisationId: true, active: true } },
    },
  });
  if (!row || row.step !== step || row.expiresAt <= now || !row.user.active) return null;
  const { active: _active, ...user } = row.user;
  return { id: row.id, method: row.method as SignInMethod, user: user as SessionUser };
}

/** The second step, with a code from the app or a recovery code. Wrong codes count toward the sign-in throttle. */
export async function signInWithSecondFactor(
  token: string | undefined,
  body: unknown,
  meta: SignInMeta,
  now = new Date(),
) {
  const pending = await pendingSignInOf(token, "CODE", now);
  if (!pending) throw new AppError("unauthenticated", PENDING_EXPIRED);
  const proof = parseInput(secondFactorSchema, body);
  if (!(await claimSignInAttempt(pending.user.email, now)).allowed) {
    await getDb().pendingSignIn.deleteMany({ where: { id: pending.id } });
    await auditFailedSignIn(pending.user.id, { method: pending.method, reason: "locked: too many attempts" }, meta);
    throw new AppError("rate_limited", TOO_MANY_ATTEMPTS);
  }
  const used = await getDb().$transaction(async (tx) => {
    const { count } = await tx.pendingSignIn.updateMany({
      where: { id: pending.id, attempts: { lt: MAX_CODE_ATTEMPTS } },
      data: { attempts: { increment: 1 } },
    });
    if (count === 0) return null;
    return useSecondFactor(tx, pending.user.id, proof, now);
  });
  if (!used) {
    countSignInFailure();
    await auditFailedSignIn(pending.user.id, { method: pending.method, reason: "wrong second-factor code" }, meta);
    throw new AppError(
      "unauthenticated",
      "That code is not right. Check your app and try again, or use a recovery code.",
    );
  }
  await clearFailedSignIns(pending.user.email);
  await getDb().pendingSignIn.deleteMany({ where: { id: pending.id } });
  return completeSignIn(pending.user, pending.method, meta, used, now);
}

/** The secret to show on the "set up two-factor sign-in" step of a sign-in. */
export async function pendingEnrolment(token: string | undefined) {
  const pending = await pendingSignInOf(token, "ENROL");
  if (!pending) return null;
  return { name: pending.user.name, ...(await enrolmentSecret(pending.user)) };
}

/** Confirms the set-up during a sign-in: the session starts, and the recovery codes are returned to show once. */
export async function signInWithEnrolment(
  token: string | undefined,
  body: unknown,
  meta: SignInMeta,
  now = new Date(),
) {
  const pending = await pendingSignInOf(token, "ENROL", now);
  if (!pending) throw new AppError("unauthenticated", PENDING_EXPIRED);
  const recoveryCodes = await confirmEnrolment(pending.user, body, now);
  await getDb().pendingSignIn.deleteMany({ where: { id: pending.id } });
  const session = await completeSignIn(pending.user, pending.method, meta, "code (set up now)", now);
  return { ...session, recoveryCodes };
}
