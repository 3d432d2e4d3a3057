// Whether the database answered lately. The pool records every connection
// failure and every successful connection here, and the HTTP server reads it
// to turn a page's 500 into a clear 503 "temporarily unavailable" while
// PostgreSQL is down (docs/operations.md#faults). On globalThis, because
// Next.js bundles lib/ separately from the server.

type State = { lastFailureAt: number; lastSuccessAt: number };

const globalForState = globalThis as unknown as { placementTrackerDbAvailability?: State };
const state = () => (globalForState.placementTrackerDbAvailability ??= { lastFailureAt: 0, lastSuccessAt: 0 });

// Connection-level failures: the server is down, restarting or unreachable —
// not a bad query. 57P01–57P03: admin shutdown, crash shutdown, cannot connect now; 08xxx: connection exceptions.
const UNAVAILABLE_CODES = new Set([
  "57P01",
  "57P02",
  "57P03",
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EHOSTUNREACH",
]);

export function isConnectionFailure(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (typeof code === "string" && (UNAVAILABLE_CODES.has(code) || code.startsWith("08"))) return true;
    if (
      typeof message === "string" &&
      /Connection terminated|connection timeout|timeout exceeded when trying to connect|terminating connection|the database system is (starting up|shutting down)|Client has encountered a connection error/i.test(
        message,
      )
    )
      return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

export function noteDatabaseFailure(error: unknown) {
  if (isConnectionFailure(error)) state().lastFailureAt = Date.now();
}

export function noteDatabaseSuccess() {
  state().lastSuccessAt = Date.now();
}

/** True while the last thing the pool saw was a connection failure, in the last 30 seconds. */
export function databaseSeemsUnavailable(now = Date.now()): boolean {
  const { lastFailureAt, lastSuccessAt } = state();
  return lastFailureAt > lastSuccessAt && now - lastFailureAt < 30_000;
}
