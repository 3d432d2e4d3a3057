"use client";
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
