/** @jest-environment node */
import { useTestDatabase } from "../support/test-database";
import { buildWorld, TEST_PASSWORD, type World } from "../support/world";
import { attemptSignIn, authenticate } from "@/lib/auth/authenticate";
import { MAX_FAILURES, claimSignInAttempt, isSignInLocked } from "@/lib/auth/sign-in-throttle";

const { db } = useTestDatabase();

let world: World;
beforeAll(async () => {
  world = await buildWorld();
});

describe("signing in", () => {
  it("accepts the right password, whatever the email's case, and returns the verified user", async () => {
    const user = await authenticate("PEA@Test.Example.org", TEST_PASSWORD);
    expect(user).toEqual(world.users.peA);
  });

  it("gives the same answer (null) for a wrong password and an unknown email", async () => {
    expect(await authenticate(world.users.peB.email, "wrong password")).toBeNull();
    expect(await authenticate("nobody@test.example.org", TEST_PASSWORD)).toBeNull();
  });

  it("refuses a deactivated account", async () => {
    await db().user.update({ where: { id: world.users.onsiteOther.id }, data: { active: false } });
    expect(await authenticate(world.users.onsiteOther.email, TEST_PASSWORD)).toBeNull();
  });

  it(`locks an email after ${MAX_FAILURES} failures, even against the right password`, async () => {
    const email = world.users.tutorB.email;
    for (let attempt = 0; attempt < MAX_FAILURES; attempt++)
      expect(await attemptSignIn(email, "guess")).toMatchObject({ outcome: "refused" });
    expect(await attemptSignIn(email, TEST_PASSWORD)).toEqual({ outcome: "locked" });
    const row = await db().signInThrottle.findUnique({ where: { email } });
    expect(row?.lockedUntil?.getTime()).toBeGreaterThan(Date.now());
    // Another account is unaffected.
    expect(await authenticate(world.users.tutorA.email, TEST_PASSWORD)).not.toBeNull();
  });

  it("counts concurrent attempts without losing any (the lock lives in the database)", async () => {
    const email = "concurrent@test.example.org";
    const claims = await Promise.all(Array.from({ length: MAX_FAILURES + 3 }, () => claimSignInAttempt(email)));
    expect(claims.filter((claim) => claim.allowed)).toHaveLength(MAX_FAILURES);
    expect((await db().signInThrottle.findUnique({ where: { email } }))?.failures).toBe(MAX_FAILURES + 3);
    expect(await isSignInLocked(email)).toBe(true);
  });

  it("starts a new count once the window has passed and clears it on success", async () => {
    const email = world.users.studentOther.email;
    const longAgo = new Date(Date.now() - 60 * 60_000);
    await claimSignInAttempt(email, longAgo);
    await claimSignInAttempt(email);
    expect((await db().signInThrottle.findUnique({ where: { email } }))?.failures).toBe(1);
    expect(await authenticate(email, TEST_PASSWORD)).not.toBeNull();
    expect(await db().signInThrottle.findUnique({ where: { email } })).toBeNull();
  });

  it("a lock outlasts the window it started in, and then the count starts afresh", async () => {
    const email = "lock-expiry@test.example.org";
    const start = new Date(Date.now() - 40 * 60_000);
    for (let minute = 0; minute < MAX_FAILURES; minute++)
      await claimSignInAttempt(email, new Date(start.getTime() + minute * 60_000));
    // 16 minutes after the first failure the window has passed, but the lock (15 minutes from the 5th) has not.
    expect(await claimSignInAttempt(email, new Date(start.getTime() + 16 * 60_000))).toEqual({ allowed: false });
    // 20 minutes after the 5th, the lock is over: a fresh count.
    expect(await claimSignInAttempt(email, new Date(start.getTime() + 24 * 60_000))).toEqual({ allowed: true });
    expect((await db().signInThrottle.findUnique({ where: { email } }))?.failures).toBe(1);
  });
});

describe("parallel guesses (issue 10: 19 wrong passwords and the right one sent at once signed in)", () => {
  const guesses = (right: boolean) =>
    Array.from({ length: 20 }, (_, index) => (right && index === 10 ? TEST_PASSWORD : `guess ${index}`));

  it(`compare at most ${MAX_FAILURES} passwords, however many arrive at once, and never throw`, async () => {
    const email = world.users.peOther.email;
    const outcomes = await Promise.all(guesses(false).map((password) => attemptSignIn(email, password)));
    expect(outcomes.filter((o) => o.outcome === "refused")).toHaveLength(MAX_FAILURES);
    expect(outcomes.filter((o) => o.outcome === "locked")).toHaveLength(20 - MAX_FAILURES);
    expect(await isSignInLocked(email)).toBe(true);
  });

  it("once an account is locked, the right password among 20 parallel guesses does not sign in", async () => {
    const email = world.users.pePast.email;
    for (let attempt = 0; attempt < MAX_FAILURES; attempt++) await attemptSignIn(email, "guess");
    const outcomes = await Promise.all(guesses(true).map((password) => attemptSignIn(email, password)));
    expect(outcomes.every((o) => o.outcome === "locked")).toBe(true);
  });

  it("the right password among 20 parallel guesses signs in at most once, and only within the limit", async () => {
    const email = world.users.onsiteA.email;
    const outcomes = await Promise.all(guesses(true).map((password) => attemptSignIn(email, password)));
    const signedIn = outcomes.filter((o) => o.outcome === "signed_in");
    const compared = outcomes.filter((o) => o.outcome !== "locked");
    expect(signedIn.length).toBeLessThanOrEqual(1);
    // Without a success, exactly the first MAX_FAILURES were compared; a success gives its ticket back,
    // so at most MAX_FAILURES more wrong guesses can follow it.
    expect(compared.length).toBeLessThanOrEqual(signedIn.length ? 2 * MAX_FAILURES : MAX_FAILURES);
  });
});
