// Starts Placement Tracker.
//
//   npm start            the production server on PORT (default 3000)
//   npm run demo         the same, building first if needed and filling an empty database with the demo world
//   npm run dev          Next.js in development mode, for working on the code
//
// With DATABASE_URL set the app uses that PostgreSQL. Without it, this process
// opens the embedded PGlite database in ./data/pglite (or PGLITE_DIR), serves
// it on a loopback port and hands that address to Next.js as DATABASE_URL —
// one code path for both (docs/decisions/0002). A lock file beside the data
// directory stops a second process from opening it.
//
// Next.js runs in this process, inside a small HTTP server of ours
// (scripts/server/app-server.ts: request ids, logs, metrics, readiness, 503s).
// On SIGTERM or SIGINT it stops accepting, finishes the requests in flight
// (at most SHUTDOWN_GRACE_MS), stops the reminders timer, closes the pool and
// closes the embedded database cleanly (docs/operations.md#graceful-shutdown).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { applyMigrations } from "../lib/db/migrations";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "../lib/db/embedded-database";
import { closePool } from "../lib/db/pool";
import { PostgresAttachmentStore } from "../lib/attachments/postgres-store";
import { getPool } from "../lib/db/pool";
import { logger } from "../lib/observability/logger";
import { retentionYears } from "../lib/children/retention";
import { startReminderTimer } from "./reminder-timer";
import { startAppServer } from "./server/app-server";
import { startControlSocket } from "./ops/control-socket";
import { routeConsoleToLog } from "./server/console-to-log";

const args = new Set(process.argv.slice(2));
const demo = args.has("--demo");
const dev = args.has("--dev");
const port = process.env.PORT ?? "3000";
const nextBin = path.join("node_modules", ".bin", "next");

process.env.NEXT_TELEMETRY_DISABLED = "1";
// Before Next.js loads: it reads NODE_ENV once, and the logger picks its format from it.
(process.env as Record<string, string>).NODE_ENV ??= dev ? "development" : "production";

async function main() {
  // Every line on stdout a log line (JSON in production) — after the demo's sign-ins, which are for a person to read.
  if (!demo) routeConsoleToLog();
  // Sessions are rows in the database (docs/decisions/0012-sessions.md): no signing secret to share.
  process.env.APP_URL ??= `http://localhost:${port}`;
  // Settings that would otherwise fail on first use: a mistake stops the start with its message.
  retentionYears();

  let embedded: EmbeddedDatabase | null = null;
  let stopControlSocket: (() => Promise<void>) | null = null;
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
    // `npm run backup` asks this process for a consistent snapshot while the app runs.
    stopControlSocket = await startControlSocket(path.resolve(dataDir), embedded);
  }
  // Attachments: in PostgreSQL with a real server (every instance shares it), on disk for the embedded database.
  process.env.ATTACHMENT_STORE ??= embedded ? "filesystem" : "postgres";

  const applied = await applyMigrations(process.env.DATABASE_URL!);
  if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);

  if (demo) {
    // The demo's people sign in with the printed password alone; two-factor sign-in is offered on /account
    // (README "Two-factor sign-in"). A real deployment's default requires it of those who see children's names.
    process.env.MFA_POLICY ??= "optional";
    const { seedDemoIfEmpty } = await import("./seed");
    await seedDemoIfEmpty();
    if (!dev && !existsSync(path.join(".next", "BUILD_ID"))) {
      console.log("Building the app (first run only)…");
      const build = spawnSync(nextBin, ["build"], { stdio: "inherit", env: { ...process.env, DATABASE_URL: "" } });
      if (build.status !== 0) throw new Error("next build failed");
    }
  }

  if (process.env.ATTACHMENT_STORE === "postgres") {
    const swept = await new PostgresAttachmentStore(getPool).sweepIncomplete();
    if (swept) console.log(`Removed ${swept} attachment uploads that were cut off half-way.`);
  }

  // Before the server starts: the timer may hand it its secret in the environment.
  const stopReminders = startReminderTimer({ port });

  if (demo) routeConsoleToLog();
  const log = logger();
  const server = await startAppServer({ port: Number(port), dev });
  log.info(
    { port: server.port, database: embedded ? "embedded" : "postgresql", attachments: process.env.ATTACHMENT_STORE },
    "listening",
  );

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) {
      log.warn({ signal }, "second signal: stopping at once");
      process.exit(1);
    }
    stopping = true;
    const graceMs = Number(process.env.SHUTDOWN_GRACE_MS ?? 10_000);
    log.info({ signal, graceMs }, "shutting down: no new connections, finishing requests in flight");
    const { unfinished } = await server.drain(graceMs);
    stopReminders();
    const prisma = (globalThis as { placementTrackerDb?: { $disconnect(): Promise<void> } }).placementTrackerDb;
    await prisma?.$disconnect().catch(() => undefined);
    await closePool();
    await stopControlSocket?.();
    // PGlite writes a shutdown checkpoint as it closes: everything acknowledged is on disk.
    await embedded?.stop().catch((error) => log.error({ err: error }, "embedded database did not close cleanly"));
    log.info({ unfinished }, "stopped");
    process.exit(0);
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void shutdown(signal));
}

main().catch(async (error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
