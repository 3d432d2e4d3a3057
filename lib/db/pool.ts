import pg from "pg";
import { noteDatabaseFailure, noteDatabaseSuccess } from "@/lib/db/availability";
import { metrics } from "@/lib/observability/metrics";

// The one connection pool of the process, on globalThis: Prisma (inside the
// code Next.js runs) and the HTTP server's readiness check share it, so the
// embedded database still sees a single connection (scripts/start.ts) and
// /metrics counts every connection. Needs no Prisma, so the server can load it.

/**
 * The connection pool, watched: connection failures and successes feed
 * lib/db/availability.ts (503s while PostgreSQL is down), its counts feed
 * /metrics. A connection that fails is dropped by the adapter, and the pool
 * opens new ones when the server is back, so the app recovers without a restart.
 */
function createPool(connectionString: string, max: number): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    max,
    // Fail fast while the server is down: a page answers 503 in seconds, not minutes.
    connectionTimeoutMillis: Number(process.env.DATABASE_CONNECT_TIMEOUT_MS ?? 5_000),
  });
  pool.on("connect", () => noteDatabaseSuccess());
  // An idle connection the server closed (a restart): the pool has already dropped it.
  pool.on("error", (error) => noteDatabaseFailure(error));
  const connect = pool.connect.bind(pool) as (...args: unknown[]) => unknown;
  // pool.query and transactions both come through connect(), with a callback or a promise.
  (pool as unknown as { connect: (...args: unknown[]) => unknown }).connect = (...args: unknown[]) => {
    const callback = args[0] as ((error: Error | undefined, ...rest: unknown[]) => void) | undefined;
    if (typeof callback === "function") {
      return connect((error: Error | undefined, ...rest: unknown[]) => {
        if (error) noteDatabaseFailure(error);
        else noteDatabaseSuccess();
        callback(error, ...rest);
      });
    }
    return (connect() as Promise<pg.PoolClient>).then(
      (client) => {
        noteDatabaseSuccess();
        return client;
      },
      (error: unknown) => {
        noteDatabaseFailure(error);
        throw error;
      },
    );
  };
  const query = pool.query.bind(pool) as (...args: unknown[]) => Promise<unknown>;
  // A query on a connection the server has just closed (a restart) fails here, not in connect().
  (pool as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) =>
    typeof args[args.length - 1] === "function"
      ? query(...args)
      : query(...args).catch((error: unknown) => {
          noteDatabaseFailure(error);
          throw error;
        });
  metrics().pool.stats = () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max });
  return pool;
}

const globalForPool = globalThis as unknown as { placementTrackerPool?: pg.Pool };

export function getPool(): pg.Pool {
  if (globalForPool.placementTrackerPool) return globalForPool.placementTrackerPool;
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) {
    throw new Error(
      "DATABASE_URL is not set. Start the app with `npm start` (or `npm run demo`), which serves the embedded database when no PostgreSQL is configured.",
    );
  }
  return (globalForPool.placementTrackerPool = createPool(
    connectionString,
    Number(process.env.DATABASE_POOL_SIZE ?? 10),
  ));
}

/** Ends the pool (if Prisma has not already); the next getPool() opens a new one. */
export async function closePool() {
  const pool = globalForPool.placementTrackerPool;
  globalForPool.placementTrackerPool = undefined;
  if (pool && !pool.ended) await pool.end().catch(() => undefined);
}
