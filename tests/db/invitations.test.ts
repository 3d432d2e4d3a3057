/** @jest-environment node */
import { useTestDatabase } from "../support/test-database";
import { linkToken, startMailbox } from "../support/mailbox";
import { buildWorld, type World } from "../support/world";
import { createUser, getUserForEdit, listUsers } from "@/lib/users/users";
import { endSessionsOfPerson, resendInvitation, revokeInvitation } from "@/lib/users/invitations";
import { describeLink, setPasswordFromLink } from "@/lib/auth/account-links";
import { authenticate } from "@/lib/auth/authenticate";
import { sessionOfToken, startSession } from "@/lib/auth/sessions";
import { toAppError } from "@/lib/errors";

const { db } = useTestDatabase();

let world: World;
let mailbox: Awaited<ReturnType<typeof startMailbox>>;
beforeAll(async () => {
  world = await buildWorld();
  mailbox = await startMailbox(3212);
  process.env.SMTP_URL = mailbox.url;
  process.env.APP_URL = "http://localhost:3201";
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  await mailbox.close();
});

const PASSWORD = "harbour lantern quince orbit";
const both = (password: string) => ({ newPassword: password, confirmPassword: password });
const newPe = (email: string) => ({ name: "Nadia Invited", email, role: "PRACTICE_EDUCATOR", pepsStage: "STAGE_2" });

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

describe("invitations", () => {
  it("a person added without a password is invited by email, sets a password with the link, and becomes active", async () => {
    const email = "nadia.invited@test.example.org";
    expect(await createUser(world.users.admin, newPe(email))).toMatchObject({ invited: true });
    expect((await listUsers(world.users.admin, { q: "Nadia" }))[0]).toMatchObject({
      status: "INVITED",
      lastSignedInAt: null,
    });
    expect(await authenticate(email, PASSWORD)).toBeNull();

    const mail = await mailbox.waitFor(email);
    expect(mail.raw).toContain("Subject: Your Placement Tracker account");
    expect(mail.text).toContain("Hello Nadia Invited");
    expect(mail.text).toContain("Test Team");
    const token = linkToken(mail);
    expect(await describeLink(token)).toMatchObject({ state: "usable", purpose: "INVITATION" });
    const link = await db().accountLink.findFirstOrThrow({ where: { user: { email } } });
    expect(link.expiresAt.getTime() - link.createdAt.getTime()).toBe(7 * 24 * 3_600_000);

    await setPasswordFromLink(token, both(PASSWORD));
    expect(await authenticate(email, PASSWORD)).not.toBeNull();
    expect((await listUsers(world.users.admin, { q: "Nadia" }))[0].status).toBe("ACTIVE");
    expect((await describeLink(token)).state).toBe("used");
    // Nothing to invite an active person to.
    const user = (await listUsers(world.users.admin, { q: "Nadia" }))[0];
    expect((await refusal(resendInvitation(world.users.admin, user.id))).status).toBe(422);
  });

  it("sending again replaces the link; withdrawing stops it; only the admin may do either", async () => {
    const email = "olly.invited@test.example.org";
    const { id } = await createUser(world.users.admin, { ...newPe(email), name: "Olly Invited" });
    const firstMail = await mailbox.waitFor(email);
    const first = linkToken(firstMail);
    await resendInvitation(world.users.admin, id);
    const second = linkToken(await mailbox.waitFor(email, 10_000, firstMail));
    expect(second).not.toBe(first);
    expect((await describeLink(first)).state).toBe("revoked");
    expect((await getUserForEdit(world.users.admin, id)).invitation).not.toBeNull();

    expect((await refusal(revokeInvitation(world.users.peA, id))).status).toBe(404);
    await revokeInvitation(world.users.admin, id);
    expect((await describeLink(second)).state).toBe("revoked");
    expect((await refusal(setPasswordFromLink(second, both(PASSWORD)))).status).toBe(400);
    expect(await authenticate(email, PASSWORD)).toBeNull();
    // Another team's manager cannot see the account at all.
    expect((await refusal(resendInvitation(world.users.otherAdmin, id))).status).toBe(404);
  });

  it("the admin can sign a person out everywhere", async () => {
    const { token } = await startSession(world.users.peOther.id, { userAgent: null, ipAddress: null });
    expect(await endSessionsOfPerson(world.users.admin, world.users.peOther.id)).toEqual({ sessionsEnded: 1 });
    expect(await sessionOfToken(token)).toBeNull();
  });
});
