import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { noteDatabaseFailure } from "@/lib/db/availability";
import { closePool, getPool } from "@/lib/db/pool";

// The one Prisma client. Only lib/ imports it: pages, actions and route
// handlers go through the access-checked functions beside it.
//
// It always talks to PostgreSQL through adapter-pg: a real server in
// production, or the embedded PGlite that scripts/start.ts serves on loopback
// and names in DATABASE_URL (docs/decisions/0002).

function createClient() {
  return new PrismaClient({
    adapter: new PrismaPg(getPool(), {
      onConnectionError: (error) => noteDatabaseFailure(error),
    }),
    // Password hashes are never read unless a query asks for them by name.
    omit: { user: { passwordHash: true } },
    // Generous waits: on the embedded database every query shares one connection (scripts/start.ts).
    transactionOptions: { maxWait: 15_000, timeout: 30_000 },
  });
}

export type Db = ReturnType<typeof createClient>;
/** A transaction client, or the client itself: what a function that runs inside a caller's transaction takes. */
export type Tx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

const globalForDb = globalThis as unknown as { placementTrackerDb?: Db };

/** Created on first use, so that importing lib/ (e.g. while `next build` analyses routes) never needs a database. */
export function getDb(): Db {
  return (globalForDb.placementTrackerDb ??= createClient());
}

export async function disconnectDb() {
  await globalForDb.placementTrackerDb?.$disconnect();
  globalForDb.placementTrackerDb = undefined;
  await closePool();
}
