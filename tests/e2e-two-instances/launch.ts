// Playwright's web server for the two-instance run (playwright.two-instances.config.ts):
// a fresh database on the PostgreSQL at TWO_INSTANCES_POSTGRES_URL (default the
// local server), migrated and filled with the demo world once, then two app
// instances on it, A and B, started as `npm start` does. Stops both on SIGTERM.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { Client } from "pg";

export const TWO_INSTANCE_PORTS = [Number(process.env.E2E_PORT_A ?? 3431), Number(process.env.E2E_PORT_B ?? 3432)];

export function twoInstancesDatabaseUrl(): string {
  const server = process.env.TWO_INSTANCES_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  // The checkout's path in the name: two checkouts testing at once must not share a database.
  const name = `ops_two_instances_${createHash("sha256").update(process.cwd()).digest("hex").slice(0, 8)}`;
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}

async function prepareDatabase(url: string) {
  const admin = new Client({
    connectionString: process.env.TWO_INSTANCES_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres",
  });
  await admin.connect();
  const name = new URL(url).pathname.slice(1);
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  // Migrations and the demo world once, before either instance starts (two seeds at once would collide).
  const seeded = spawnSync(process.execPath, ["--import", "tsx", "-e", SEED], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: "inherit",
  });
  if (seeded.status !== 0) throw new Error("Could not prepare the two-instance database");
}

const SEED = `
const { applyMigrations } = require("./lib/db/migrations");
const { seedDemoIfEmpty } = require("./scripts/seed");
applyMigrations(process.env.DATABASE_URL).then(() => seedDemoIfEmpty()).then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
`;

async function waitForReady(port: number) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const ok = await fetch(`http://localhost:${port}/api/ready`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`Instance on ${port} did not become ready`);
}

async function main() {
  const url = twoInstancesDatabaseUrl();
  await prepareDatabase(url);
  const children: ChildProcess[] = [];
  const stop = () => {
    for (const child of children) child.kill("SIGTERM");
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  for (const port of TWO_INSTANCE_PORTS) {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
      env: { ...process.env, DATABASE_URL: url, PORT: String(port), APP_URL: `http://localhost:${port}` },
      stdio: ["ignore", "ignore", "inherit"],
    });
    child.on("exit", (code) => {
      stop();
      process.exit(code ?? 1);
    });
    children.push(child);
    // B starts once A is ready, so Playwright's check of B means both are up.
    await waitForReady(port);
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
