import "server-only";
import { getDb, type Tx } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { isRecipient, notificationsVisibleTo } from "@/lib/access/notifications";
import { command, parseId } from "@/lib/core/command";
import { notFound } from "@/lib/errors";

// In-app notifications. A notification belongs to one user: every read and
// write here is filtered by the caller's own id, so nobody ever sees or marks
// anyone else's. Titles and bodies refer to children by code only: a
// notification outlives the recipient's access to the child.

export type NotificationInput = { kind: string; title: string; body?: string; link?: string | null };

/** Creates one notification per (distinct) user inside the caller's transaction, so it commits with the change it announces. */
export async function notify(tx: Tx, userIds: string[], notification: NotificationInput): Promise<number> {
  const recipients = [...new Set(userIds.filter(Boolean))];
  if (recipients.length === 0) return 0;
  const { count } = await tx.notification.createMany({
    data: recipients.map((userId) => ({
      userId,
      kind: notification.kind,
      title: notification.title,
      body: notification.body ?? "",
      link: notification.link ?? null,
    })),
  });
  return count;
}

function present(row: {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: Date;
  readAt: Date | null;
}) {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    link: row.link,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
    read: row.readAt !== null,
  };
}

/** The caller's own notifications, newest first, with how many are unread. */
export async function listNotifications(user: SessionUser, options: { take?: number; unreadOnly?: boolean } = {}) {
  const own = notificationsVisibleTo(user);
  const db = getDb();
  const [rows, unread] = await Promise.all([
    db.notification.findMany({
      where: { ...own, readAt: options.unreadOnly ? null : undefined },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: Math.min(Math.max(options.take ?? 100, 1), 500),
    }),
    db.notification.count({ where: { ...own, readAt: null } }),
  ]);
  return { notifications: rows.map(present), unread };
}

export async function countUnreadNotifications(user: SessionUser): Promise<number> {
  return getDb().notification.count({ where: { ...notificationsVisibleTo(user), readAt: null } });
}

const mayMark = (user: SessionUser, notification: { userId: string }) =>
  isRecipient(user, notification) || "Only its recipient can mark a notification read.";

/** Marks one of the caller's notifications read (again is harmless); someone else's is a 404. */
export const markNotificationRead = command({
  parse: (notificationId: string) => ({ notificationId: parseId(notificationId, "That notification") }),
  async load({ tx, user }, input) {
    const row = await tx.notification.findFirst({
      where: { AND: [notificationsVisibleTo(user), { id: input.notificationId }] },
    });
    if (!row) throw notFound("That notification");
    return row;
  },
  allow: mayMark,
  async run({ tx, audit }, row) {
    if (row.readAt) return present(row);
    const readAt = new Date();
    // The readAt condition makes a second click at the same moment a no-op, not a second audit entry.
    const { count } = await tx.notification.updateMany({ where: { id: row.id, readAt: null }, data: { readAt } });
    if (count > 0) await audit.updated("Notification", row.id, { readAt: null }, { readAt });
    return present({ ...row, readAt });
  },
});

export const markAllNotificationsRead = command({
  parse: () => ({}),
  load: ({ tx, user }) =>
    tx.notification.findMany({
      where: { ...notificationsVisibleTo(user), readAt: null },
      select: { id: true, userId: true },
    }),
  allow: (user, unread) =>
    unread.every((row) => mayMark(user, row) === true) || "Only its recipient can mark a notification read.",
  async run({ tx, user, audit }, unread) {
    if (unread.length === 0) return { marked: 0 };
    const readAt = new Date();
    const ids = unread.map((row) => row.id);
    const { count } = await tx.notification.updateMany({ where: { id: { in: ids }, readAt: null }, data: { readAt } });
    // One entry for the recipient's whole list, not one per notification.
    await audit.entry("UPDATE", "Notifications", user.id, { readAt: { from: null, to: readAt }, notificationIds: ids });
    return { marked: count };
  },
});
