"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { markAllNotificationsReadAction, markNotificationReadAction } from "./actions";

export function MarkReadButton({ notificationId, title }: { notificationId: string; title: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();
  return (
    <>
      <button
        type="button"
        disabled={pending}
        className="rounded border-2 border-brand-600 bg-white px-3 py-1 font-semibold text-brand-700 disabled:opacity-60"
        onClick={() =>
          startTransition(async () => {
            const result = await markNotificationReadAction(notificationId);
            if (result.ok) router.refresh();
            else setError(result.message);
          })
        }
      >
        {pending ? "Marking…" : "Mark as read"}
        <span className="sr-only">: {title}</span>
      </button>
      {error && (
        <span role="alert" className="block text-red-800">
          {error}
        </span>
      )}
    </>
  );
}

export function MarkAllReadButton() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();
  return (
    <>
      <button
        type="button"
        disabled={pending}
        className="rounded bg-brand-600 px-4 py-2 font-semibold text-white shadow-[0_2px_0_#0b2f31] hover:bg-brand-700 disabled:opacity-60"
        onClick={() =>
          startTransition(async () => {
            const result = await markAllNotificationsReadAction();
            if (result.ok) router.refresh();
            else setError(result.message);
          })
        }
      >
        {pending ? "Marking…" : "Mark all as read"}
      </button>
      {error && (
        <span role="alert" className="block text-red-800">
          {error}
        </span>
      )}
    </>
  );
}
