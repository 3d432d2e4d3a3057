import Link from "next/link";
import type { SessionUser } from "@/lib/auth/session-user";
import { countUnreadNotifications } from "@/lib/notifications/notifications";

/**
 * For the site header: "Notifications (N unread)", linking to /notifications.
 * Usage, in a server component with the signed-in user: <NotificationsLink user={user} />
 */
export async function NotificationsLink({ user, className }: { user: SessionUser; className?: string }) {
  const unread = await countUnreadNotifications(user);
  return (
    <Link
      href="/notifications"
      className={className ?? "rounded px-1 py-1 text-white underline-offset-4 hover:underline"}
    >
      Notifications{" "}
      <span
        className={
          unread > 0 ? "ml-1 inline-block rounded-full bg-amber-300 px-2 text-sm font-bold text-gray-950" : "text-sm"
        }
      >
        ({unread} unread)
      </span>
    </Link>
  );
}
