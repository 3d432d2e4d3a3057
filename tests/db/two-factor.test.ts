/** @jest-environment node */
import { useTestDatabase } from "../support/test-database";
import { buildWorld, TEST_PASSWORD, type World } from "../support/world";
import { totpAt } from "@/lib/auth/totp";
import {
  afterFirstFactor,
  pendingEnrolment,
  signInWithEnrolment,
  signInWithSecondFactor,
} from "@/lib/auth/sign-in-flow";
import { confirmEnrolment, enrolmentSecret, turnOffOwnTwoFactor } from "@/lib/auth/two-factor";
import { resetTwoFactorOfPerson } from "@/lib/users/invitations";
import { sessionOfToken } from "@/lib/auth/sessions";
import type { SessionUser } from "@/lib/auth/session-user";

const { db } = useTestDatabase();
const meta = { userAgent: "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0", ipAddress: "192.0.2.7" };

let world: World;
beforeAll(async () => {
  world = await buildWorld();
});
afterEach(() => {
  delete process.env.MFA_POLICY;
});

/** Sets up two-factor sign-in through the sign-in's forced step; returns the secret and the recovery codes. */
async function enrolThroughSignIn(user: SessionUser, at: Date) {
  process.env.MFA_POLICY = "required-for-names";
  const first = await afterFirstFactor(user, "password", meta, {}, at);
  expect(first).toMatchObject({ kind: "pending", next: "/sign-in/set-up-two-factor" });
  const enrolment = await pendingEnrolment(first.token);
  expect(enrolment?.uri).toContain(`secret=${enrolment?.secret}`);
  const done = await signInWithEnrolment(first.token, { code: totpAt(enrolment!.secret, at) }, meta, at);
  return { secret: enrolment!.secret, recoveryCodes: done.recoveryCodes, token: done.token };
}

