/** @jest-environment node */
import { useTestDatabase } from "../support/test-database";
import { buildWorld, type World } from "../support/world";
import { startMailbox } from "../support/mailbox";
import { auditFailedSignIn, completeSignIn } from "@/lib/auth/sign-in-flow";
import { removeExpiredAccountRows } from "@/lib/auth/housekeeping";
import { issueLink } from "@/lib/auth/account-links";
import { hashToken } from "@/lib/auth/sessions";

const { db } = useTestDatabase();
const firefox = { userAgent: "Mozilla/5.0 (Windows NT 10.0) Gecko/20100101 Firefox/140.0", ipAddress: "192.0.2.9" };
const safari = {
  userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0) Version/18.0 Mobile Safari/604.1",
  ipAddress: "198.51.100.4",
};

let world: World;
let mailbox: Awaited<ReturnType<typeof startMailbox>>;
beforeAll(async () => {
  world = await buildWorld();
  // The SMTP test mailbox of this worktree's range (the e2e one is E2E_PORT + 9).
  mailbox = await startMailbox(Number(process.env.DB_TEST_SMTP_PORT ?? 3207));
  process.env.SMTP_URL = mailbox.url;
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  await mailbox.close();
});

describe("sign-in audit and new-device email", () => {
  it("audits a sign-in (how, from which device) and a refused one, never with a password or a code", async () => {
    await completeSignIn(world.users.tutorA, "password", { ...firefox, deviceToken: null }, undefined);
    await auditFailedSignIn(world.users.tutorA.id, { method: "password", reason: "wrong email or password" }, firefox);
    const entries = await db().auditLog.findMany({
      where: { entityId: world.users.tutorA.id },
      orderBy: { at: "asc" },
    });
    expect(entries.map((entry) => entry.action)).toEqual(["SIGN_IN", "SIGN_IN_FAILED"]);
    expect(entries[0]).toMatchObject({
      actorId: world.users.tutorA.id,
      changes: { method: "password", device: "Firefox on Windows", ipAddress: "192.0.2.9", newDevice: false },
    });
    expect(entries[1]).toMatchObject({ actorId: null, changes: { reason: "wrong email or password" } });
    expect(JSON.stringify(entries)).not.toMatch(/password"?:\s*"(?!password)/);
  });

  it("emails the person when they sign in from a browser not seen before, but not on their first sign-in or a known browser", async () => {
    const user = world.users.tutorB;
    const first = await completeSignIn(user, "password", { ...firefox, deviceToken: null }, undefined);
    const again = await completeSignIn(user, "password", { ...firefox, deviceToken: first.deviceToken }, undefined);
    expect(again.deviceToken).toBe(first.deviceToken);
    // Only the hash of the browser's token is stored.
    expect(await db().knownDevice.findMany({ where: { userId: user.id } })).toEqual([
      expect.objectContaining({ deviceHash: hashToken(first.deviceToken) }),
    ]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(mailbox.received.filter((mail) => mail.to.includes(user.email))).toHaveLength(0);

    const phone = await completeSignIn(user, "password", { ...safari, deviceToken: null }, undefined);
    expect(phone.deviceToken).not.toBe(first.deviceToken);
    const mail = await mailbox.waitFor(user.email);
    expect(mail.raw).toContain("Subject: New sign-in to your Placement Tracker account");
    expect(mail.text).toContain("Safari on iOS");
    expect(mail.text).toContain(`Hello ${user.name}`);
    const audit = await db().auditLog.findFirst({
      where: { entityId: user.id, action: "SIGN_IN" },
      orderBy: { at: "desc" },
    });
    expect(audit?.changes).toMatchObject({ newDevice: true, device: "Safari on iOS" });
  });

  it("the daily job removes links a week past their end, and spent half-done sign-ins, keeping live ones", async () => {
    const now = new Date();
    const longAgo = new Date(now.getTime() - 40 * 24 * 3_600_000);
    const oldToken = await issueLink(db(), world.users.onsiteA.id, "INVITATION", world.users.admin.id, longAgo);
    const recentlyExpired = await issueLink(
      db(),
      world.users.onsiteOther.id,
      "PASSWORD_RESET",
      null,
      new Date(now.getTime() - 2 * 3_600_000),
    );
    const live = await issueLink(db(), world.users.peOther.id, "INVITATION", world.users.admin.id, now);
    await db().pendingSignIn.create({
      data: {
        tokenHash: "stale-pending",
        userId: world.users.peOther.id,
        step: "CODE",
        method: "password",
        expiresAt: new Date(now.getTime() - 60_000),
      },
    });
    const removed = await removeExpiredAccountRows(now);
    expect(removed).toBeGreaterThanOrEqual(2);
    const left = await db().accountLink.findMany({ select: { tokenHash: true } });
    const hashes = left.map((row) => row.tokenHash);
    expect(hashes).not.toContain(hashToken(oldToken));
    // A just-expired link still says "expired", not "not valid", for a week.
    expect(hashes).toContain(hashToken(recentlyExpired));
    expect(hashes).toContain(hashToken(live));
    expect(await db().pendingSignIn.count({ where: { tokenHash: "stale-pending" } })).toBe(0);
  });
});
