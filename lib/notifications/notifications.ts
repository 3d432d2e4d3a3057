import "server-only";
import { getDb, type Tx } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";
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

export type NotificationItem = ReturnType<typeof present>;

/** The caller's own notifications, newest first, with how many are unread. */
export async function listNotifications(user: SessionUser, options: { take?: number; unreadOnly?: boolean } = {}) {
  assertVerifiedUser(user);
  const db = getDb();
  const [rows, unread] = await Promise.all([
    db.notification.findMany({
      where: { userId: user.id, readAt: options.unreadOnly ? null : undefined },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: Math.min(Math.max(options.take ?? 100, 1), 500),
    }),
    db.notification.count({ where: { userId: user.id, readAt: null } }),
  ]);
  return { notifications: rows.map(present), unread };
}

export async function countUnreadNotifications(user: SessionUser): Promise<number> {
  assertVerifiedUser(user);
  return getDb().notification.count({ where: { userId: user.id, readAt: null } });
}

/** Marks one of the caller's notifications read (again is harmless); someone else's is a 404. */
export async function markNotificationRead(user: SessionUser, notificationId: string) {
  assertVerifiedUser(user);
  const db = getDb();
  const row = await db.notification.findFirst({ where: { id: String(notificationId), userId: user.id } });
  if (!row) throw notFound("That notification");
  if (row.readAt) return present(row);
  await db.notification.updateMany({
    where: { id: row.id, userId: user.id, readAt: null },
    data: { readAt: new Date() },
  });
  const updated = await db.notification.findFirstOrThrow({ where: { id: row.id, userId: user.id } });
  return present(updated);
}

export async function markAllNotificationsRead(user: SessionUser) {
  assertVerifiedUser(user);
  const { count } = await getDb().notification.updateMany({
    where: { userId: user.id, readAt: null },
    data: { readAt: new Date() },
  });
  return { marked: count };
}
