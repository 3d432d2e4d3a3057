import path from "node:path";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "../../lib/db/embedded-database";

// For the operations commands (audit:verify, attachments:migrate, backup,
// restore): the app's PostgreSQL when DATABASE_URL is set, else the embedded
// database in PGLITE_DIR (default ./data/pglite), which only one process may
// open: with the app running, these commands ask it instead or say so.

export function embeddedDataDir(): string {
  return path.resolve(process.env.PGLITE_DIR ?? path.join("data", "pglite"));
}

/** Runs `work` with DATABASE_URL pointing at the app's database, opening the embedded one if needed. */
export async function withAppDatabase<T>(
  work: (url: string, embedded: EmbeddedDatabase | null) => Promise<T>,
): Promise<T> {
  if (process.env.DATABASE_URL) return work(process.env.DATABASE_URL, null);
  const embedded = await startEmbeddedDatabase({ dataDir: embeddedDataDir() });
  process.env.DATABASE_URL = embedded.url;
  process.env.DATABASE_POOL_SIZE = "1";
  try {
    return await work(embedded.url, embedded);
  } finally {
    delete process.env.DATABASE_URL;
    await embedded.stop();
  }
}
