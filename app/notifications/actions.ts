"use server";
// Server actions for the signed-in user's own notifications.
import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/current-user";
import { runAction } from "@/lib/action-result";
import { markAllNotificationsRead, markNotificationRead } from "@/lib/notifications/notifications";

export async function markNotificationReadAction(notificationId: string) {
  const user = await requireUser();
  const result = await runAction(() => markNotificationRead(user, notificationId));
  // The header's unread count is on every page.
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

export async function markAllNotificationsReadAction() {
  const user = await requireUser();
  const result = await runAction(() => markAllNotificationsRead(user));
  if (result.ok) revalidatePath("/", "layout");
  return result;
}
