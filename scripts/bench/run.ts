// The benchmark: a production server against a national-scale PostgreSQL world,
// driven with concurrent signed-in requests from this (separate) process.
//
//   npm run bench -- --scale 0.01 [--duration 10] [--connections 20] [--reuse] [--build] [--drop]
//                    [--database-url postgresql://postgres@127.0.0.1:5432/placement_bench] [--out bench-results]
//
// 1. (Re)generates the world (scripts/bench/generate.ts) unless --reuse.
// 2. Builds the app if .next is missing or older than the source (or --build).
// 3. Starts `tsx scripts/start.ts` (next start) on a free port against the database.
// 4. Signs in a tutor and a practice educator once each through the sign-in
//    endpoint, POST /api/auth/sign-in (the sign-in throttle would lock repeated sign-ins).
// 5. For each route: checks it answers 200, counts database transactions per
//    request, weighs the page's first-load JavaScript, then drives it with
//    autocannon and records p50/p95/p99 latency and requests per second —
//    and the same for /api/health, the framework's own ceiling on this machine.
// 6. Writes <out>/latest.json and <out>/latest.md, stops the server.
//
// Exits non-zero when the run itself fails (a route answering anything but
// 2xx, the server not starting); missing a performance target is reported, not fatal.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { Client } from "pg";
import { BENCH_PASSWORD, generate, generatedScale, type GenerateResult } from "./generate";
import {
  checkTargets,
  databaseOf,
  markdownTable,
  pageWeight,
  parseArgs,
  scriptChunksOf,
  summariseLatencies,
  TARGETS,
  topFrames,
  type CpuProfile,
  type RouteResult,
} from "./lib";

const ROOT = process.cwd();
const bin = (name: string) => path.join(ROOT, "node_modules", ".bin", name);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The app instances (--instances N, all on the one database); the first is "the server". */
let servers: ChildProcess[] = [];

/** Stops the servers and their children: each is in the process group we started. */
function killServer(signal: NodeJS.Signals = "SIGTERM") {
  for (const server of servers) {
    if (!server.pid || server.exitCode !== null || server.signalCode !== null) continue;
    try {
      process.kill(-server.pid, signal);
    } catch {
      // Already gone.
    }
  }
}

async function stopServer(graceMs = 5_000) {
  if (servers.length === 0) return;
  const exited = Promise.all(
    servers.map((server) =>
      server.exitCode !== null ? Promise.resolve() : new Promise((resolve) => server.once("exit", resolve)),
    ),
  );
  killServer("SIGTERM");
  await Promise.race([exited, sleep(graceMs)]);
  killServer("SIGKILL");
  servers = [];
}

