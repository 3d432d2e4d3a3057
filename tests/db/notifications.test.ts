/** @jest-environment node */
import { useTestDatabase } from "../support/test-database";
import { buildWorld, type World } from "../support/world";
import {
  countUnreadNotifications,
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  notify,
} from "@/lib/notifications/notifications";
import { toAppError } from "@/lib/errors";

const { db } = useTestDatabase();

let world: World;
beforeAll(async () => {
  world = await buildWorld();
});

/** Two notifications for the student, one for their PE. */
async function sendSome() {
  await db().$transaction(async (tx) => {
    await notify(tx, [world.users.studentA.id], { kind: "TEST", title: "First" });
    await notify(tx, [world.users.studentA.id, world.users.peA.id], { kind: "TEST", title: "Second" });
  });
  const mine = await listNotifications(world.users.studentA);
  return { mine: mine.notifications, unread: mine.unread };
}

// The audit log is append-only (a trigger refuses DELETE): each test reads only the entries written since it began.
let testStarted = new Date();
beforeEach(async () => {
  await db().notification.deleteMany();
  testStarted = new Date();
});

describe("a person's notifications", () => {
  it("lists only the caller's own, newest first, with the unread count", async () => {
    const { mine, unread } = await sendSome();
    expect(mine.map((item) => item.title)).toEqual(["Second", "First"]);
    expect(unread).toBe(2);
    expect((await listNotifications(world.users.peA)).notifications.map((item) => item.title)).toEqual(["Second"]);
  });

  it("marks one read, audited once; marking it again changes nothing and writes no second entry", async () => {
    const { mine } = await sendSome();
    const marked = await markNotificationRead(world.users.studentA, mine[0].id);
    expect(marked.read).toBe(true);
    expect(await countUnreadNotifications(world.users.studentA)).toBe(1);
    const again = await markNotificationRead(world.users.studentA, mine[0].id);
    expect(again.readAt).toBe(marked.readAt);
    const audit = await db().auditLog.findMany({ where: { entity: "Notification", entityId: mine[0].id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "UPDATE", actorId: world.users.studentA.id });
  });

  it("answers 404 for someone else's notification, or a malformed id, and marks nothing", async () => {
    const { mine } = await sendSome();
    for (const [user, id] of [
      [world.users.peA, mine[1].id],
      [world.users.studentA, "x\u0000y"],
    ] as const) {
      const error = await markNotificationRead(user, id).then(
        () => null,
        (caught) => toAppError(caught),
      );
      expect(error?.status).toBe(404);
    }
    expect(await countUnreadNotifications(world.users.studentA)).toBe(2);
  });

  it("marks all of the caller's read, and only theirs, in one audit entry", async () => {
    await sendSome();
    expect(await markAllNotificationsRead(world.users.studentA)).toEqual({ marked: 2 });
    expect(await countUnreadNotifications(world.users.studentA)).toBe(0);
    expect(await countUnreadNotifications(world.users.peA)).toBe(1);
    const audit = await db().auditLog.findMany({ where: { entity: "Notifications", at: { gte: testStarted } } });
    expect(audit).toHaveLength(1);
    expect(audit[0].entityId).toBe(world.users.studentA.id);
    expect(await markAllNotificationsRead(world.users.studentA)).toEqual({ marked: 0 });
    expect(await db().auditLog.count({ where: { entity: "Notifications", at: { gte: testStarted } } })).toBe(1);
  });
});
