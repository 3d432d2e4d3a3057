"use client";
import { useCallback, useEffect, useState } from "react";
import { newOutboxItem, type OutboxItem } from "@/lib/offline/outbox";
import {
  OFFLINE_CHANGED,
  consent,
  deleteItem,
  getOwner,
  getSnapshot,
  listOutbox,
  putItem,
  randomKey,
  wipe,
  type Owner,
} from "@/lib/offline/store";
import { refreshSnapshot, sendOutbox } from "@/lib/offline/sync";
import type { OfflinePlacement, OfflineSession, OfflineSnapshot } from "@/lib/offline/types";
import { formatDate } from "@/lib/dates";
import { SessionForm } from "./session-form";
import { SupervisionDraftForm } from "./supervision-form";
import { ConflictView } from "./conflict-view";

type View =
  | { kind: "home" }
  | { kind: "session"; session: OfflineSession; item?: OutboxItem }
  | { kind: "supervision"; placement: OfflinePlacement; item?: OutboxItem }
  | { kind: "conflict"; item: OutboxItem };

const STATE_TEXT: Record<OutboxItem["state"], string> = {
  waiting: "Waiting to send",
  conflict: "Changed by someone else meanwhile: choose what to keep",
  refused: "Not accepted: change it or discard it",
};

const button =
  "rounded border-2 border-gray-900 bg-white px-3 py-1.5 font-semibold text-gray-900 hover:bg-gray-100 disabled:opacity-60";
const primary =
  "rounded bg-brand-600 px-4 py-2 font-semibold text-white shadow-[0_2px_0_#0b2f31] hover:bg-brand-700 disabled:opacity-60";