process.on("exit", () => killServer("SIGKILL"));
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping the server`);
    void stopServer().finally(() => process.exit(130));
  });
}

function newestSourceMtime(): number {
  let newest = 0;
  const visit = (entry: string) => {
    if (!existsSync(entry)) return;
    const stat = statSync(entry);
    if (stat.isDirectory()) {
      if (entry.endsWith(path.join("lib", "generated"))) return;
      for (const child of readdirSync(entry))
        if (!child.endsWith(".test.ts") && !child.endsWith(".test.tsx")) visit(path.join(entry, child));
    } else {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  for (const entry of [
    "app",
    "components",
    "lib",
    "next.config.js",
    "postcss.config.mjs",
    "tsconfig.json",
    "package.json",
    "prisma/schema.prisma",
  ])
    visit(path.join(ROOT, entry));
  return newest;
}

function ensureBuild(force: boolean) {
  const buildId = path.join(ROOT, ".next", "BUILD_ID");
  if (!force && existsSync(buildId) && statSync(buildId).mtimeMs >= newestSourceMtime()) {
    console.log("Using the existing build (.next is newer than the source).");
    return;
  }
  console.log(force ? "Building the app (--build)…" : "Building the app (.next is missing or older than the source)…");
  const build = () =>
    spawnSync(bin("next"), ["build"], {
      stdio: "inherit",
      env: { ...process.env, DATABASE_URL: "", NEXT_TELEMETRY_DISABLED: "1" },
    }).status;
  if (build() === 0) return;
  // A stale .next/dev/types can break a build: once more from clean.
  rmSync(path.join(ROOT, ".next"), { recursive: true, force: true });
  if (build() !== 0) throw new Error("next build failed");
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function startServer(port: number, databaseUrl: string, profileDir: string | null): Promise<string> {
  const base = `http://127.0.0.1:${port}`;
  const output: string[] = [];
  // --profile: V8 writes a .cpuprofile when the process exits (on SIGTERM start.ts shuts down cleanly).
  const profiling = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [];
  const server = spawn(bin("tsx"), [...profiling, "scripts/start.ts"], {
    cwd: ROOT,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      APP_URL: base,
      MFA_POLICY: "off",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  servers.push(server);
  for (const stream of [server.stdout!, server.stderr!]) {
    stream.on("data", (chunk: Buffer) => {
      output.push(chunk.toString());
      if (output.length > 200) output.shift();
    });
  }
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The server exited (${server.exitCode}):\n${output.join("")}`);
    try {
      const response = await fetch(`${base}/api/health`);
      if (response.ok) return base;
    } catch {
      // Not listening yet.
    }
    await sleep(250);
  }
  throw new Error(`The server did not answer /api/health within 120 s:\n${output.join("")}`);
}

type Subjects = { tutorEmail: string; peEmail: string; pePlacements: number; placementId: string; adminEmail: string };

/** Who to sign in as, picked from the data: the PE with the most current students, one of their placements with the most evidence, a tutor of the biggest university. */
async function pickSubjects(databaseUrl: string): Promise<Subjects> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const pe = await client.query<{ email: string; id: string; n: string }>(`
      SELECT u.email, u.id, count(*) AS n
      FROM "PracticeEducatorAssignment" a JOIN "Placement" p ON p.id = a."placementId" JOIN "User" u ON u.id = a."practiceEducatorId"
      WHERE a."endDate" IS NULL AND p.status IN ('ACTIVE', 'SUSPENDED', 'PLANNED') AND u.active
      GROUP BY u.id, u.email ORDER BY n DESC, u.email LIMIT 1`);
    if (!pe.rows[0]) throw new Error("No practice educator with a current placement: is this a benchmark database?");
    const placement = await client.query<{ id: string }>(
      `
      SELECT p.id FROM "PracticeEducatorAssignment" a JOIN "Placement" p ON p.id = a."placementId"
      WHERE a."practiceEducatorId" = $1 AND a."endDate" IS NULL AND p.status IN ('ACTIVE', 'SUSPENDED', 'PLANNED')
      ORDER BY (p.status = 'ACTIVE') DESC, (SELECT count(*) FROM "EvidenceItem" e WHERE e."placementId" = p.id) DESC, p.id LIMIT 1`,
      [pe.rows[0].id],
    );
    const tutor = await client.query<{ email: string }>(`
      SELECT t.email FROM "User" t
      WHERE t.role = 'UNIVERSITY_TUTOR' AND t.active
      ORDER BY (SELECT count(*) FROM "Placement" p JOIN "StudentProfile" sp ON sp."userId" = p."studentId" WHERE sp."universityId" = t."organisationId") DESC, t.email
      LIMIT 1`);
    if (!tutor.rows[0]) throw new Error("No university tutor in the database.");
    const admin = await client.query<{ email: string }>(`
      SELECT a.email FROM "User" a
      WHERE a.role = 'ADMIN' AND a.active
      ORDER BY (SELECT count(*) FROM "Placement" p WHERE p."teamId" = a."organisationId" AND p.status IN ('ACTIVE', 'SUSPENDED')) DESC, a.email
      LIMIT 1`);
    if (!admin.rows[0]) throw new Error("No team manager in the database.");
    return {
      adminEmail: admin.rows[0].email,
      tutorEmail: tutor.rows[0].email,
      peEmail: pe.rows[0].email,
      pePlacements: Number(pe.rows[0].n),
      placementId: placement.rows[0].id,
    };
  } finally {
    await client.end();
  }
}

/** Signs in once through the sign-in endpoint (POST /api/auth/sign-in); returns the Cookie header carrying the session. */
async function signIn(base: string, email: string): Promise<string> {
  const response = await fetch(`${base}/api/auth/sign-in`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify({ email, password: BENCH_PASSWORD }),
  });
  const session = response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .find((cookie) => cookie.startsWith("pt_session="));
  if (!session)
    throw new Error(
      `Could not sign in as ${email} (HTTP ${response.status}): wrong password, or the account is locked by the sign-in throttle.`,
    );
  const check = (await (await fetch(`${base}/api/auth/session`, { headers: { cookie: session } })).json()) as {
    user?: { email?: string };
  };
  if (check?.user?.email !== email)
    throw new Error(`Signed in as ${email}, but the session says ${JSON.stringify(check)}`);
  return session;
}

/**
 * Database transactions run so far in the benchmark database (each Prisma
 * query outside a transaction is one), not counting the one each new
 * connection runs at start-up. A backend reports its counts lazily (up to 10 s
 * late when idle), but always when it exits: so the app's idle connections
 * are ended first (its pool opens new ones on the next request), then the
 * figure is exact. Read from the maintenance database so reading does not count.
 */
async function transactionsSoFar(adminUrl: string, name: string): Promise<number> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
      [name],
    );
    for (let attempt = 0; attempt < 50; attempt++) {
      const { rows } = await client.query<{ n: string }>(
        "SELECT count(*) AS n FROM pg_stat_activity WHERE datname = $1",
        [name],
      );
      if (Number(rows[0].n) === 0) break;
      await sleep(100);
    }
    await client.query("SELECT pg_stat_clear_snapshot()");
    const { rows } = await client.query<{ n: string }>(
      "SELECT xact_commit + xact_rollback - sessions AS n FROM pg_stat_database WHERE datname = $1",
      [name],
    );
    return Number(rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

async function setParallelWorkers(adminUrl: string, name: string, allowed: boolean) {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(
      allowed
        ? `ALTER DATABASE ${name} RESET max_parallel_workers_per_gather`
        : `ALTER DATABASE ${name} SET max_parallel_workers_per_gather = 0`,
    );
  } finally {
    await client.end();
  }
}

/**
 * CPU time (ms) used so far by the server's processes (its process group), from
 * /proc: unlike latency it hardly depends on what else the machine is doing.
 * Null where /proc is missing.
 */
function serverCpuMs(): number | null {
  const groups = new Set(servers.map((server) => server.pid));
  if (groups.size === 0 || !existsSync("/proc/self/stat")) return null;
  const ticksPerMs = 100 / 1000; // USER_HZ is 100 on Linux
  let ticks = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      // After "pid (comm) ": state ppid pgrp … utime(14th field overall) stime(15th).
      if (!groups.has(Number(fields[2]))) continue;
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The process ended while we looked.
    }
  }
  return ticks / ticksPerMs;
}

/**
 * Waits until the server has finished the requests autocannon abandoned at the
 * end of a run (the database busy with none of them, the server's CPU quiet),
 * so one route's backlog is not measured as the next route's latency.
 */
async function settle(adminUrl: string, name: string, maxMs = 60_000) {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  const deadline = Date.now() + maxMs;
  try {
    while (Date.now() < deadline) {
      const cpuBefore = serverCpuMs();
      await sleep(500);
      const cpuAfter = serverCpuMs();
      const { rows } = await client.query<{ n: string }>(
        "SELECT count(*) AS n FROM pg_stat_activity WHERE datname = $1 AND state = 'active' AND pid <> pg_backend_pid()",
        [name],
      );
      const serverBusy = cpuBefore !== null && cpuAfter !== null && cpuAfter - cpuBefore > 100;
      if (Number(rows[0].n) === 0 && !serverBusy) return;
    }
  } finally {
    await client.end();
  }
}

type Target = { name: string; path: string; as: string; cookie: string | null; kind: RouteResult["kind"] };

async function get(base: string, target: Target): Promise<Response> {
  return fetch(base + target.path, { redirect: "manual", headers: target.cookie ? { cookie: target.cookie } : {} });
}

/** Drives every instance at once, the connections shared out among them; one result for all. */
async function driveAll(bases: string[], target: Target, seconds: number, connections: number) {
  const runs = await Promise.all(
    bases.map((base, i) =>
      drive(
        base,
        target,
        seconds,
        Math.floor(connections / bases.length) + (i < connections % bases.length ? 1 : 0) || 1,
      ),
    ),
  );
  return {
    latencies: runs.flatMap((run) => run.latencies),
    total: runs.reduce((sum, run) => sum + run.result.requests.total, 0),
    duration: Math.max(...runs.map((run) => run.result.duration || seconds)),
    non2xx: runs.reduce((sum, run) => sum + run.result.non2xx, 0),
    errors: runs.reduce((sum, run) => sum + run.result.errors + run.result.timeouts, 0),
  };
}

function drive(base: string, target: Target, seconds: number, connections: number) {
  return new Promise<{ latencies: number[]; result: autocannon.Result }>((resolve, reject) => {
    const latencies: number[] = [];
    const instance = autocannon(
      {
        url: base + target.path,
        connections,
        duration: seconds,
        headers: target.cookie ? { cookie: target.cookie } : {},
        timeout: 30,
      },
      (error, result) => (error ? reject(error) : resolve({ latencies, result })),
    );
    instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) =>
      latencies.push(responseTime),
    );
  });
}

/**
 * The server's busiest frames over the whole run (every route, warm-ups
 * included), from the largest profile written (the process running Next.js;
 * tsx's launcher writes a tiny one too). Writes <out>/cpu-profile.md.
 */
function summariseProfile(dir: string, out: string) {
  const files = readdirSync(dir)
    .filter((file) => file.endsWith(".cpuprofile"))
    .map((file) => path.join(dir, file))
    .sort((a, b) => statSync(b).size - statSync(a).size);
  if (!files[0]) {
    console.warn("--profile: no .cpuprofile was written (did the server exit cleanly?)");
    return null;
  }
  const summary = topFrames(JSON.parse(readFileSync(files[0], "utf8")) as CpuProfile, 30, ROOT);
  const line = (entry: { frame: string; selfMs: number; selfShare: number }) =>
    `| ${entry.frame.replace(/\|/g, "\\|")} | ${entry.selfMs} | ${(entry.selfShare * 100).toFixed(1)}% |`;
  const markdown = [
    `CPU profile of the server over the whole run: ${summary.totalMs} ms of CPU outside idle (${path.basename(files[0])}).`,
    "",
    "| Package or file | self ms | share |",
    "|---|--:|--:|",
    ...summary.packages.slice(0, 15).map(line),
    "",
    "| Frame | self ms | share |",
    "|---|--:|--:|",
    ...summary.frames.map(line),
  ].join("\n");
  writeFileSync(path.join(out, "cpu-profile.md"), markdown + "\n");
  console.log(`\n${markdown}\n`);
  return { file: files[0], ...summary };
}

type WriteResult = {
  name: string;
  path: string;
  as: string;
  writes: number;
  latency: ReturnType<typeof summariseLatencies>;
  /** The read model's part of each write (lock + recompute of the placement, in a transaction), timed on its own. */
  readModelRefresh: ReturnType<typeof summariseLatencies> | null;
};

/**
 * The write benchmark: the PE logs attendance days on their placement through
 * the API (POST /api/v1/placements/:id/attendance), one after another, each
 * with the placement's progress row recomputed in the same transaction; then
 * the days are removed again through the API (so --reuse finds the same
 * world). What the read model adds to a write is timed on its own by
 * `npm run progress -- time` on the same placement.
 */
async function benchWrites(
  base: string,
  cookie: string,
  placementId: string,
  databaseUrl: string,
  count = 30,
): Promise<WriteResult | null> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  let dates: string[];
  try {
    // The PE's active placement with the most days not logged yet (the generator logs most
    // weekdays), and those days, most recent first.
    const { rows } = await client.query<{ id: string; d: string }>(
      `WITH free AS (
         SELECT p.id, d::date AS d FROM "Placement" p
         JOIN "PracticeEducatorAssignment" a ON a."placementId" = p.id AND a."endDate" IS NULL
           AND a."practiceEducatorId" = (SELECT "practiceEducatorId" FROM "PracticeEducatorAssignment" WHERE "placementId" = $1 AND "endDate" IS NULL LIMIT 1),
         generate_series(p."startDate", CURRENT_DATE - 1, interval '1 day') AS d
         WHERE p.status = 'ACTIVE'
           AND NOT EXISTS (SELECT 1 FROM "AttendanceDay" x WHERE x."placementId" = p.id AND x.date = d::date))
       SELECT id, d::text AS d FROM free
       WHERE id = (SELECT id FROM free GROUP BY id ORDER BY count(*) DESC, id LIMIT 1)
       ORDER BY d DESC LIMIT $2`,
      [placementId, count],
    );
    if (rows[0]) placementId = rows[0].id;
    dates = rows.map((row) => row.d);
  } finally {
    await client.end();
  }
  if (dates.length === 0) {
    console.warn("Write benchmark skipped: the PE has no active placement with a day not logged yet.");
    return null;
  }
  const path = `/api/v1/placements/${placementId}/attendance`;
  const headers = { cookie, origin: base, "content-type": "application/json" };
  const latencies: number[] = [];
  const made: string[] = [];
  try {
    for (const date of dates) {
      const started = performance.now();
      const response = await fetch(base + path, {
        method: "POST",
        headers,
        body: JSON.stringify({ date, kind: "SKILLS_DAY", note: "" }),
      });
      const body = (await response.json()) as { id?: string };
      latencies.push(performance.now() - started);
      if (response.status !== 201 || !body.id)
        throw new Error(`Recording attendance answered ${response.status}: ${JSON.stringify(body)}`);
      made.push(body.id);
    }
  } finally {
    for (const id of made) await fetch(`${base}${path}/${id}`, { method: "DELETE", headers });
  }
  const timed = spawnSync(
    bin("tsx"),
    ["--conditions=react-server", "scripts/progress-read-model.ts", "time", placementId, String(dates.length)],
    { cwd: ROOT, env: { ...process.env, DATABASE_URL: databaseUrl }, encoding: "utf8" },
  );
  const last = timed.stdout.trim().split("\n").at(-1) ?? "";
  let refresh: number[] | null = null;
  try {
    refresh = (JSON.parse(last) as { samples: number[] }).samples;
  } catch {
    console.warn(`Could not time the read model's refresh: ${timed.stderr || last}`);
  }
  return {
    name: "Record attendance",
    path: "POST /api/v1/placements/[id]/attendance",
    as: "PE",
    writes: latencies.length,
    latency: summariseLatencies(latencies),
    readModelRefresh: refresh ? summariseLatencies(refresh) : null,
  };
}

