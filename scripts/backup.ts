// Backs up the app's data — database and attachments — into one tar file:
//
//   DATABASE_URL=postgresql://… npm run backup -- --out /backups
//   npm run backup                       (the embedded database: while the app runs, or not)
//
// PostgreSQL: pg_dump's custom format, a consistent snapshot taken while the
// app runs (attachments in PostgreSQL are inside it). The embedded database:
// a snapshot taken by the running app (between two statements), or of the
// directory when the app is stopped. Attachments on disk are added as a tar.
// Prints the file written. Restore with `npm run restore -- FILE`.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { attachmentDir, configuredStoreKind } from "../lib/attachments/current-store";
import { readMigrations } from "../lib/db/migrations";
import { startEmbeddedDatabase } from "../lib/db/embedded-database";
import { MANIFEST, postgresProgram, tar, type Manifest } from "./ops/backup-files";
import { snapshotFromRunningApp } from "./ops/control-socket";
import { embeddedDataDir } from "./ops/open-database";
import { existsSync } from "node:fs";

const { values } = parseArgs({ options: { out: { type: "string", default: "backups" } } });

async function embeddedSnapshot(dataDir: string): Promise<Buffer> {
  const fromApp = await snapshotFromRunningApp(dataDir);
  if (fromApp) return fromApp;
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) throw new Error(`There is no embedded database in ${dataDir}.`);
  const db = await startEmbeddedDatabase({ dataDir });
  try {
    return Buffer.from(await (await db.dump()).arrayBuffer());
  } finally {
    await db.stop();
  }
}

async function main() {
  const postgres = Boolean(process.env.DATABASE_URL);
  // The same default as scripts/start.ts: PostgreSQL holds attachments unless told otherwise.
  const attachments = process.env.ATTACHMENT_STORE ? configuredStoreKind() : postgres ? "postgres" : "filesystem";
  const work = mkdtempSync(path.join(tmpdir(), "placements-backup-"));
  try {
    const files: string[] = [];
    if (postgres) {
      execFileSync(
        postgresProgram("pg_dump"),
        [
          "--format=custom",
          "--no-owner",
          "--no-privileges",
          `--file=${path.join(work, "database.dump")}`,
          process.env.DATABASE_URL!,
        ],
        { stdio: ["ignore", "ignore", "inherit"] },
      );
      files.push("database.dump");
    } else {
      writeFileSync(path.join(work, "pglite.tar.gz"), await embeddedSnapshot(embeddedDataDir()));
      files.push("pglite.tar.gz");
    }
    // After the database: every file a backed-up row names was written before the row committed.
    if (attachments === "filesystem" && existsSync(attachmentDir())) {
      tar(["-cf", path.join(work, "attachments.tar"), "--exclude=*.part", "-C", attachmentDir(), "."]);
      files.push("attachments.tar");
    }
    const manifest: Manifest = {
      format: 1,
      createdAt: new Date().toISOString(),
      database: postgres ? "postgresql" : "embedded",
      attachments,
      migrations: readMigrations().map((migration) => migration.name),
      files,
    };
    writeFileSync(path.join(work, MANIFEST), JSON.stringify(manifest, null, 2));
    mkdirSync(values.out!, { recursive: true });
    const stamp = manifest.createdAt.replace(/[-:]/g, "").replace(/\..*/, "").replace("T", "-");
    const file = path.resolve(values.out!, `placements-${stamp}.tar`);
    tar(["-cf", file, "-C", work, MANIFEST, ...files]);
    console.log(file);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
