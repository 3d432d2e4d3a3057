import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/current-user";
import { listNotifications } from "@/lib/notifications/notifications";
import { formatDateTime } from "@/lib/dates";
import { MarkAllReadButton, MarkReadButton, NotificationLink } from "./notification-buttons";

export const metadata: Metadata = { title: "Notifications" };
export const dynamic = "force-dynamic";

export default async function NotificationsPage() {
  const user = await requireUser();
  const { notifications, unread } = await listNotifications(user, { take: 200 });

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-bold">Notifications</h1>
          <p className="text-muted">
            {unread === 0
              ? "Nothing unread."
              : unread === 1
                ? "1 unread notification."
                : `${unread} unread notifications.`}{" "}
            Newest first.
          </p>
        </div>
        {unread > 0 && <MarkAllReadButton />}
      </div>

      {notifications.length === 0 ? (
        <p className="rounded border border-gray-300 bg-white p-4">You have no notifications.</p>
      ) : (
        <ul className="space-y-3">
          {notifications.map((notification) => {
            // New concerns stand out; "SAFEGUARDING" is the kind the demo data uses.
            const safeguarding = notification.kind === "SAFEGUARDING_CONCERN" || notification.kind === "SAFEGUARDING";
            return (
              <li
                key={notification.id}
                className={`rounded border bg-white p-4 ${notification.read ? "border-gray-300" : safeguarding ? "border-gray-300 border-l-8 border-l-red-800" : "border-gray-300 border-l-8 border-l-brand-600"}`}
              >
                <div className="flex flex-wrap items-start justify-between gap-3">
                  <div>
                    <h2 className="text-lg font-bold">
                      {!notification.read && (
                        <span className="mr-2 inline-block rounded border border-gray-800 px-1.5 text-xs font-bold uppercase tracking-wide">
                          Unread
                        </span>
                      )}
                      {notification.link ? (
                        <NotificationLink
                          notificationId={notification.id}
                          href={notification.link}
                          unread={!notification.read}
                        >
                          {notification.title}
                        </NotificationLink>
                      ) : (
                        notification.title
                      )}
                    </h2>
                    <p className="text-sm text-muted">{formatDateTime(new Date(notification.createdAt))}</p>
                    {notification.body && <p className="mt-1">{notification.body}</p>}
                  </div>
                  {!notification.read && <MarkReadButton notificationId={notification.id} title={notification.title} />}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
