// Restores a backup made by `npm run backup` into an empty target:
//
//   DATABASE_URL=postgresql://…/empty_db npm run restore -- placements-20261203-101500.tar
//   npm run restore -- placements-….tar   (the embedded database in PGLITE_DIR, with the app stopped)
//
// It refuses a target that already holds data (tables in the database, files
// in the data or attachment directory) unless given --force, which replaces
// what is there. A PostgreSQL backup restores to PostgreSQL, an embedded one
// to the embedded database (docs/operations.md#backup-and-restore).
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { Client } from "pg";
import { PGlite } from "@electric-sql/pglite";
import { attachmentDir } from "../lib/attachments/current-store";
import { postgresProgram, readManifest, safeUrl, tar } from "./ops/backup-files";
import { embeddedDataDir } from "./ops/open-database";

const { values, positionals } = parseArgs({
  options: { force: { type: "boolean", default: false } },
  allowPositionals: true,
});

const notEmpty = (dir: string) => existsSync(dir) && readdirSync(dir).length > 0;

async function restorePostgres(work: string, url: string) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: string }>(
      `SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')`,
    );
    if (Number(rows[0].count) > 0) {
      if (!values.force)
        throw new Error(
          `${safeUrl(url)} is not empty (${rows[0].count} tables). Restore into an empty database, or pass --force to replace it.`,
        );
      await client.query("DROP SCHEMA public CASCADE");
      await client.query("CREATE SCHEMA public");
    }
  } finally {
    await client.end();
  }
  execFileSync(
    postgresProgram("pg_restore"),
    [
      "--no-owner",
      "--no-privileges",
      "--exit-on-error",
      "--single-transaction",
      `--dbname=${url}`,
      path.join(work, "database.dump"),
    ],
    { stdio: ["ignore", "inherit", "inherit"] },
  );
}

async function restoreEmbedded(work: string) {
  const dataDir = embeddedDataDir();
  const lock = `${dataDir}.lock`;
  if (existsSync(lock)) {
    const owner = Number(readFileSync(lock, "utf8"));
    try {
      process.kill(owner, 0);
      throw new Error(`The app (process ${owner}) has ${dataDir} open: stop it before restoring.`);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
    }
  }
  if (notEmpty(dataDir)) {
    if (!values.force)
      throw new Error(`${dataDir} is not empty. Restore into a new PGLITE_DIR, or pass --force to replace it.`);
    rmSync(dataDir, { recursive: true, force: true });
  }
  mkdirSync(path.dirname(dataDir), { recursive: true });
  const db = await PGlite.create({ dataDir, loadDataDir: new Blob([readFileSync(path.join(work, "pglite.tar.gz"))]) });
  // Opening it replays the snapshot's log: it is now a consistent, closed database.
  await db.query("SELECT 1");
  await db.close();
}

async function main() {
  const file = positionals[0];
  if (!file || !existsSync(file)) throw new Error("Usage: npm run restore -- BACKUP.tar [--force]");
  const work = mkdtempSync(path.join(tmpdir(), "placements-restore-"));
  try {
    tar(["-xf", path.resolve(file), "-C", work]);
    const manifest = readManifest(work);
    const postgres = Boolean(process.env.DATABASE_URL);
    if (manifest.database === "postgresql" && !postgres)
      throw new Error("This is a PostgreSQL backup: set DATABASE_URL to the (empty) database to restore into.");
    if (manifest.database === "embedded" && postgres)
      throw new Error("This is a backup of the embedded database: unset DATABASE_URL to restore it into PGLITE_DIR.");
    if (manifest.files.includes("attachments.tar") && notEmpty(attachmentDir()) && !values.force)
      throw new Error(`${attachmentDir()} is not empty. Restore into a new ATTACHMENT_DIR, or pass --force.`);

    if (postgres) await restorePostgres(work, process.env.DATABASE_URL!);
    else await restoreEmbedded(work);
    if (manifest.files.includes("attachments.tar")) {
      rmSync(attachmentDir(), { recursive: true, force: true });
      mkdirSync(attachmentDir(), { recursive: true });
      tar(["-xf", path.join(work, "attachments.tar"), "-C", attachmentDir()]);
    }
    console.log(
      `Restored the backup of ${manifest.createdAt} (${manifest.database}, attachments: ${manifest.attachments}).`,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
