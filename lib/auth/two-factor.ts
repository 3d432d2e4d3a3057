import "server-only";
import { createHash } from "node:crypto";
import { getDb, type Tx } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";
import { writeAudit } from "@/lib/audit";
import { AppError, fieldError, invalid, parseInput } from "@/lib/errors";
import { verifyPassword } from "@/lib/auth/password";
import { claimSignInAttempt, clearFailedSignIns } from "@/lib/auth/sign-in-throttle";
import { mfaPolicy, mfaRequired } from "@/lib/auth/mfa-policy";
import { matchingStep, newRecoveryCodes, newTotpSecret, normaliseRecoveryCode, otpauthUri } from "@/lib/auth/totp";
import { TOO_MANY_ATTEMPTS } from "@/lib/auth/account";
import { turnOffTwoFactorSchema, twoFactorCodeSchema } from "@/lib/validations/two-factor";

// Two-factor sign-in with an authenticator app (TOTP, lib/auth/totp.ts) and
// ten single-use recovery codes (README "Two-factor sign-in"). Setting it up
// is two steps: a secret is made (unconfirmed) and shown, then the first right
// code from the app confirms it and the recovery codes are shown once.

export const WRONG_CODE = "That code is not right. Enter the 6-digit code your app shows now.";

const hashRecoveryCode = (code: string) => createHash("sha256").update(normaliseRecoveryCode(code)).digest("hex");

/** Whether the person has confirmed two-factor sign-in. */
export async function twoFactorEnrolled(userId: string, tx: Tx = getDb()): Promise<boolean> {
  const row = await tx.twoFactor.findUnique({ where: { userId }, select: { confirmedAt: true } });
  return Boolean(row?.confirmedAt);
}

/** The state of a person's two-factor sign-in, for their account page. */
export async function twoFactorStatus(user: SessionUser) {
  assertVerifiedUser(user);
  const policy = mfaPolicy();
  const row = await getDb().twoFactor.findUnique({ where: { userId: user.id }, select: { confirmedAt: true } });
  const recoveryCodesLeft = row?.confirmedAt
    ? await getDb().recoveryCode.count({ where: { userId: user.id, usedAt: null } })
    : 0;
  return {
    offered: policy !== "off",
    required: mfaRequired(user.role, policy),
    confirmedAt: row?.confirmedAt ?? null,
    recoveryCodesLeft,
  };
}

/**
 * The secret being set up, made on first asking and kept until it is
 * confirmed (reloading the page shows the same one). Refused once confirmed:
 * turning it off comes first.
 */
export async function enrolmentSecret(user: { id: string; email: string }) {
  const existing = await getDb().twoFactor.findUnique({ where: { userId: user.id } });
  if (existing?.confirmedAt) throw invalid("Two-factor sign-in is already set up for this account.");
  const secret =
    existing?.secret ??
    (
      await getDb().twoFactor.upsert({
        where: { userId: user.id },
        create: { userId: user.id, secret: newTotpSecret() },
        update: {},
      })
    ).secret;
  return { secret, uri: otpauthUri(secret, user.email) };
}

/**
 * Confirms the secret with a first right code; returns the ten recovery
 * codes, shown to the person once (only their hashes are kept). `actor` is
 * who the audit names: the person (signed in, or half-way through a sign-in).
 */
export async function confirmEnrolment(actor: SessionUser, body: unknown, now = new Date()): Promise<string[]> {
  const { code } = parseInput(twoFactorCodeSchema, body);
  if (!(await claimSignInAttempt(actor.email, now)).allowed) throw new AppError("rate_limited", TOO_MANY_ATTEMPTS);
  const codes = newRecoveryCodes();
  await getDb().$transaction(async (tx) => {
    const row = await tx.twoFactor.findUnique({ where: { userId: actor.id } });
    if (!row || row.confirmedAt) throw invalid("Start setting up two-factor sign-in again: reload the page.");
    const step = matchingStep(row.secret, code, now, null);
    if (step === null) throw fieldError("code", WRONG_CODE);
    await tx.twoFactor.update({ where: { userId: actor.id }, data: { confirmedAt: now, lastStep: step } });
    await tx.recoveryCode.deleteMany({ where: { userId: actor.id } });
    await tx.recoveryCode.createMany({
      data: codes.map((recovery) => ({ userId: actor.id, codeHash: hashRecoveryCode(recovery), createdAt: now })),
    });
    await writeAudit(tx, actor, {
      action: "UPDATE",
      entity: "TwoFactor",
      entityId: actor.id,
      changes: { twoFactor: "set up", recoveryCodes: codes.length },
    });
  });
  await clearFailedSignIns(actor.email);
  return codes;
}

export type SecondFactorProof = { code?: string; recoveryCode?: string };

/**
 * Checks a code from the app or a recovery code, and uses it up: the app's
 * time step is recorded (`lastStep`, compared in the same UPDATE, so the same
 * code cannot be used twice, even by two requests at once) and a recovery
 * code is marked used. Returns how the person proved it, or null.
 */
export async function useSecondFactor(
  tx: Tx,
  userId: string,
  proof: SecondFactorProof,
  now = new Date(),
): Promise<"code" | "recovery code" | null> {
  if (proof.recoveryCode) {
    const { count } = await tx.recoveryCode.updateMany({
      where: { userId, codeHash: hashRecoveryCode(proof.recoveryCode), usedAt: null },
      data: { usedAt: now },
    });
    return count === 1 ? "recovery code" : null;
  }
  if (!proof.code) return null;
  const row = await tx.twoFactor.findUnique({ where: { userId } });
  if (!row?.confirmedAt) return null;
  const step = matchingStep(row.secret, proof.code, now, row.lastStep);
  if (step === null) return null;
  const { count } = await tx.twoFactor.updateMany({
    where: { userId, OR: [{ lastStep: null }, { lastStep: { lt: step } }] },
    data: { lastStep: step },
  });
  return count === 1 ? "code" : null;
}

/**
 * Turns two-factor sign-in off for oneself, with the password and a current
 * code (a stolen session alone cannot). Refused where the policy requires it:
 * a lost phone is the team manager's reset (lib/users/invitations.ts).
 */
export async function turnOffOwnTwoFactor(user: SessionUser, body: unknown, now = new Date()) {
  assertVerifiedUser(user);
  const input = parseInput(turnOffTwoFactorSchema, body);
  if (mfaRequired(user.role, mfaPolicy()))
    throw invalid(
      "Your role must use two-factor sign-in: it cannot be turned off. To move to a new phone, ask the team manager to reset it.",
    );
  if (!(await claimSignInAttempt(user.email, now)).allowed) throw new AppError("rate_limited", TOO_MANY_ATTEMPTS);
  const row = await getDb().user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
  if (!row.passwordHash || !(await verifyPassword(input.password, row.passwordHash)))
    throw fieldError("password", "Your password is not right");
  await getDb().$transaction(async (tx) => {
    if (!(await useSecondFactor(tx, user.id, { code: input.code }, now))) throw fieldError("code", WRONG_CODE);
    await removeTwoFactor(tx, user.id);
    await writeAudit(tx, user, {
      action: "UPDATE",
      entity: "TwoFactor",
      entityId: user.id,
      changes: { twoFactor: "turned off" },
    });
  });
  await clearFailedSignIns(user.email);
  return { turnedOff: true };
}

/** Removes a person's second factor and recovery codes (turning it off, or the admin's reset). */
export async function removeTwoFactor(tx: Tx, userId: string) {
  await tx.recoveryCode.deleteMany({ where: { userId } });
  const { count } = await tx.twoFactor.deleteMany({ where: { userId } });
  return count;
}
