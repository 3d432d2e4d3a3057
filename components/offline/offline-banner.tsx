"use client";
import { useCallback, useEffect, useState } from "react";
import { isExpired } from "@/lib/offline/outbox";
import { OFFLINE_CHANGED, getOwner, listOutbox, wipe, wipeSnapshot } from "@/lib/offline/store";
import { refreshSnapshot, sendOutbox } from "@/lib/offline/sync";

/**
 * On every page: registers the service worker, keeps the offline store to its
 * owner (another person signing in wipes it; docs/decisions/0015-offline.md),
 * sends the outbox when the connection returns, and says how many changes are
 * waiting on this device.
 */
export function OfflineBanner({ userId, keepDays }: { userId: string | null; keepDays: number }) {
  const [waiting, setWaiting] = useState(0);
  const [held, setHeld] = useState(0);
  const [online, setOnline] = useState(true);
  const [note, setNote] = useState<string>();
  const [signedOut, setSignedOut] = useState(false);

  const recount = useCallback(async () => {
    const items = await listOutbox();
    setWaiting(items.length);
    setHeld(items.filter((item) => item.state !== "waiting").length);
  }, []);

  const send = useCallback(async () => {
    if (!navigator.onLine) {
      setNote("No connection yet: they will be sent when you are back online.");
      return;
    }
    setNote("Sending…");
    const result = await sendOutbox();
    setSignedOut(result.stopped === "signed-out");
    setNote(
      result.stopped === "offline"
        ? "No connection yet: they will be sent when you are back online."
        : result.sent > 0
          ? `${result.sent} sent.`
          : undefined,
    );
    await recount();
  }, [recount]);

  useEffect(() => {
    if ("serviceWorker" in navigator) {
      navigator.serviceWorker
        .register("/sw.js")
        .then((registration) => {
          // Once a visit, a fresh copy of the offline page (it changes with each release).
          if (navigator.onLine && !sessionStorage.getItem("pt-shell-refreshed")) {
            sessionStorage.setItem("pt-shell-refreshed", "1");
            registration.active?.postMessage("refresh-shell");
          }
        })
        .catch(() => undefined);
    }
    let cancelled = false;
    (async () => {
      const owner = await getOwner();
      setOnline(navigator.onLine);
      if (owner && userId && owner.userId !== userId) await wipe();
      else if (owner && isExpired(owner.savedAt, Date.now(), keepDays)) await wipeSnapshot();
      else if (owner && userId && navigator.onLine) {
        await refreshSnapshot();
        if (!cancelled) await send();
      }
      if (!cancelled) await recount();
    })().catch(() => undefined);
    const goneOnline = () => {
      setOnline(true);
      void send();
    };
    const goneOffline = () => setOnline(false);
    const changed = () => void recount();
    window.addEventListener("online", goneOnline);
    window.addEventListener("offline", goneOffline);
    window.addEventListener(OFFLINE_CHANGED, changed);
    return () => {
      cancelled = true;
      window.removeEventListener("online", goneOnline);
      window.removeEventListener("offline", goneOffline);
      window.removeEventListener(OFFLINE_CHANGED, changed);
    };
  }, [userId, keepDays, recount, send]);

  if (waiting === 0 && online) return null;
  return (
    <div role="status" className="no-print border-b-4 border-amber-500 bg-amber-50 text-gray-900">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3 sm:px-6">
        <div className="min-w-0 flex-1 basis-64">
          {!online && <p className="font-semibold">You are offline.</p>}
          {waiting > 0 && (
            <>
              <p className="font-semibold">Saved on this device — will send when you are back online.</p>
              <p data-testid="offline-waiting">
                {waiting} {waiting === 1 ? "item" : "items"} waiting to send
                {held > 0 ? `, ${held} needing your attention` : ""}.
                {signedOut ? " Your session has ended: sign in again and they will be sent." : ""}
              </p>
            </>
          )}
          {note && <p className="text-sm">{note}</p>}
        </div>
        {waiting > 0 && (
          <div className="flex flex-wrap items-center gap-3">
            <button
              type="button"
              onClick={() => void send()}
              className="rounded border-2 border-gray-900 bg-white px-3 py-1.5 font-semibold hover:bg-gray-100"
            >
              Send now
            </button>
            <a href="/offline" className="font-semibold text-gray-900 underline">
              See what is waiting
            </a>
          </div>
        )}
      </div>
    </div>
  );
}
