// The soak: mixed reads and writes at moderate load for a long time, watching
// memory, errors and latency over time (a benchmark, not a CI test):
//
//   npm run soak                                  10 minutes, 6 concurrent users
//   npm run soak -- --minutes 2 --users 4
//
// Starts the built app on a fresh database (SOAK_DATABASE_URL, default
// postgresql://postgres@127.0.0.1:5432/ops_soak, dropped and re-created) with
// the demo world; a practice educator, a tutor and a student then read pages
// and the API and the student writes evidence. Every minute it records the
// requests, errors, p50/p95 and the server's resident memory; the result goes
// to bench-results/soak.md. Memory is "flat" when the last third of the run
// averages within 15% of the second third (the first is warm-up).
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { parseArgs } from "node:util";
import { Client } from "pg";

const { values } = parseArgs({
  options: {
    minutes: { type: "string", default: "10" },
    users: { type: "string", default: "6" },
    port: { type: "string", default: "3440" },
  },
});
const minutes = Number(values.minutes);
const users = Number(values.users);
const port = Number(values.port);
const base = `http://localhost:${port}`;
const databaseUrl = process.env.SOAK_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/ops_soak";
const PASSWORD = "demo-password-2026";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function recreateDatabase() {
  const server = new URL(databaseUrl);
  const name = server.pathname.slice(1);
  server.pathname = "/postgres";
  const admin = new Client({ connectionString: server.toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
}

async function signIn(email: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(";");
      const at = pair.indexOf("=");
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
  };
  const cookie = () => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
  const response = await fetch(`${base}/api/auth/sign-in`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/json", Origin: base },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  keep(response);
  if (!jar.has("pt_session")) throw new Error(`Could not sign in as ${email} (HTTP ${response.status})`);
  return cookie();
}

function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8")
    .split("\n")
    .find((text) => text.startsWith("VmRSS:"));
  return Math.round(Number(line?.split(/\s+/)[1] ?? 0) / 1024);
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : 0;

type Minute = { minute: number; requests: number; errors: number; p50: number; p95: number; rssMb: number };

async function main() {
  await recreateDatabase();
  const server = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts", "--demo"], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      APP_URL: base,
      MFA_POLICY: "off",
      REMINDERS_AT: "off",
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    for (
      let waited = 0;
      !(await fetch(`${base}/api/ready`).then(
        (r) => r.ok,
        () => false,
      ));
      waited++
    ) {
      if (waited > 240) throw new Error("The app did not start");
      await sleep(500);
    }
    const pe = await signIn("priya.shah@pop.example.org");
    const tutor = await signIn("h.marsh@severnside.example.ac.uk");
    const student = await signIn("amira.hussain@students.severnside.example.ac.uk");
    const placements = (await (await fetch(`${base}/api/v1/placements`, { headers: { Cookie: pe } })).json()) as {
      placements: Array<{ id: string }>;
    };
    const [own] = (
      (await (await fetch(`${base}/api/v1/placements?status=ACTIVE`, { headers: { Cookie: student } })).json()) as {
        placements: Array<{ id: string }>;
      }
    ).placements;
    const placementIds = placements.placements.map((placement) => placement.id);

    let n = 0;
    const actions: Array<() => Promise<Response>> = [
      () => fetch(`${base}/`, { headers: { Cookie: pe } }),
      () => fetch(`${base}/`, { headers: { Cookie: tutor } }),
      () => fetch(`${base}/placements/${placementIds[n % placementIds.length]}`, { headers: { Cookie: pe } }),
      () => fetch(`${base}/api/v1/placements`, { headers: { Cookie: tutor } }),
      () => fetch(`${base}/api/v1/notifications`, { headers: { Cookie: student } }),
      () =>
        fetch(`${base}/api/v1/placements/${own.id}/evidence`, {
          method: "POST",
          headers: { Cookie: student, "Content-Type": "application/json", Origin: base },
          body: JSON.stringify({
            title: `Soak reflection ${++n}`,
            occurredOn: new Date().toISOString().slice(0, 10),
            type: "REFLECTIVE_LOG",
            body: "Written by the soak benchmark.",
            links: [{ frameworkItemId: "fi_pcf_2018_6", note: "Reflection." }],
          }),
        }),
    ];

    const minutesSeen: Minute[] = [];
    let window: number[] = [];
    let errors = 0;
    const errorStatuses = new Map<number, number>();
    const stopAt = Date.now() + minutes * 60_000;
    const workers = Array.from({ length: users }, async (_, worker) => {
      let turn = worker;
      while (Date.now() < stopAt) {
        const started = performance.now();
        const response = await actions[turn++ % actions.length]().catch(() => null);
        if (response) await response.arrayBuffer();
        window.push(performance.now() - started);
        if (!response || response.status >= 400) {
          errors++;
          errorStatuses.set(response?.status ?? 0, (errorStatuses.get(response?.status ?? 0) ?? 0) + 1);
        }
        // Moderate load: a user pauses between clicks.
        await sleep(100);
      }
    });
    const sampler = (async () => {
      for (let minute = 1; minute <= minutes; minute++) {
        await sleep(Math.max(0, stopAt - (minutes - minute) * 60_000 - Date.now()));
        const sorted = window.sort((a, b) => a - b);
        minutesSeen.push({
          minute,
          requests: sorted.length,
          errors,
          p50: Math.round(percentile(sorted, 50)),
          p95: Math.round(percentile(sorted, 95)),
          rssMb: rssMb(server.pid!),
        });
        process.stdout.write(`${JSON.stringify(minutesSeen.at(-1))}\n`);
        window = [];
        errors = 0;
      }
    })();
    await Promise.all([...workers, sampler]);

    const third = Math.max(1, Math.floor(minutesSeen.length / 3));
    const average = (rows: Minute[], key: "rssMb" | "p95") =>
      rows.reduce((sum, row) => sum + row[key], 0) / rows.length;
    const middle = minutesSeen.slice(third, 2 * third);
    const last = minutesSeen.slice(-third);
    const memoryGrowth = average(last, "rssMb") / average(middle.length ? middle : last, "rssMb") - 1;
    const p95Change = average(last, "p95") / average(middle.length ? middle : last, "p95") - 1;
    const totalErrors = minutesSeen.reduce((sum, row) => sum + row.errors, 0);
    const lines = [
      `Soak: ${minutes} minutes, ${users} concurrent users (100 ms think time), PostgreSQL, ${new Date().toISOString().slice(0, 10)}; load average at the end ${readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ")}.`,
      "",
      "| minute | requests | errors | p50 ms | p95 ms | server RSS MB |",
      "| -----: | -------: | -----: | -----: | -----: | ------------: |",
      ...minutesSeen.map(
        (row) => `| ${row.minute} | ${row.requests} | ${row.errors} | ${row.p50} | ${row.p95} | ${row.rssMb} |`,
      ),
      "",
      `Memory, last third against the middle third: ${(memoryGrowth * 100).toFixed(1)}% (${Math.abs(memoryGrowth) <= 0.15 ? "flat" : "NOT flat"}). p95: ${(p95Change * 100).toFixed(1)}%. Errors: ${totalErrors}${totalErrors ? ` (${[...errorStatuses].map(([status, count]) => `${count}× ${status}`).join(", ")})` : ""}.`,
    ];
    mkdirSync("bench-results", { recursive: true });
    writeFileSync("bench-results/soak.md", `${lines.join("\n")}\n`);
    console.log(lines.join("\n"));
    if (totalErrors > 0) process.exitCode = 1;
  } finally {
    server.kill("SIGTERM");
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
