import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { Client } from "pg";

// Our own startup migration runner instead of `prisma migrate deploy`: with
// Prisma 6.19's JavaScript engine the CLI cannot deploy through adapter-pg
// without patches (STACK.md). It records rows in Prisma's own
// `_prisma_migrations` table with the same sha256 checksums, so
// `prisma migrate status` still reports "up to date".

export const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");

// Any fixed 64-bit number: every app instance asks for the same lock, so
// instances starting together apply each migration exactly once.
const MIGRATION_LOCK_KEY = 72_707_201;

export type Migration = { name: string; sql: string; checksum: string };

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

// PGlite multiplexes every connection onto one session, where advisory locks
// do not exclude each other; only one process ever owns a PGlite directory,
// so queueing runs within the process covers it.
let inProcessQueue: Promise<unknown> = Promise.resolve();

/** Applies every migration not yet applied, each in its own transaction. Returns the names applied. */
export function applyMigrations(connectionString: string, dir = MIGRATIONS_DIR): Promise<string[]> {
  const run = inProcessQueue.then(() => applyPendingMigrations(connectionString, dir));
  inProcessQueue = run.catch(() => undefined);
  return run;
}

async function applyPendingMigrations(connectionString: string, dir: string): Promise<string[]> {
  const migrations = readMigrations(dir);
  const client = new Client({ connectionString });
  await client.connect();
  const applied: string[] = [];
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    // Only when missing: in production the app may run as a role that cannot create tables
    // (docs/operations.md#tamper-evident-audit-log), with migrations applied by the owner beforehand.
    const { rows: table } = await client.query<{ exists: boolean }>(
      `SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS exists`,
    );
    if (!table[0].exists) await client.query(CREATE_MIGRATIONS_TABLE);
    const { rows } = await client.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const done = new Map(rows.map((row) => [row.migration_name, row.checksum]));
    for (const migration of migrations) {
      const recorded = done.get(migration.name);
      if (recorded) {
        if (recorded !== migration.checksum) {
          throw new Error(`Migration ${migration.name} was edited after it was applied. Add a new migration instead.`);
        }
        continue;
      }
      await client.query("BEGIN");
      try {
        await client.query(migration.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
           VALUES ($1, $2, now(), $3, 1)`,
          [randomUUID(), migration.checksum, migration.name],
        );
        await client.query("COMMIT");
        applied.push(migration.name);
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`Migration ${migration.name} failed: ${(error as Error).message}`);
      }
    }
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
  return applied;
}