/** The offline page's content, all from this device's store (lib/offline/store.ts). */
export function OfflineWorkspace({ userId, keepDays }: { userId: string | null; keepDays: number }) {
  const [loaded, setLoaded] = useState(false);
  const [owner, setOwner] = useState<Owner>();
  const [snapshot, setSnapshot] = useState<OfflineSnapshot>();
  const [items, setItems] = useState<OutboxItem[]>([]);
  const [view, setView] = useState<View>({ kind: "home" });
  const [message, setMessage] = useState<string>();

  const reload = useCallback(async () => {
    const [nextOwner, nextSnapshot, nextItems] = await Promise.all([getOwner(), getSnapshot(), listOutbox()]);
    // Another person's store is never shown (the banner wipes it).
    const mine = nextOwner && (!userId || nextOwner.userId === userId);
    setOwner(mine ? nextOwner : undefined);
    setSnapshot(mine ? nextSnapshot : undefined);
    setItems(mine ? nextItems : []);
    setLoaded(true);
  }, [userId]);

  useEffect(() => {
    // Read once the store answers: IndexedDB is the external system this page shows.
    void getOwner().then(reload);
    const changed = () => void reload();
    window.addEventListener(OFFLINE_CHANGED, changed);
    return () => window.removeEventListener(OFFLINE_CHANGED, changed);
  }, [reload]);

  async function keepOnThisDevice() {
    if (!userId) return;
    try {
      await consent(userId);
      const fetched = await refreshSnapshot();
      setMessage(fetched ? "Your work is now kept on this device." : "Connect to the internet to copy your work here.");
    } catch (error) {
      setMessage(error instanceof Error ? error.message : String(error));
    }
  }

  async function stopKeeping() {
    if (items.length > 0 && !window.confirm(`${items.length} unsent changes will be deleted. Delete everything?`))
      return;
    await wipe();
    setMessage("Nothing is kept on this device any more.");
  }

  /** Saves a change on the device: a change to a record already waiting replaces it (one change per record). */
  async function enqueue(change: Omit<OutboxItem, "id" | "idempotencyKey" | "createdAt" | "state" | "attempts">) {
    const existing = items.find((item) => item.target === change.target && item.method === change.method);
    const item = existing
      ? {
          ...existing,
          ...change,
          idempotencyKey: randomKey(),
          state: "waiting" as const,
          attempts: 0,
          message: undefined,
          fields: undefined,
          current: undefined,
        }
      : newOutboxItem(change, Date.now(), randomKey);
    try {
      await putItem(item);
    } catch (error) {
      setMessage(error instanceof Error ? error.message : String(error));
      return false;
    }
    setView({ kind: "home" });
    setMessage("Saved on this device — will send when you are back online.");
    if (navigator.onLine) void sendOutbox();
    return true;
  }

  if (!loaded) return <p>Opening what is kept on this device…</p>;

  if (!owner) {
    if (!userId)
      return (
        <section aria-labelledby="nothing-heading" className="rounded border border-gray-300 bg-white p-6">
          <h2 id="nothing-heading" className="mb-2 text-xl font-bold">
            Nothing is kept on this device
          </h2>
          <p>
            To record without a signal, sign in while you are connected, open Work offline and choose “This is my
            device”.
          </p>
        </section>
      );
    return (
      <section aria-labelledby="consent-heading" className="rounded border border-gray-300 bg-white p-6">
        <h2 id="consent-heading" className="mb-2 text-xl font-bold">
          Keep your work on this device?
        </h2>
        <p className="mb-2">
          Your planned direct-work sessions (children by code only, never a name) and the placements you supervise are
          copied to this device, with anything you record while offline until it is sent. Signing out deletes it all,
          and so does another person signing in here. It is deleted after {keepDays} days without connecting.
        </p>
        <p className="mb-4 font-semibold">
          Only do this on a phone, tablet or laptop that is yours or your team’s: never on a shared or public computer.
        </p>
        <button type="button" className={primary} onClick={() => void keepOnThisDevice()}>
          This is my device — keep my work here
        </button>
        {message && (
          <p role="status" className="mt-3">
            {message}
          </p>
        )}
      </section>
    );
  }

  if (view.kind === "session")
    return (
      <SessionForm
        session={view.session}
        initial={view.item?.body}
        serverFields={view.item?.fields}
        serverMessage={view.item?.message}
        onCancel={() => setView({ kind: "home" })}
        onSave={(body) =>
          enqueue({
            kind: "direct-work-session",
            title: `Session ${view.session.number} with ${view.session.childCode}: ${view.session.theme}`,
            method: "PATCH",
            url: `/api/v1/programme-sessions/${view.session.id}`,
            body,
            target: view.session.id,
          })
        }
      />
    );

  if (view.kind === "supervision")
    return (
      <SupervisionDraftForm
        placement={view.placement}
        initial={view.item?.body}
        serverFields={view.item?.fields}
        serverMessage={view.item?.message}
        onCancel={() => setView({ kind: "home" })}
        onSave={(body) =>
          enqueue({
            kind: "supervision-draft",
            title: `Supervision with ${view.placement.studentName} on ${formatDate(String(body.heldOn))}`,
            method: "POST",
            url: `/api/v1/placements/${view.placement.id}/supervision`,
            body,
            // Each draft is a new record: its own target, so two drafts never replace each other.
            target: view.item?.target ?? `new-supervision-${randomKey()}`,
          })
        }
      />
    );

  if (view.kind === "conflict")
    return (
      <ConflictView
        item={view.item}
        onDone={async (resolved) => {
          if (resolved) await putItem(resolved);
          else await deleteItem(view.item.id);
          setView({ kind: "home" });
          if (resolved && navigator.onLine) void sendOutbox();
        }}
        onCancel={() => setView({ kind: "home" })}
      />
    );

  const sessionOf = (id: string) => snapshot?.sessions.find((session) => session.id === id);
  const placementOf = (url: string) => snapshot?.placements.find((placement) => url.includes(`/${placement.id}/`));

  return (
    <div className="space-y-8">
      {message && (
        <p role="status" className="font-semibold text-green-900">
          {message}
        </p>
      )}
      <section aria-labelledby="outbox-heading">
        <h2 id="outbox-heading" className="mb-2 text-xl font-bold">
          Waiting to send
        </h2>
        {items.length === 0 ? (
          <p>Nothing is waiting: everything you recorded has been sent.</p>
        ) : (
          <ul className="space-y-3">
            {items.map((item) => {
              const session = item.kind === "direct-work-session" ? sessionOf(item.target) : undefined;
              const placement = item.kind === "supervision-draft" ? placementOf(item.url) : undefined;
              return (
                <li key={item.id} className="rounded border border-gray-300 bg-white p-4" data-testid="outbox-item">
                  <p className="font-semibold">{item.title}</p>
                  <p>
                    <span className={item.state === "waiting" ? "" : "font-semibold text-red-800"}>
                      {STATE_TEXT[item.state]}
                    </span>
                    {item.message && item.state !== "waiting" ? `: ${item.message}` : ""}
                  </p>
                  <div className="mt-2 flex flex-wrap gap-3">
                    {item.state === "conflict" && item.current && (
                      <button type="button" className={button} onClick={() => setView({ kind: "conflict", item })}>
                        Compare and choose
                      </button>
                    )}
                    {item.state !== "conflict" && session && (
                      <button
                        type="button"
                        className={button}
                        onClick={() => setView({ kind: "session", session, item })}
                      >
                        Change
                      </button>
                    )}
                    {item.state !== "conflict" && placement && (
                      <button
                        type="button"
                        className={button}
                        onClick={() => setView({ kind: "supervision", placement, item })}
                      >
                        Change
                      </button>
                    )}
                    <button
                      type="button"
                      className={button}
                      onClick={() => {
                        if (window.confirm(`Discard “${item.title}”? It will not be sent.`)) void deleteItem(item.id);
                      }}
                    >
                      Discard
                    </button>
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      {(snapshot?.sessions.length ?? 0) > 0 && (
        <section aria-labelledby="sessions-heading">
          <h2 id="sessions-heading" className="mb-2 text-xl font-bold">
            Direct-work sessions
          </h2>
          <ul className="space-y-2">
            {snapshot!.sessions.map((session) => (
              <li
                key={session.id}
                className="flex flex-wrap items-center justify-between gap-2 rounded border border-gray-300 bg-white p-3"
              >
                <span>
                  <span className="font-semibold">
                    {session.childCode} · session {session.number}: {session.theme}
                  </span>
                  <span className="block text-sm text-muted">Planned for {formatDate(session.plannedOn)}</span>
                </span>
                <button
                  type="button"
                  className={button}
                  aria-label={`Record session ${session.number} with ${session.childCode}`}
                  onClick={() =>
                    setView({
                      kind: "session",
                      session,
                      item: items.find((item) => item.target === session.id && item.state !== "conflict"),
                    })
                  }
                >
                  Record
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}

      {(snapshot?.placements.length ?? 0) > 0 && (
        <section aria-labelledby="supervision-heading">
          <h2 id="supervision-heading" className="mb-2 text-xl font-bold">
            Supervision
          </h2>
          <ul className="space-y-2">
            {snapshot!.placements.map((placement) => (
              <li
                key={placement.id}
                className="flex flex-wrap items-center justify-between gap-2 rounded border border-gray-300 bg-white p-3"
              >
                <span className="font-semibold">{placement.studentName}</span>
                <button
                  type="button"
                  className={button}
                  aria-label={`Write a supervision draft for ${placement.studentName}`}
                  onClick={() => setView({ kind: "supervision", placement })}
                >
                  Write a supervision draft
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="device-heading" className="text-sm">
        <h2 id="device-heading" className="mb-1 text-base font-bold">
          This device
        </h2>
        <p className="mb-2">
          Your work has been kept here since {formatDate(new Date(owner.consentedAt))}; the copy was last brought up to
          date on {formatDate(new Date(owner.savedAt))}. Signing out deletes it.
        </p>
        <button type="button" className={button} onClick={() => void stopKeeping()}>
          Stop keeping my work on this device
        </button>
      </section>
    </div>
  );
}
