import { AsyncLocalStorage } from "node:async_hooks";

// What the HTTP server (scripts/server/app-server.ts) knows about the request
// being served, shared with the code Next.js runs for it. Next.js bundles lib/
// separately from the server, so the store lives on globalThis: both copies of
// this module then see the same one (docs/operations.md#logs).

export type RequestContext = { requestId: string; userId?: string };

const globalForContext = globalThis as unknown as { placementTrackerRequests?: AsyncLocalStorage<RequestContext> };

export function requestStorage(): AsyncLocalStorage<RequestContext> {
  return (globalForContext.placementTrackerRequests ??= new AsyncLocalStorage<RequestContext>());
}

/** The id of the request being served, or undefined outside one (jobs, scripts, tests). */
export function currentRequestId(): string | undefined {
  return requestStorage().getStore()?.requestId;
}

/** Records who the request acts for, for its log line. Ids only: never a name or an email. */
export function noteRequestUser(userId: string) {
  const context = requestStorage().getStore();
  if (context) context.userId = userId;
}
