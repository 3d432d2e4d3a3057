import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

// What a backup holds (docs/operations.md#backup-and-restore): one tar file with
//   manifest.json      what was backed up, when, from which kind of database;
//   database.dump      PostgreSQL: pg_dump's custom format (attachments in
//                      PostgreSQL are in it), or
//   pglite.tar.gz      the embedded database's data directory;
//   attachments.tar    the attachment directory, when attachments are on disk.

export type Manifest = {
  format: 1;
  createdAt: string;
  database: "postgresql" | "embedded";
  attachments: "postgres" | "filesystem" | "s3";
  migrations: string[];
  files: string[];
};

export const MANIFEST = "manifest.json";

/** PostgreSQL's client programs: PG_BIN_DIR, else the newest installed under /usr/lib/postgresql, else the PATH. */
export function postgresProgram(name: string): string {
  if (process.env.PG_BIN_DIR) return path.join(process.env.PG_BIN_DIR, name);
  const root = "/usr/lib/postgresql";
  if (existsSync(root)) {
    for (const version of readdirSync(root).sort((a, b) => Number(b) - Number(a))) {
      const candidate = path.join(root, version, "bin", name);
      if (existsSync(candidate)) return candidate;
    }
  }
  return name;
}

export function tar(args: string[]) {
  execFileSync("tar", args, { stdio: ["ignore", "ignore", "pipe"] });
}

export function readManifest(dir: string): Manifest {
  const file = path.join(dir, MANIFEST);
  if (!existsSync(file)) throw new Error("This is not a Placement Tracker backup: it has no manifest.json.");
  const manifest = JSON.parse(readFileSync(file, "utf8")) as Manifest;
  if (manifest.format !== 1) throw new Error(`Unknown backup format ${manifest.format}.`);
  return manifest;
}

/** The connection string without its password, for messages. */
export const safeUrl = (url: string) => url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
