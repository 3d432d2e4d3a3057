"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import type { ReactNode } from "react";
import { ActionButton } from "@/components/action-button";
import { markAllNotificationsReadAction, markNotificationReadAction } from "./actions";

export function MarkReadButton({ notificationId, title }: { notificationId: string; title: string }) {
  return (
    <ActionButton action={() => markNotificationReadAction(notificationId)} pendingLabel="Marking…">
      Mark as read<span className="sr-only">: {title}</span>
    </ActionButton>
  );
}

export function MarkAllReadButton() {
  return (
    <ActionButton variant="primary" action={() => markAllNotificationsReadAction()} pendingLabel="Marking…">
      Mark all as read
    </ActionButton>
  );
}

/**
 * A notification's link: opening it marks it read first (issue 12), then goes
 * to the record. A new tab or window (Ctrl, Cmd, Shift, middle click) just opens the link.
 */
export function NotificationLink({
  notificationId,
  href,
  unread,
  children,
}: {
  notificationId: string;
  href: string;
  unread: boolean;
  children: ReactNode;
}) {
  const router = useRouter();
  return (
    <Link
      href={href}
      className="text-brand-700 underline"
      onClick={(event) => {
        if (!unread || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        void markNotificationReadAction(notificationId).finally(() => router.push(href));
      }}
    >
      {children}
    </Link>
  );
}
