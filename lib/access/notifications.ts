import type { Prisma } from "@/lib/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";

/** A notification belongs to one person: nobody else ever sees or marks it. */
export function notificationsVisibleTo(user: SessionUser): Prisma.NotificationWhereInput {
  assertVerifiedUser(user);
  return { userId: user.id };
}

export function isRecipient(user: SessionUser, notification: { userId: string }): boolean {
  return notification.userId === user.id;
}
