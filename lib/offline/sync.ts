import { afterAttempt, sendable, type OutboxItem } from "@/lib/offline/outbox";
import { deleteItem, getOwner, listOutbox, putItem, saveSnapshot } from "@/lib/offline/store";
import type { OfflineSnapshot, SessionValues } from "@/lib/offline/types";

// Sends the outbox through the ordinary API, oldest first, each change with its
// idempotency key (docs/decisions/0015-offline.md). One run at a time per tab.

export type SyncResult = { sent: number; stopped?: "offline" | "signed-out" };

const SNAPSHOT_URL = "/api/v1/offline/snapshot";

let running: Promise<SyncResult> | null = null;

export function sendOutbox(): Promise<SyncResult> {
  running ??= run().finally(() => {
    running = null;
  });
  return running;
}

async function attempt(item: OutboxItem): Promise<{ status: number | null; body: unknown }> {
  try {
    const response = await fetch(item.url, {
      method: item.method,
      headers: { "Content-Type": "application/json", "Idempotency-Key": item.idempotencyKey },
      body: JSON.stringify(item.body),
      credentials: "same-origin",
    });
    return { status: response.status, body: await response.json().catch(() => null) };
  } catch {
    return { status: null, body: null };
  }
}

/** The record as it is now on the server, for the conflict view. */
async function currentValues(item: OutboxItem): Promise<SessionValues | undefined> {
  const snapshot = await fetchSnapshot();
  return snapshot?.sessions.find((session) => session.id === item.target)?.values;
}

async function run(): Promise<SyncResult> {
  const tried = new Set<string>();
  let sent = 0;
  for (;;) {
    const next = sendable(await listOutbox()).find((item) => !tried.has(item.id));
    if (!next) break;
    tried.add(next.id);
    const { status, body } = await attempt(next);
    const outcome = afterAttempt(next, status, body);
    if (outcome.kind === "sent") {
      await deleteItem(next.id);
      sent += 1;
      continue;
    }
    if (outcome.kind === "stop") {
      await putItem(outcome.item);
      return { sent, stopped: outcome.reason };
    }
    const current = outcome.item.state === "conflict" ? await currentValues(next) : undefined;
    await putItem(current ? { ...outcome.item, current } : outcome.item);
  }
  if (sent > 0) await refreshSnapshot();
  return { sent };
}

async function fetchSnapshot(): Promise<OfflineSnapshot | undefined> {
  try {
    const response = await fetch(SNAPSHOT_URL, { credentials: "same-origin", cache: "no-store" });
    return response.ok ? ((await response.json()) as OfflineSnapshot) : undefined;
  } catch {
    return undefined;
  }
}

/** Refreshes what the device keeps, for its owner only; false when offline or signed out. */
export async function refreshSnapshot(): Promise<boolean> {
  const owner = await getOwner();
  if (!owner) return false;
  const snapshot = await fetchSnapshot();
  if (!snapshot || snapshot.userId !== owner.userId) return false;
  await saveSnapshot(owner, snapshot);
  return true;
}
