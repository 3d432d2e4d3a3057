import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { startEmbeddedDatabase } from "../lib/db/embedded-database";

// Every workaround the Prisma 6.19 CLI needs on this machine lives in this file
// and in unref-long-timers.cjs beside it (STACK.md, "Prisma 6.19.3 without
// native engines"). The app itself needs none of them.

// adapter-pg cannot deserialise the catalogue types `name` (OID 19), `"char"`
// (18) and `name[]` (1003) that the schema engine reads when it introspects a
// database; text (25) and text[] (1009) carry the same values.
const REWRITTEN_OIDS: Record<number, number> = { 19: 25, 18: 25, 1003: 1009 };

type FieldsResult = { fields?: Array<{ dataTypeID: number }> };

function rewriteCatalogueOids<T>(result: T): T {
  for (const one of (Array.isArray(result) ? result : [result]) as FieldsResult[]) {
    for (const field of one?.fields ?? []) {
      field.dataTypeID = REWRITTEN_OIDS[field.dataTypeID] ?? field.dataTypeID;
    }
  }
  return result;
}

class CliClient extends pg.Client {
  // pg's Pool calls query with a trailing callback; adapter-pg awaits a promise.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  query(...args: any[]): any {
    const callback = typeof args[args.length - 1] === "function" ? args.pop() : undefined;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const promise = (super.query as any)(...args).then(rewriteCatalogueOids);
    if (!callback) return promise;
    promise.then(
      (result: unknown) => callback(null, result),
      (error: unknown) => callback(error),
    );
    return undefined;
  }
}

/**
 * The CLI connects to PRISMA_CLI_DATABASE_URL (set by our scripts), else
 * DATABASE_URL, else a throwaway in-memory PGlite — enough for `migrate diff`
 * between files, which needs no real database.
 */
export async function cliAdapter() {
  let url = process.env.PRISMA_CLI_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!url) url = (await startEmbeddedDatabase({ dataDir: null, unref: true })).url;
  // allowExitOnIdle: idle pooled connections must not hold the CLI open.
  return new PrismaPg({ connectionString: url, Client: CliClient, allowExitOnIdle: true } as pg.PoolConfig);
}
