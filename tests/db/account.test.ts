/** @jest-environment node */
import { useTestDatabase } from "../support/test-database";
import { buildWorld, TEST_PASSWORD, type World } from "../support/world";
import { changeOwnPassword, endOwnSession, listOwnSessions, signOutEverywhere } from "@/lib/auth/account";
import { sessionOfToken, startSession } from "@/lib/auth/sessions";
import { authenticate } from "@/lib/auth/authenticate";
import { MAX_FAILURES } from "@/lib/auth/sign-in-throttle";
import { PASSWORD_MESSAGES } from "@/lib/auth/password-policy";
import { listAuditEntries } from "@/lib/audit-log";
import { toAppError } from "@/lib/errors";

const { db } = useTestDatabase();

let world: World;
beforeAll(async () => {
  world = await buildWorld();
});

const meta = {
  userAgent: "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
  ipAddress: "192.0.2.9",
};
const NEW_PASSWORD = "copper kettle walks sideways";

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

describe("changing your own password", () => {
  it("needs the current password, keeps this session, ends the others, and is audited without the password", async () => {
    const user = world.users.peA;
    const here = await startSession(user.id, meta);
    const elsewhere = await startSession(user.id, { userAgent: "phone", ipAddress: null });
    const hereId = (await sessionOfToken(here.token))!.sessionId;

    const wrong = await refusal(
      changeOwnPassword(user, hereId, {
        currentPassword: "not it",
        newPassword: NEW_PASSWORD,
        confirmPassword: NEW_PASSWORD,
      }),
    );
    expect(wrong.fieldErrors).toEqual({ currentPassword: ["Your current password is not right"] });

    await changeOwnPassword(user, hereId, {
      currentPassword: TEST_PASSWORD,
      newPassword: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    });
    expect(await authenticate(user.email, NEW_PASSWORD)).not.toBeNull();
    expect(await authenticate(user.email, TEST_PASSWORD)).toBeNull();
    expect(await sessionOfToken(here.token)).not.toBeNull();
    expect(await sessionOfToken(elsewhere.token)).toBeNull();

    const [entry] = await listAuditEntries(world.users.admin, { entity: "User", entityId: user.id });
    expect(entry.changes).toMatchObject({ password: "(changed)", via: "change", sessionsEnded: 1 });
    expect(JSON.stringify(entry)).not.toContain(NEW_PASSWORD);
  });

  it("refuses a weak new password, one built from the person's name, and a mismatch, changing nothing", async () => {
    const user = world.users.peB;
    const { token } = await startSession(user.id, meta);
    const sessionId = (await sessionOfToken(token))!.sessionId;
    const before = await db().user.findUnique({ where: { id: user.id }, omit: { passwordHash: false } });
    const attempt = (newPassword: string, confirmPassword = newPassword) =>
      refusal(changeOwnPassword(user, sessionId, { currentPassword: TEST_PASSWORD, newPassword, confirmPassword }));

    expect((await attempt("password1234")).fieldErrors).toEqual({ newPassword: [PASSWORD_MESSAGES.guessable] });
    expect((await attempt("TestPeB-peb-2026")).fieldErrors).toEqual({ newPassword: [PASSWORD_MESSAGES.personal] });
    expect((await attempt("short")).fieldErrors).toEqual({ newPassword: [PASSWORD_MESSAGES.tooShort] });
    expect((await attempt(NEW_PASSWORD, "something else")).fieldErrors).toEqual({
      confirmPassword: ["The two passwords are not the same"],
    });
    const after = await db().user.findUnique({ where: { id: user.id }, omit: { passwordHash: false } });
    expect(after?.passwordHash).toBe(before?.passwordHash);
    expect(await sessionOfToken(token)).not.toBeNull();
  });

  it("wrong current passwords count toward the sign-in throttle", async () => {
    const user = world.users.tutorA;
    const { token } = await startSession(user.id, meta);
    const sessionId = (await sessionOfToken(token))!.sessionId;
    const guess = { currentPassword: "guess", newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD };
    for (let attempt = 0; attempt < MAX_FAILURES; attempt++)
      expect((await refusal(changeOwnPassword(user, sessionId, guess))).status).toBe(422);
    const locked = await refusal(changeOwnPassword(user, sessionId, { ...guess, currentPassword: TEST_PASSWORD }));
    expect(locked.status).toBe(429);
    expect(await authenticate(user.email, TEST_PASSWORD)).toBeNull();
  });
});

describe("your sessions", () => {
  it("lists only your own, marks this one, and signs out one or all", async () => {
    const user = world.users.studentA;
    const here = await startSession(user.id, meta);
    const phone = await startSession(user.id, {
      userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) Version/17.1 Mobile Safari/604.1",
      ipAddress: "198.51.100.4",
    });
    await startSession(world.users.studentB.id, meta);
    const hereId = (await sessionOfToken(here.token))!.sessionId;
    const phoneId = (await sessionOfToken(phone.token))!.sessionId;

    const listed = await listOwnSessions(user, hereId);
    expect(listed.map((row) => row.device).sort()).toEqual(["Firefox on Linux", "Safari on iOS"]);
    expect(listed.find((row) => row.current)?.id).toBe(hereId);

    // Someone else's session is "not found", and stays.
    const stranger = await startSession(world.users.studentB.id, meta);
    const strangerId = (await sessionOfToken(stranger.token))!.sessionId;
    expect((await refusal(endOwnSession(user, strangerId))).status).toBe(404);
    expect(await sessionOfToken(stranger.token)).not.toBeNull();

    await endOwnSession(user, phoneId);
    expect(await sessionOfToken(phone.token)).toBeNull();
    expect(await sessionOfToken(here.token)).not.toBeNull();

    await startSession(user.id, meta);
    expect(await signOutEverywhere(user)).toEqual({ sessionsEnded: 2 });
    expect(await db().session.count({ where: { userId: user.id } })).toBe(0);
    expect(await sessionOfToken(stranger.token)).not.toBeNull();
  });
});
