import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { createHash } from "node:crypto";
import type { Tx } from "@/lib/db";
import { badRequest, invalid } from "@/lib/errors";

// Idempotency keys (docs/decisions/0015-offline.md). A phone's outbox resends a
// write when it cannot tell whether the first attempt arrived (the signal dropped
// after the request left): the key makes the retry harmless. apiRoute reads the
// `Idempotency-Key` header and opens a scope; command() claims the key inside its
// own transaction, so the write and the stored response commit or roll back
// together. A retry finds the stored response and returns it without running the
// command again; the same key with a different request is a 422.

/** The header a client sends, and the one a replayed response carries. */
export const IDEMPOTENCY_HEADER = "Idempotency-Key";
export const REPLAYED_HEADER = "Idempotent-Replayed";

const KEY_SHAPE = /^[A-Za-z0-9_-]{8,100}$/;

type Scope = {
  key: string;
  /** Method and path: the same key sent to another route is another request. */
  request: string;
  /** Set once a command has used the key: a second command in the same request writes as usual. */
  used: boolean;
  replayed: boolean;
};

const scopes = new AsyncLocalStorage<Scope>();

/** The key of a request, checked: absent is null, a malformed one is a 400. */
export function idempotencyKeyOf(request: Request): string | null {
  const value = request.headers.get(IDEMPOTENCY_HEADER);
  if (value === null) return null;
  if (!KEY_SHAPE.test(value))
    throw badRequest("The Idempotency-Key header must be 8 to 100 letters, digits, hyphens or underscores.");
  return value;
}

/** Runs a route handler with the request's key in scope; `replayed` says whether a stored response was returned. */
export async function withIdempotencyKey<T>(
  key: string,
  request: string,
  run: () => Promise<T>,
): Promise<{ value: T; replayed: boolean }> {
  const scope: Scope = { key, request, used: false, replayed: false };
  const value = await scopes.run(scope, run);
  return { value, replayed: scope.replayed };
}

/** Key order must not matter: a retry may serialise the same body differently. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object" && !(value instanceof Date)) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([name, item]) => `${JSON.stringify(name)}:${canonical(item)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

export const REUSED_KEY_MESSAGE =
  "This Idempotency-Key was already used for a different request. Send a new key with a changed request.";

/**
 * Inside a command's transaction, before it loads anything: claims the key in
 * scope for this user. Returns the stored response of an earlier identical
 * request (the command must return it and write nothing), or a `remember`
 * function to store this request's response in the same transaction. Outside a
 * scope (server actions, scripts) it does nothing.
 */
export async function claimIdempotencyKey(
  tx: Tx,
  userId: string,
  args: unknown[],
): Promise<{ replay: true; response: unknown } | { replay: false; remember: (response: unknown) => Promise<void> }> {
  const scope = scopes.getStore();
  if (!scope || scope.used) return { replay: false, remember: async () => {} };
  scope.used = true;
  const requestHash = createHash("sha256")
    .update(`${scope.request}\n${canonical(args)}`)
    .digest("hex");
  // An insert that meets a concurrent one with the same key waits for it to commit, then does nothing:
  // the second request then reads the first one's response. If the first rolled back, the second claims the key.
  const claimed = await tx.$executeRaw`
    INSERT INTO "IdempotencyKey" ("userId", "key", "requestHash")
    VALUES (${userId}, ${scope.key}, ${requestHash})
    ON CONFLICT ("userId", "key") DO NOTHING`;
  if (claimed === 0) {
    const stored = await tx.idempotencyKey.findUniqueOrThrow({ where: { userId_key: { userId, key: scope.key } } });
    if (stored.requestHash !== requestHash) throw invalid(REUSED_KEY_MESSAGE);
    scope.replayed = true;
    return { replay: true, response: (stored.response as { value?: unknown } | null)?.value };
  }
  return {
    replay: false,
    async remember(response) {
      // As JSON, the way the route answers it: a replay then sends the same bytes.
      const value = response === undefined ? null : JSON.parse(JSON.stringify(response));
      await tx.idempotencyKey.update({
        where: { userId_key: { userId, key: scope.key } },
        data: { response: { value } },
      });
    },
  };
}