async function dropDatabase(adminUrl: string, name: string) {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    console.log(`Dropped the database ${name} (--drop).`);
  } finally {
    await client.end();
  }
}

function machine(postgresVersion: string): string {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model.trim() ?? "CPU"}, ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, Node ${process.version}, ${postgresVersion}`;
}

async function main() {
  const args = parseArgs(
    process.argv.slice(2).filter((arg) => arg !== "--"),
    process.env,
  );
  const { name: databaseName, adminUrl } = databaseOf(args.databaseUrl);
  const started = Date.now();
  process.env.NEXT_TELEMETRY_DISABLED = "1";

  let generated: GenerateResult | null = null;
  if (args.reuse) {
    const scale = await generatedScale(args.databaseUrl).catch(() => null);
    if (scale === null)
      throw new Error(
        `${databaseName} is not a benchmark database (or does not exist): run without --reuse to generate it.`,
      );
    if (scale !== args.scale)
      console.log(`The database was generated at scale ${scale}: reporting that scale, not ${args.scale}.`);
    args.scale = scale;
    console.log(`Reusing the database ${databaseName} (scale ${scale}) as it is (--reuse).`);
  } else {
    generated = await generate({ scale: args.scale, databaseUrl: args.databaseUrl });
  }

  ensureBuild(args.build);
  const port = process.env.BENCH_PORT ? Number(process.env.BENCH_PORT) : await freePort();
  console.log(`Starting the app on port ${port}…`);
  const profileDir = args.profile ? path.resolve(args.out, "cpu-profiles") : null;
  if (profileDir) {
    rmSync(profileDir, { recursive: true, force: true });
    mkdirSync(profileDir, { recursive: true });
  }
  const base = await startServer(port, args.databaseUrl, profileDir);
  // --instances N: more app instances on the same database; the load is spread over all of them.
  const bases = [base];
  for (let i = 1; i < args.instances; i++) {
    const next = process.env.BENCH_PORT ? port + i : await freePort();
    console.log(`Starting instance ${i + 1} on port ${next}…`);
    bases.push(await startServer(next, args.databaseUrl, profileDir));
  }

  const subjects = await pickSubjects(args.databaseUrl);
  console.log(
    `Tutor ${subjects.tutorEmail}; PE ${subjects.peEmail} (${subjects.pePlacements} current placements); placement ${subjects.placementId}.`,
  );
  const tutorCookie = await signIn(base, subjects.tutorEmail);
  const peCookie = await signIn(base, subjects.peEmail);
  const adminCookie = await signIn(base, subjects.adminEmail);

  const targets: Target[] = [
    { name: "Trivial route", path: "/api/health", as: "anyone", cookie: null, kind: "baseline" },
    { name: "Tutor dashboard", path: "/", as: "tutor", cookie: tutorCookie, kind: "page" },
    { name: "PE home", path: "/", as: "PE", cookie: peCookie, kind: "page" },
    { name: "Admin home", path: "/", as: "team manager", cookie: adminCookie, kind: "page" },
    { name: "Cohort coverage", path: "/cohort-coverage", as: "tutor", cookie: tutorCookie, kind: "page" },
    { name: "Placement page", path: `/placements/${subjects.placementId}`, as: "PE", cookie: peCookie, kind: "page" },
    { name: "Placements API", path: "/api/v1/placements", as: "tutor", cookie: tutorCookie, kind: "api" },
  ];

  const postgres = new Client({ connectionString: adminUrl });
  await postgres.connect();
  const postgresVersion = (
    await postgres.query<{ v: string }>(
      "SELECT split_part(version(), ' ', 1) || ' ' || split_part(version(), ' ', 2) AS v",
    )
  ).rows[0].v;
  await postgres.end();

  const results: RouteResult[] = [];
  const failures: string[] = [];
  const warnings: string[] = [];
  const loadAtStart = Math.round(os.loadavg()[0] * 10) / 10;
  const warmSeconds = Math.min(2, args.duration / 2);

  // 1. Every route answers 200 to its user; each page's first-load JavaScript.
  const weights = new Map<Target, number | null>();
  const pageScripts: Record<string, { chunks: string[]; rawBytes: number; gzipBytes: number }> = {};
  for (const target of targets) {
    const response = await get(base, target);
    const body = await response.text();
    if (response.status !== 200) {
      const location = response.headers.get("location");
      throw new Error(
        `${target.name} (${target.path} as ${target.as}) answered ${response.status}${location ? ` → ${location}` : ""}${location?.includes("sign-in") ? " (the session cookie was not accepted)" : ""}`,
      );
    }
    if (target.kind !== "page") {
      weights.set(target, null);
      continue;
    }
    const chunks = scriptChunksOf(body);
    const weight = pageWeight(chunks, path.join(ROOT, ".next"));
    pageScripts[target.name] = { chunks, rawBytes: weight.rawBytes, gzipBytes: weight.gzipBytes };
    if (weight.missing.length)
      console.warn(
        `  ${target.name}: ${weight.missing.length} script(s) not found in .next/static (is another build serving?)`,
      );
    weights.set(target, Math.round((weight.gzipBytes / 1024) * 10) / 10);
  }

  // 2. Database transactions per request (each Prisma query outside a transaction is one), over sequential requests.
  // Parallel query workers count as transactions too: none while counting (the
  // app's connections are renewed by transactionsSoFar, so they take the setting).
  const queries = new Map<Target, number>();
  const cpu = new Map<Target, number>();
  const countRequests = 20;
  await setParallelWorkers(adminUrl, databaseName, false);
  try {
    let before = await transactionsSoFar(adminUrl, databaseName);
    for (const target of targets) {
      const cpuBefore = serverCpuMs();
      for (let i = 0; i < countRequests; i++) await (await get(base, target)).arrayBuffer();
      const cpuAfter = serverCpuMs();
      if (cpuBefore !== null && cpuAfter !== null) cpu.set(target, Math.round((cpuAfter - cpuBefore) / countRequests));
      const after = await transactionsSoFar(adminUrl, databaseName);
      queries.set(target, Math.round(((after - before) / countRequests) * 10) / 10);
      before = after;
    }
  } finally {
    await setParallelWorkers(adminUrl, databaseName, true);
  }

  // 3. Load: a short warm-up, then the measured run.
  for (const target of targets) {
    await driveAll(bases, target, warmSeconds, args.connections);
    await settle(adminUrl, databaseName);
    process.stdout.write(
      `Driving ${target.name} (${target.path} as ${target.as}) for ${args.duration} s with ${args.connections} connections… `,
    );
    const result = await driveAll(bases, target, args.duration, args.connections);
    const { latencies } = result;
    await settle(adminUrl, databaseName);
    const requestsPerSecond = Math.round((result.total / result.duration) * 10) / 10;
    const row: RouteResult = {
      name: target.name,
      path: target.path.startsWith("/placements/") ? "/placements/[id]" : target.path,
      as: target.as,
      kind: target.kind,
      latency: summariseLatencies(latencies),
      requestsPerSecond,
      requests: result.total,
      non2xx: result.non2xx,
      errors: result.errors,
      throughputRatio: null,
      firstLoadJsKb: weights.get(target) ?? null,
      queriesPerRequest: queries.get(target) ?? null,
      serverCpuMsPerRequest: cpu.get(target) ?? null,
    };
    results.push(row);
    console.log(`${requestsPerSecond} req/s, p95 ${row.latency.p95} ms`);
    if (row.requests === 0)
      warnings.push(`${target.name}: no request completed within ${args.duration} s (an overloaded machine?)`);
    if (row.non2xx > 0 || row.errors > 0)
      failures.push(`${target.name}: ${row.non2xx} non-2xx responses and ${row.errors} errors/timeouts under load`);
  }

  process.stdout.write("Writing: logging attendance days through the API, one after another… ");
  const write = await benchWrites(base, peCookie, subjects.placementId, args.databaseUrl);
  if (write)
    console.log(
      `p95 ${write.latency.p95} ms over ${write.writes} writes; the read model's part p95 ${write.readModelRefresh?.p95 ?? "–"} ms`,
    );

  await stopServer(profileDir ? 60_000 : 5_000);
  // V8 writes the profile as the process ends, which can be after its parent (tsx) has gone.
  for (
    let waited = 0;
    profileDir && waited < 30_000 && !readdirSync(profileDir).some((f) => f.endsWith(".cpuprofile"));
    waited += 500
  )
    await sleep(500);
  const profile = profileDir ? summariseProfile(profileDir, args.out) : null;

  const baseline = results.find((row) => row.kind === "baseline");
  for (const row of results)
    if (row.kind !== "baseline" && baseline)
      row.throughputRatio = Math.round((row.requestsPerSecond / baseline.requestsPerSecond) * 1000) / 1000;

  const context = {
    scale: args.scale,
    connections: args.connections,
    duration: args.duration,
    machine: machine(postgresVersion),
    date: new Date().toISOString().slice(0, 10),
    instances: args.instances,
    // Other work on the machine skews every figure: the load average shows how much there was.
    loadAverage: loadAtStart,
  };
  const report = {
    ...context,
    reuse: args.reuse,
    targets: TARGETS,
    generate: generated,
    subjects: { ...subjects, password: BENCH_PASSWORD },
    routes: results.map((row) => ({ ...row, targetsMet: checkTargets(row) })),
    write,
    pageScripts,
    warnings,
    failures,
    profile,
    seconds: Math.round((Date.now() - started) / 1000),
  };
  mkdirSync(args.out, { recursive: true });
  writeFileSync(path.join(args.out, "latest.json"), JSON.stringify(report, null, 2) + "\n");
  const table =
    markdownTable(results, context) +
    (write
      ? `\nWrites: ${write.name} (\`${write.path}\` as ${write.as}), ${write.writes} one after another: p50 ${write.latency.p50} ms, p95 ${write.latency.p95} ms. The read model's part of each (lock and recompute of the placement's row, timed alone): p50 ${write.readModelRefresh?.p50 ?? "–"} ms, p95 ${write.readModelRefresh?.p95 ?? "–"} ms (target: under 20 ms at p95).\n`
      : "");
  writeFileSync(path.join(args.out, "latest.md"), table);
  console.log(`\n${table}\nWrote ${path.join(args.out, "latest.json")} and latest.md (${report.seconds} s in all).`);

  if (warnings.length) console.warn(`Warnings:\n- ${warnings.join("\n- ")}`);
  if (args.drop) await dropDatabase(adminUrl, databaseName);
  if (failures.length) {
    console.error(`\nThe benchmark run failed:\n- ${failures.join("\n- ")}`);
    process.exitCode = 1;
  }
}

main().then(
  () => process.exit(),
  async (error) => {
    console.error(error instanceof Error ? error.message : error);
    await stopServer();
    process.exit(1);
  },
);
