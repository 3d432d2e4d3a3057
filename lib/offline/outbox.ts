// The offline outbox's rules, pure (docs/decisions/0015-offline.md): what is
// sent next, what a server's answer does to a queued change, and how a
// conflict is resolved field by field. lib/offline/store.ts keeps the items in
// IndexedDB; lib/offline/sync.ts sends them with fetch.

export type OutboxKind = "direct-work-session" | "supervision-draft";

export type OutboxState =
  /** Waiting for the connection (or for its turn). */
  | "waiting"
  /** The record changed on the server meanwhile: the user chooses field by field. */
  | "conflict"
  /** The server refused it (validation, lost access, a locked record): shown with the message, editable. */
  | "refused";

export type Values = Record<string, unknown>;

export type OutboxItem = {
  id: string;
  kind: OutboxKind;
  /** How the list names it: "Session 3 with C-1001". */
  title: string;
  method: "POST" | "PATCH" | "PUT";
  url: string;
  body: Values;
  /** The record the change is to (or, for a new record, where it is created): one record's changes go in order. */
  target: string;
  /** Sent with every attempt of this body, so a retry after a lost answer never writes twice. */
  idempotencyKey: string;
  createdAt: number;
  state: OutboxState;
  /** Failed attempts (no answer, or the server's own error): bounded by MAX_ATTEMPTS. */
  attempts: number;
  message?: string;
  fields?: Record<string, string[]>;
  /** In a conflict: the record as it is now on the server (with its version). */
  current?: Values;
};

/** After this many attempts without an answer the server accepts, an item stops and waits for the user. */
export const MAX_ATTEMPTS = 8;

export function newOutboxItem(
  change: Pick<OutboxItem, "kind" | "title" | "method" | "url" | "body" | "target">,
  now: number,
  makeKey: () => string,
  makeId: () => string = makeKey,
): OutboxItem {
  return { ...change, id: makeId(), idempotencyKey: makeKey(), createdAt: now, state: "waiting", attempts: 0 };
}

/**
 * The items to send now, oldest first. An item waits while an earlier change
 * to the same record is held (a conflict or a refusal): sending it would apply
 * a later edit over an unresolved earlier one.
 */
export function sendable(items: OutboxItem[]): OutboxItem[] {
  const held = new Set<string>();
  const ready: OutboxItem[] = [];
  for (const item of [...items].sort((a, b) => a.createdAt - b.createdAt)) {
    if (item.state !== "waiting") held.add(item.target);
    else if (!held.has(item.target)) ready.push(item);
  }
  return ready;
}

type ErrorBody = { error?: { code?: string; message?: string; fields?: Record<string, string[]> } };

export type Outcome =
  /** The server has it: remove the item (and note the record's new version). */
  | { kind: "sent"; response: unknown }
  /** Keep the item, changed; carry on with the next one. */
  | { kind: "kept"; item: OutboxItem }
  /** Keep the item as it was and stop sending: offline, or signed out (the user signs in again, then it sends). */
  | { kind: "stop"; reason: "offline" | "signed-out"; item: OutboxItem };

/** What the answer to one attempt (`status` null: no answer at all) does to the item. */
export function afterAttempt(item: OutboxItem, status: number | null, body: unknown): Outcome {
  if (status !== null && status >= 200 && status < 300) return { kind: "sent", response: body };
  const error = (body as ErrorBody | null)?.error;
  if (status === 401) return { kind: "stop", reason: "signed-out", item };
  if (status === 409 && item.method !== "POST")
    return {
      kind: "kept",
      item: { ...item, state: "conflict", message: error?.message ?? "The record changed meanwhile." },
    };
  // A 4xx will be the same answer however often it is sent: the user must change or discard the item.
  if (status !== null && status >= 400 && status < 500 && status !== 408 && status !== 429)
    return {
      kind: "kept",
      item: {
        ...item,
        state: "refused",
        message: error?.message ?? `The server refused this change (${status}).`,
        fields: error?.fields,
      },
    };
  const attempts = item.attempts + 1;
  if (attempts >= MAX_ATTEMPTS)
    return {
      kind: "kept",
      item: {
        ...item,
        attempts,
        state: "refused",
        message: `This could not be sent after ${attempts} tries. Try again later, or discard it.`,
      },
    };
  if (status === null) return { kind: "stop", reason: "offline", item: { ...item, attempts } };
  return { kind: "kept", item: { ...item, attempts } };
}

/** The user changed a queued item (after a refusal, or before it was sent): a new body is a new request, with a new key. */
export function editItem(item: OutboxItem, body: Values, makeKey: () => string): OutboxItem {
  return {
    ...item,
    body,
    idempotencyKey: makeKey(),
    state: "waiting",
    attempts: 0,
    message: undefined,
    fields: undefined,
    current: undefined,
  };
}

/** The fields whose values differ between the user's version and the server's, in the form's order. */
export function differingFields(mine: Values, current: Values, fields: string[]): string[] {
  return fields.filter((field) => JSON.stringify(mine[field] ?? null) !== JSON.stringify(current[field] ?? null));
}

export type Choice = "mine" | "current";

/**
 * The body that resolves a conflict: each field from the version the user
 * chose (their own where they chose nothing), on top of the server's current
 * version number, so the save is checked against the record as it is now.
 */
export function resolveConflict(
  item: OutboxItem,
  choices: Record<string, Choice>,
  fields: string[],
  makeKey: () => string,
): OutboxItem {
  const current = item.current ?? {};
  const body: Values = { ...item.body };
  for (const field of fields) if (choices[field] === "current") body[field] = current[field];
  body.version = current.version;
  return editItem(item, body, makeKey);
}

/** Whether what was kept offline is older than the device may keep it (OFFLINE_KEEP_DAYS). */
export function isExpired(savedAt: number, now: number, keepDays: number): boolean {
  return now - savedAt > keepDays * 24 * 60 * 60 * 1000;
}
