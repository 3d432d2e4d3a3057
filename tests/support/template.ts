import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Client } from "pg";
import { applyMigrations, readMigrations } from "../../lib/db/migrations";
import { startEmbeddedDatabase } from "../../lib/db/embedded-database";

// Database tests run against a real database: a fresh PGlite per test file by
// default, or a fresh database on a real PostgreSQL server when
// TEST_POSTGRES_URL is set (CI does both). Either way each file starts from a
// template the migrations were applied to once.

export function migrationsHash(): string {
  const hash = createHash("sha256");
  for (const migration of readMigrations()) hash.update(migration.name).update(migration.checksum);
  return hash.digest("hex").slice(0, 12);
}

const cacheDir = path.join(process.cwd(), "node_modules", ".cache", "placement-tracker");
export const pgliteTemplatePath = () => path.join(cacheDir, `pglite-template-${migrationsHash()}.tar.gz`);
// The checkout's path is part of the name: two checkouts testing on one server at once must not drop each other's template.
const checkoutHash = () => createHash("sha256").update(process.cwd()).digest("hex").slice(0, 6);
export const postgresTemplateName = () => `pt_test_template_${migrationsHash()}_${checkoutHash()}`;

export function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function buildPgliteTemplate() {
  const file = pgliteTemplatePath();
  if (existsSync(file)) return;
  const db = await startEmbeddedDatabase({ dataDir: null });
  try {
    await applyMigrations(db.url);
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(file, Buffer.from(await (await db.dump()).arrayBuffer()));
  } finally {
    await db.stop();
  }
}

export async function buildPostgresTemplate(serverUrl: string) {
  const name = postgresTemplateName();
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    // Rebuilt every run: a run that died half-way must not leave a broken template behind.
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
    await applyMigrations(withDatabase(serverUrl, name));
  } finally {
    await admin.end();
  }
}

export function readPgliteTemplate(): Blob {
  return new Blob([readFileSync(pgliteTemplatePath())]);
}
