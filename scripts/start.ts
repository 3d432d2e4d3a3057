// Starts Placement Tracker.
//
//   npm start            next start on PORT (default 3000)
//   npm run demo         the same, building first if needed and filling an empty database with the demo world
//   npm run dev          next dev, for working on the code
//
// With DATABASE_URL set the app uses that PostgreSQL. Without it, this process
// opens the embedded PGlite database in ./data/pglite (or PGLITE_DIR), serves
// it on a loopback port and hands that address to Next.js as DATABASE_URL —
// one code path for both (docs/decisions/0002). A lock file beside the data
// directory stops a second process from opening it.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { applyMigrations } from "../lib/db/migrations";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "../lib/db/embedded-database";
import { startReminderTimer } from "./reminder-timer";

const args = new Set(process.argv.slice(2));
const demo = args.has("--demo");
const dev = args.has("--dev");
const port = process.env.PORT ?? "3000";
const nextBin = path.join("node_modules", ".bin", "next");

process.env.NEXT_TELEMETRY_DISABLED = "1";

/** A secret for signing sessions. Production must set one; locally one is made once and kept in ./data. */
function ensureAuthSecret() {
  if (process.env.NEXTAUTH_SECRET || process.env.AUTH_SECRET) return;
  if (process.env.DATABASE_URL && !demo) {
    throw new Error(
      "Set NEXTAUTH_SECRET (a long random string, the same on every instance) before starting in production.",
    );
  }
  const file = path.resolve("data", "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  process.env.NEXTAUTH_SECRET = readFileSync(file, "utf8").trim();
}

async function main() {
  ensureAuthSecret();
  process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;

  let embedded: EmbeddedDatabase | null = null;
  if (!process.env.DATABASE_URL) {
    const dataDir = process.env.PGLITE_DIR ?? path.join("data", "pglite");
    embedded = await startEmbeddedDatabase({
      dataDir,
      port: process.env.EMBEDDED_DB_PORT ? Number(process.env.EMBEDDED_DB_PORT) : 0,
    });
    process.env.DATABASE_URL = embedded.url;
    // One connection: PGlite is a single session, and pglite-socket can
    // interleave the extended-protocol messages of concurrent connections
    // ("bind message supplies N parameters…"). Queries queue in the pool instead.
    process.env.DATABASE_POOL_SIZE = "1";
    console.log(`Embedded database: ${path.resolve(dataDir)} (served on ${new URL(embedded.url).host})`);
  }

  const applied = await applyMigrations(process.env.DATABASE_URL!);
  if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);

  if (demo) {
    const { seedDemoIfEmpty } = await import("./seed");
    await seedDemoIfEmpty();
    if (!dev && !existsSync(path.join(".next", "BUILD_ID"))) {
      console.log("Building the app (first run only)…");
      const build = spawnSync(nextBin, ["build"], { stdio: "inherit", env: { ...process.env, DATABASE_URL: "" } });
      if (build.status !== 0) throw new Error("next build failed");
    }
  }

  // Before spawning: the timer may hand the server its secret in the environment.
  startReminderTimer({ port });

  const next = spawn(nextBin, [dev ? "dev" : "start", "-p", port], { stdio: "inherit", env: process.env });
  const shutdown = async (code: number) => {
    await embedded?.stop().catch(() => undefined);
    process.exit(code);
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => next.kill(signal));
  next.on("exit", (code) => void shutdown(code ?? 0));
}

main().catch(async (error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