describe("two-factor sign-in", () => {
  it("makes a practice educator set it up before any session starts, under the default policy", async () => {
    const at = new Date();
    const sessionsBefore = await db().session.count({ where: { userId: world.users.peA.id } });
    process.env.MFA_POLICY = "required-for-names";
    const first = await afterFirstFactor(world.users.peA, "password", meta, {}, at);
    expect(first.kind).toBe("pending");
    // Half-way is not signed in: the pending token is no session's.
    expect(await sessionOfToken(first.token)).toBeNull();
    expect(await db().session.count({ where: { userId: world.users.peA.id } })).toBe(sessionsBefore);
    // A wrong code sets nothing up.
    expect(await pendingEnrolment(first.token)).toMatchObject({ name: world.users.peA.name });
    await expect(signInWithEnrolment(first.token, { code: "000000" }, meta, at)).rejects.toMatchObject({
      status: 422,
      fieldErrors: { code: expect.anything() },
    });
    expect(await db().twoFactor.findUnique({ where: { userId: world.users.peA.id } })).toMatchObject({
      confirmedAt: null,
    });
  });

  it("sets it up with a right code, keeps only hashes of ten recovery codes, and audits it", async () => {
    const at = new Date();
    const { recoveryCodes, token } = await enrolThroughSignIn(world.users.studentA, at);
    expect(recoveryCodes).toHaveLength(10);
    expect((await sessionOfToken(token))?.user.id).toBe(world.users.studentA.id);
    const stored = await db().recoveryCode.findMany({ where: { userId: world.users.studentA.id } });
    expect(stored).toHaveLength(10);
    for (const row of stored) expect(recoveryCodes.map((c) => c.replace(/-/g, ""))).not.toContain(row.codeHash);
    const audit = await db().auditLog.findMany({ where: { entityId: world.users.studentA.id } });
    expect(audit.map((entry) => `${entry.action} ${entry.entity}`)).toEqual(
      expect.arrayContaining(["UPDATE TwoFactor", "SIGN_IN User"]),
    );
    expect(JSON.stringify(audit)).not.toContain(recoveryCodes[0]);
  });

  it("asks for a code next time; a wrong one is refused and audited, the right one signs in, and it cannot be replayed", async () => {
    const enrolledAt = new Date(Date.now() - 120_000);
    const { secret } = await enrolThroughSignIn(world.users.peB, enrolledAt);
    const at = new Date();
    const first = await afterFirstFactor(world.users.peB, "password", meta, {}, at);
    expect(first).toMatchObject({ kind: "pending", next: "/sign-in/code" });
    await expect(signInWithSecondFactor(first.token, { code: "123456" }, meta, at)).rejects.toMatchObject({
      status: 401,
    });
    expect(
      await db().auditLog.count({ where: { action: "SIGN_IN_FAILED", entityId: world.users.peB.id } }),
    ).toBeGreaterThan(0);
    const code = totpAt(secret, at);
    const session = await signInWithSecondFactor(first.token, { code }, meta, at);
    expect((await sessionOfToken(session.token))?.user.id).toBe(world.users.peB.id);
    // The pending sign-in is used up, and the same code on a fresh sign-in is refused (replay).
    await expect(signInWithSecondFactor(first.token, { code }, meta, at)).rejects.toMatchObject({ status: 401 });
    const again = await afterFirstFactor(world.users.peB, "password", meta, {}, at);
    await expect(signInWithSecondFactor(again.token, { code }, meta, at)).rejects.toMatchObject({ status: 401 });
  });

  it("takes each recovery code once", async () => {
    const { recoveryCodes } = await enrolThroughSignIn(world.users.admin, new Date());
    const first = await afterFirstFactor(world.users.admin, "password", meta);
    const session = await signInWithSecondFactor(first.token, { recoveryCode: recoveryCodes[3].toUpperCase() }, meta);
    expect((await sessionOfToken(session.token))?.user.id).toBe(world.users.admin.id);
    const again = await afterFirstFactor(world.users.admin, "password", meta);
    await expect(signInWithSecondFactor(again.token, { recoveryCode: recoveryCodes[3] }, meta)).rejects.toMatchObject({
      status: 401,
    });
    expect(await db().recoveryCode.count({ where: { userId: world.users.admin.id, usedAt: null } })).toBe(9);
  });

  it("throws away a pending sign-in after its time, and after five wrong codes", async () => {
    const at = new Date(Date.now() - 11 * 60_000);
    process.env.MFA_POLICY = "optional";
    const stale = await afterFirstFactor(world.users.admin, "password", meta, {}, at);
    await expect(signInWithSecondFactor(stale.token, { code: "123456" }, meta)).rejects.toMatchObject({
      status: 401,
      message: expect.stringContaining("timed out"),
    });
    await db().signInThrottle.deleteMany();
    const fresh = await afterFirstFactor(world.users.admin, "password", meta);
    const answers: number[] = [];
    for (let i = 0; i < 6; i++)
      answers.push(
        await signInWithSecondFactor(fresh.token, { code: "000000" }, meta).then(
          () => 200,
          (error: { status: number }) => error.status,
        ),
      );
    // Five wrong codes lock the email (the sign-in throttle counts them); the sixth is refused unchecked.
    expect(answers.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(answers[5]).toBe(429);
  });

  it("lets those who need not have it sign straight in, and nobody is asked when the policy is off", async () => {
    process.env.MFA_POLICY = "required-for-names";
    expect((await afterFirstFactor(world.users.tutorA, "password", meta)).kind).toBe("session");
    expect((await afterFirstFactor(world.users.onsiteA, "password", meta)).kind).toBe("session");
    process.env.MFA_POLICY = "off";
    expect((await afterFirstFactor(world.users.peB, "password", meta)).kind).toBe("session");
    process.env.MFA_POLICY = "required-for-names";
    // A provider's multi-factor (amr "mfa") counts as the second factor.
    expect((await afterFirstFactor(world.users.peB, "sso:council", meta, { providerDidMfa: true })).kind).toBe(
      "session",
    );
  });

  it("turns off only with the password and a code, and never for a role that must have it", async () => {
    const at = new Date(Date.now() - 90_000);
    // A tutor need not have it: set up from their account page.
    const { secret } = await enrolmentSecret(world.users.tutorB);
    await confirmEnrolment(world.users.tutorB, { code: totpAt(secret, at) }, at);
    process.env.MFA_POLICY = "required-for-names";
    const now = new Date();
    await expect(
      turnOffOwnTwoFactor(world.users.tutorB, { password: "wrong password", code: totpAt(secret, now) }, now),
    ).rejects.toMatchObject({ fieldErrors: { password: expect.anything() } });
    expect(
      await turnOffOwnTwoFactor(world.users.tutorB, { password: TEST_PASSWORD, code: totpAt(secret, now) }, now),
    ).toEqual({ turnedOff: true });
    expect(await db().twoFactor.count({ where: { userId: world.users.tutorB.id } })).toBe(0);
    await expect(
      turnOffOwnTwoFactor(world.users.peB, { password: TEST_PASSWORD, code: "123456" }),
    ).rejects.toMatchObject({ message: expect.stringContaining("cannot be turned off") });
  });

  it("lets the team manager reset a person's second factor, ending their sessions, with an audit entry", async () => {
    const before = await db().auditLog.count({ where: { entity: "TwoFactor", entityId: world.users.peB.id } });
    expect(await resetTwoFactorOfPerson(world.users.admin, world.users.peB.id)).toMatchObject({
      sessionsEnded: expect.any(Number),
    });
    expect(await db().twoFactor.count({ where: { userId: world.users.peB.id } })).toBe(0);
    expect(await db().recoveryCode.count({ where: { userId: world.users.peB.id } })).toBe(0);
    expect(await db().session.count({ where: { userId: world.users.peB.id } })).toBe(0);
    const entry = await db().auditLog.findFirst({
      where: { entity: "TwoFactor", entityId: world.users.peB.id, actorId: world.users.admin.id },
    });
    expect(entry?.changes).toMatchObject({ twoFactor: "reset by the team manager" });
    expect(await db().auditLog.count({ where: { entity: "TwoFactor", entityId: world.users.peB.id } })).toBe(
      before + 1,
    );
    // Nobody else may, and there is nothing left to reset.
    await expect(resetTwoFactorOfPerson(world.users.peA, world.users.peB.id)).rejects.toMatchObject({ status: 404 });
    await expect(resetTwoFactorOfPerson(world.users.admin, world.users.peB.id)).rejects.toMatchObject({ status: 422 });
  });
});
