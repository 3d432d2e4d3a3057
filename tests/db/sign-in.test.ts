/** @jest-environment node */
import { useTestDatabase } from "../support/test-database";
import { buildWorld, TEST_PASSWORD, type World } from "../support/world";
import { authenticate } from "@/lib/auth/authenticate";
import { MAX_FAILURES, recordFailedSignIn, isSignInLocked } from "@/lib/auth/sign-in-throttle";

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
    for (let attempt = 0; attempt < MAX_FAILURES; attempt++) expect(await authenticate(email, "guess")).toBeNull();
    expect(await authenticate(email, TEST_PASSWORD)).toBeNull();
    const row = await db().signInThrottle.findUnique({ where: { email } });
    expect(row?.failures).toBe(MAX_FAILURES);
    expect(row?.lockedUntil?.getTime()).toBeGreaterThan(Date.now());
    // Another account is unaffected.
    expect(await authenticate(world.users.tutorA.email, TEST_PASSWORD)).not.toBeNull();
  });

  it("counts failures from concurrent attempts without losing any (the lock lives in the database)", async () => {
    const email = "concurrent@test.example.org";
    await Promise.all(Array.from({ length: MAX_FAILURES }, () => recordFailedSignIn(email)));
    expect((await db().signInThrottle.findUnique({ where: { email } }))?.failures).toBe(MAX_FAILURES);
    expect(await isSignInLocked(email)).toBe(true);
  });

  it("starts a new count once the window has passed and clears it on success", async () => {
    const email = world.users.studentOther.email;
    const longAgo = new Date(Date.now() - 60 * 60_000);
    await recordFailedSignIn(email, longAgo);
    await recordFailedSignIn(email);
    expect((await db().signInThrottle.findUnique({ where: { email } }))?.failures).toBe(1);
    expect(await authenticate(email, TEST_PASSWORD)).not.toBeNull();
    expect(await db().signInThrottle.findUnique({ where: { email } })).toBeNull();
  });
});
