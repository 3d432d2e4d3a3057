/** @jest-environment node */
import { Client } from "pg";
import { applyMigrations, readMigrations } from "@/lib/db/migrations";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "@/lib/db/embedded-database";
import { withDatabase } from "../support/template";

// Applies the migrations to an empty database: PGlite, or a fresh database on
// TEST_POSTGRES_URL when set.
let url: string;
let embedded: EmbeddedDatabase | null = null;
let cleanup: () => Promise<void> = async () => undefined;

beforeAll(async () => {
  const server = process.env.TEST_POSTGRES_URL;
  if (server) {
    const name = `pt_migrate_${process.pid}_${Date.now()}`;
    const admin = new Client({ connectionString: server });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    url = withDatabase(server, name);
    cleanup = async () => {
      const client = new Client({ connectionString: server });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    };
  } else {
    embedded = await startEmbeddedDatabase({ dataDir: null });
    url = embedded.url;
  }
});

afterAll(async () => {
  await embedded?.stop();
  await cleanup();
});

async function appliedNames(): Promise<string[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query(`SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name`);
  await client.end();
  return rows.map((row) => row.migration_name);
}

describe("the startup migration runner", () => {
  it("applies every migration once, even when several instances start together", async () => {
    const expected = readMigrations().map((migration) => migration.name);
    expect(expected.length).toBeGreaterThan(0);
    const results = await Promise.all([applyMigrations(url), applyMigrations(url), applyMigrations(url)]);
    expect(results.flat().sort()).toEqual(expected);
    expect(await appliedNames()).toEqual(expected);
  });

  it("does nothing on a second start", async () => {
    expect(await applyMigrations(url)).toEqual([]);
  });

  it("refuses a migration edited after it was applied", async () => {
    const client = new Client({ connectionString: url });
    await client.connect();
    await client.query(`UPDATE "_prisma_migrations" SET checksum = 'edited' WHERE migration_name = $1`, [
      readMigrations()[0].name,
    ]);
    await client.end();
    await expect(applyMigrations(url)).rejects.toThrow(/edited after it was applied/);
  });
});
