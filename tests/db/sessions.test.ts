/** @jest-environment node */
import { useTestDatabase } from "../support/test-database";
import { buildWorld, type World } from "../support/world";
import {
  endSessionOfToken,
  endSessionsOf,
  sessionOfToken,
  startSession,
  sweepExpiredSessions,
} from "@/lib/auth/sessions";
import { getUserForEdit, updateUser } from "@/lib/users/users";
import { listAuditEntries } from "@/lib/audit-log";

const { db } = useTestDatabase();

let world: World;
beforeAll(async () => {
  world = await buildWorld();
});

const meta = { userAgent: "Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0", ipAddress: "192.0.2.7" };
const minutes = (from: Date, count: number) => new Date(from.getTime() + count * 60_000);

describe("server-side sessions", () => {
  it("a session's token names its user; only the token's hash is stored", async () => {
    const { token } = await startSession(world.users.peA.id, meta);
    expect((await sessionOfToken(token))?.user).toEqual(world.users.peA);
    const rows = await db().session.findMany({ where: { userId: world.users.peA.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0].tokenHash).not.toContain(token);
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(rows[0]).toMatchObject(meta);
    expect((await db().user.findUnique({ where: { id: world.users.peA.id } }))?.lastSignedInAt).not.toBeNull();
  });

  it("a copy of the cookie taken before signing out is refused afterwards", async () => {
    const { token } = await startSession(world.users.peB.id, meta);
    const copy = `${token}`;
    expect(await sessionOfToken(copy)).not.toBeNull();
    await endSessionOfToken(token);
    expect(await sessionOfToken(copy)).toBeNull();
    expect(await db().session.count({ where: { userId: world.users.peB.id } })).toBe(0);
  });

  it("refuses tokens that are malformed or unknown", async () => {
    expect(await sessionOfToken(undefined)).toBeNull();
    expect(await sessionOfToken("")).toBeNull();
    expect(await sessionOfToken("not a token\u0000")).toBeNull();
    expect(await sessionOfToken("A".repeat(43))).toBeNull();
  });

  it("ends after 30 idle minutes, and activity keeps it alive", async () => {
    const start = new Date();
    const { token } = await startSession(world.users.tutorA.id, meta, start);
    expect(await sessionOfToken(token, minutes(start, 29))).not.toBeNull();
    // That request was activity: 29 more minutes are fine.
    expect(await sessionOfToken(token, minutes(start, 58))).not.toBeNull();
    expect(await sessionOfToken(token, minutes(start, 89))).toBeNull();
    // Ended for good: the row is gone.
    expect(await sessionOfToken(token, minutes(start, 60))).toBeNull();
  });

  it("ends 8 hours after signing in, however busy", async () => {
    const start = new Date();
    const { token } = await startSession(world.users.tutorB.id, meta, start);
    for (let minute = 20; minute < 8 * 60; minute += 20)
      expect(await sessionOfToken(token, minutes(start, minute))).not.toBeNull();
    expect(await sessionOfToken(token, minutes(start, 8 * 60))).toBeNull();
  });

  it("signing out everywhere ends every session but the one kept", async () => {
    const user = world.users.studentA;
    const here = await startSession(user.id, meta);
    const phone = await startSession(user.id, { userAgent: "phone", ipAddress: "198.51.100.1" });
    const laptop = await startSession(user.id, { userAgent: "laptop", ipAddress: "198.51.100.2" });
    const kept = (await sessionOfToken(here.token))!.sessionId;
    expect(await endSessionsOf(db(), user.id, kept)).toBe(2);
    expect(await sessionOfToken(here.token)).not.toBeNull();
    expect(await sessionOfToken(phone.token)).toBeNull();
    expect(await sessionOfToken(laptop.token)).toBeNull();
  });

  it("deactivating an account ends its sessions at once, and the audit says so", async () => {
    const target = world.users.onsiteA;
    const { token } = await startSession(target.id, meta);
    const before = await getUserForEdit(world.users.admin, target.id);
    await updateUser(world.users.admin, target.id, {
      name: before.name,
      email: before.email,
      role: before.role,
      active: false,
      version: before.version,
    });
    expect(await sessionOfToken(token)).toBeNull();
    expect(await db().session.count({ where: { userId: target.id } })).toBe(0);
    const entries = await listAuditEntries(world.users.admin, { entity: "User", entityId: target.id });
    expect(JSON.stringify(entries[0]?.changes)).toContain("sessionsEnded");
  });

  it("an admin's new password for someone signs them out everywhere", async () => {
    const target = world.users.studentB;
    const { token } = await startSession(target.id, meta);
    const before = await getUserForEdit(world.users.admin, target.id);
    await updateUser(world.users.admin, target.id, {
      name: before.name,
      email: before.email,
      role: before.role,
      active: true,
      version: before.version,
      newPassword: "a brand new long password",
      universityId: world.uniB.id,
      programmeId: world.programmeB.id,
      yearOfStudy: 2,
      placementLevel: "FIRST",
    });
    expect(await sessionOfToken(token)).toBeNull();
  });

  it("sweeping removes only sessions past their end", async () => {
    const old = new Date(Date.now() - 9 * 3_600_000);
    await startSession(world.users.peOther.id, meta, old);
    const fresh = await startSession(world.users.peOther.id, meta);
    await sweepExpiredSessions();
    expect(await db().session.count({ where: { userId: world.users.peOther.id } })).toBe(1);
    expect(await sessionOfToken(fresh.token)).not.toBeNull();
  });
});
