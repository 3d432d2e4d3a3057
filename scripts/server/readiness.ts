import { readMigrations } from "../../lib/db/migrations";
import { getPool } from "../../lib/db/pool";
import { attachmentStore } from "../../lib/attachments/current-store";
import { newStorageKey, readAll, streamOf } from "../../lib/attachments/store";

// GET /api/ready: may a load balancer send this instance traffic? The
// database answers, every migration this build knows is applied, and the
// attachment store takes, returns and removes a small file. Each check is
// bounded, so a hung dependency answers "not ready" rather than hanging the probe.

export type Readiness = { ready: boolean; checks: Record<string, "ok" | string> };

const CHECK_TIMEOUT_MS = 3_000;

function bounded<T>(work: Promise<T>): Promise<T> {
  return Promise.race([
    work,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error("timed out")), CHECK_TIMEOUT_MS).unref()),
  ]);
}

async function check(work: () => Promise<void>): Promise<string> {
  try {
    await bounded(work());
    return "ok";
  } catch (error) {
    // A short reason for the operator; never a connection string.
    return (error instanceof Error ? error.message : String(error))
      .replace(/postgres(ql)?:\/\/\S+/g, "[url]")
      .slice(0, 200);
  }
}

const expected = readMigrations().map((migration) => migration.name);

export async function checkReadiness(): Promise<Readiness> {
  const database = await check(async () => {
    await getPool().query("SELECT 1");
  });
  const migrations =
    database === "ok"
      ? await check(async () => {
          const { rows } = await getPool().query<{ migration_name: string }>(
            `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
          );
          const applied = new Set(rows.map((row) => row.migration_name));
          const missing = expected.filter((name) => !applied.has(name));
          if (missing.length) throw new Error(`not applied: ${missing.join(", ")}`);
        })
      : "skipped: no database";
  const attachments = await check(async () => {
    const store = attachmentStore();
    const key = newStorageKey();
    const probe = Buffer.from(`readiness probe ${key}`);
    try {
      await store.put(key, streamOf(probe));
      const stream = await store.get(key);
      if (!stream || !(await readAll(stream)).equals(probe)) throw new Error("read back differs");
    } finally {
      await store.delete(key).catch(() => undefined);
    }
  });
  const checks = { database, migrations, attachments };
  return { ready: Object.values(checks).every((value) => value === "ok"), checks };
}
