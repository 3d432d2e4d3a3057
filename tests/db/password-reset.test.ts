/** @jest-environment node */
import { useTestDatabase } from "../support/test-database";
import { startMailbox, linkToken } from "../support/mailbox";
import { buildWorld, TEST_PASSWORD, type World } from "../support/world";
import { describeLink, requestPasswordReset, setPasswordFromLink } from "@/lib/auth/account-links";
import { LINK_PROBLEMS } from "@/lib/auth/link-rules";
import { authenticate } from "@/lib/auth/authenticate";
import { sessionOfToken, startSession } from "@/lib/auth/sessions";
import { listAuditEntries } from "@/lib/audit-log";
import { toAppError } from "@/lib/errors";

const { db } = useTestDatabase();

let world: World;
let mailbox: Awaited<ReturnType<typeof startMailbox>>;
beforeAll(async () => {
  world = await buildWorld();
  mailbox = await startMailbox(3211);
  process.env.SMTP_URL = mailbox.url;
  process.env.APP_URL = "http://localhost:3201";
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  await mailbox.close();
});

const NEW_PASSWORD = "lantern orbit quince harbour";
const both = (password: string) => ({ newPassword: password, confirmPassword: password });

async function refusal(promise: Promise<unknown>) {
  const error = toAppError(
    await promise.then(
      () => null,
      (caught) => caught,
    ),
  );
  if (!error) throw new Error("Expected a user-facing error");
  return error;
}

describe("forgotten password", () => {
  it("emails a one-time link (plain text and HTML) that sets a new password, ends every session and is audited", async () => {
    const user = world.users.peA;
    const { token: sessionToken } = await startSession(user.id, { userAgent: null, ipAddress: null });
    expect(await requestPasswordReset({ email: "PEA@test.example.org" }, "192.0.2.1")).toEqual({ sent: true });
    const mail = await mailbox.waitFor(user.email);
    expect(mail.raw).toContain("Subject: Reset your Placement Tracker password");
    expect(mail.raw).toMatch(/Content-Type: text\/plain/);
    expect(mail.raw).toMatch(/Content-Type: text\/html/);
    expect(mail.text).toContain("http://localhost:3201/set-password/");
    const token = linkToken(mail);
    // Only the hash is stored.
    expect(JSON.stringify(await db().accountLink.findMany())).not.toContain(token);

    expect(await describeLink(token)).toMatchObject({ state: "usable", purpose: "PASSWORD_RESET", email: user.email });
    await setPasswordFromLink(token, both(NEW_PASSWORD));
    expect(await authenticate(user.email, NEW_PASSWORD)).not.toBeNull();
    expect(await authenticate(user.email, TEST_PASSWORD)).toBeNull();
    expect(await sessionOfToken(sessionToken)).toBeNull();
    const [entry] = await listAuditEntries(world.users.admin, { entity: "User", entityId: user.id });
    expect(entry.changes).toMatchObject({ password: "(reset by email link)", sessionsEnded: 1 });

    // Single use.
    expect(await describeLink(token)).toEqual({ state: "used", problem: LINK_PROBLEMS.used });
    const reused = await refusal(setPasswordFromLink(token, both("another fine passphrase here")));
    expect(reused.message).toBe(LINK_PROBLEMS.used);
    expect(await authenticate(user.email, NEW_PASSWORD)).not.toBeNull();
  });

  it("answers the same for an unknown address, and sends nothing", async () => {
    const before = mailbox.received.length;
    expect(await requestPasswordReset({ email: "nobody@test.example.org" }, "192.0.2.2")).toEqual({ sent: true });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(mailbox.received.length).toBe(before);
    expect(await db().accountLink.count({ where: { user: { email: "nobody@test.example.org" } } })).toBe(0);
  });

  it("refuses expired, tampered and superseded links, changing nothing", async () => {
    const user = world.users.peB;
    await requestPasswordReset({ email: user.email }, "192.0.2.3");
    const firstMail = await mailbox.waitFor(user.email);
    const first = linkToken(firstMail);
    await requestPasswordReset({ email: user.email }, "192.0.2.3");
    // The email goes after the answer (the same timing for an unknown address): wait for the new one.
    const second = linkToken(await mailbox.waitFor(user.email, 10_000, firstMail));
    expect(second).not.toBe(first);
    expect((await describeLink(first)).state).toBe("revoked");
    expect((await describeLink(`${second.slice(0, -2)}xx`)).state).toBe("unknown");
    expect((await describeLink("../../etc/passwd")).state).toBe("unknown");

    await db().accountLink.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const expired = await refusal(setPasswordFromLink(second, both(NEW_PASSWORD)));
    expect(expired.message).toBe(LINK_PROBLEMS.expired);
    expect(await authenticate(user.email, TEST_PASSWORD)).not.toBeNull();
  });

  it("refuses a weak password from a good link and keeps the link usable", async () => {
    const user = world.users.tutorA;
    await requestPasswordReset({ email: user.email }, "192.0.2.4");
    const token = linkToken(await mailbox.waitFor(user.email));
    const weak = await refusal(setPasswordFromLink(token, both("password1234")));
    expect(Object.keys(weak.fieldErrors ?? {})).toEqual(["newPassword"]);
    expect((await describeLink(token)).state).toBe("usable");
  });

  it("is throttled per address: after 3 requests in 15 minutes no more links go out, with the same answer", async () => {
    const user = world.users.tutorB;
    for (let request = 0; request < 5; request++)
      expect(await requestPasswordReset({ email: user.email }, `198.51.100.${request}`)).toEqual({ sent: true });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await db().accountLink.count({ where: { userId: user.id } })).toBe(3);
  });

  it("is throttled per caller across addresses", async () => {
    for (let request = 0; request < 22; request++)
      await requestPasswordReset({ email: `someone${request}@test.example.org` }, "203.0.113.9");
    const row = await db().signInThrottle.findUnique({ where: { email: "reset-from:203.0.113.9" } });
    expect(row?.lockedUntil).not.toBeNull();
  });
});
