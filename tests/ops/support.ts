import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Client } from "pg";

// Helpers for the operational tests (tests/ops): a throwaway PostgreSQL
// cluster that a test may stop and start (never the shared server on 5432),
// the real app started as `npm start` does, and a small signed-in HTTP client.
// Every wait is bounded.

export const DEMO_PASSWORD = "demo-password-2026";
export const STUDENT = "amira.hussain@students.severnside.example.ac.uk";
export const MANAGER = "manager@pop.example.org";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `probe` returns a truthy value, at most `timeoutMs`. */
export async function waitFor<T>(probe: () => Promise<T>, timeoutMs: number, what: string): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value) return value as NonNullable<T>;
    } catch (error) {
      last = error;
    }
    await sleep(200);
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ""}`);
}

function postgresBin(name: string): string {
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  for (const version of versions) {
    const candidate = path.join(root, version, "bin", name);
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`PostgreSQL's ${name} is not installed (apt-get install postgresql)`);
}

export type Cluster = { url: (database?: string) => string; stop(): void; start(): void; destroy(): void };

/** A PostgreSQL cluster of its own on `port`, owned by the postgres user, fsync off (tests only). */
export function startCluster(port: number): Cluster {
  const dir = mkdtempSync(path.join(tmpdir(), "ops-pg-"));
  const uid = Number(execFileSync("id", ["-u", "postgres"]).toString());
  const gid = Number(execFileSync("id", ["-g", "postgres"]).toString());
  chownSync(dir, uid, gid);
  const asPostgres = (bin: string, args: string[]) =>
    execFileSync("runuser", ["-u", "postgres", "--", postgresBin(bin), ...args], { stdio: "pipe", timeout: 60_000 });
  asPostgres("initdb", ["-D", path.join(dir, "data"), "--no-sync", "--auth=trust", "-U", "postgres"]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60`;
  const start = () =>
    asPostgres("pg_ctl", [
      "-D",
      path.join(dir, "data"),
      "-w",
      "-t",
      "30",
      "-l",
      path.join(dir, "log"),
      "start",
      "-o",
      options,
    ]);
  const stop = () => asPostgres("pg_ctl", ["-D", path.join(dir, "data"), "-w", "-t", "30", "stop", "-m", "fast"]);
  start();
  return {
    url: (database = "postgres") => `postgresql://postgres@127.0.0.1:${port}/${database}`,
    start,
    stop,
    destroy: () => {
      try {
        stop();
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function sql<T extends object = Record<string, unknown>>(
  url: string,
  text: string,
  values: unknown[] = [],
) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

export type App = {
  baseUrl: string;
  process: ChildProcess;
  /** Every line the app wrote to stdout and stderr. */
  output: string[];
  exited: Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
};

/**
 * Starts the app as `npm start` does (scripts/start.ts) but as node itself, so
 * the pid is the server's and a SIGKILL reaches it. Needs a built app (.next).
 */
export async function startApp(options: { port: number; env: Record<string, string>; args?: string[] }): Promise<App> {
  const baseUrl = `http://localhost:${options.port}`;
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts", ...(options.args ?? [])], {
    cwd: process.cwd(),
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "/tmp",
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(options.port),
      APP_URL: baseUrl,
      MFA_POLICY: "off",
      REMINDERS_AT: "off",
      LOG_FORMAT: "json",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  for (const stream of [child.stdout!, child.stderr!]) {
    let pending = "";
    stream.on("data", (data: Buffer) => {
      pending += data.toString();
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      output.push(...lines);
    });
  }
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const app: App = {
    baseUrl,
    process: child,
    output,
    exited,
    async stop(signal = "SIGTERM") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`The app exited with ${child.exitCode}:\n${output.slice(-20).join("\n")}`);
    if (
      await fetch(`${baseUrl}/api/health`).then(
        (response) => response.ok,
        () => false,
      )
    )
      break;
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`The app on ${baseUrl} did not start in 120 s:\n${output.slice(-20).join("\n")}`);
    }
    await sleep(200);
  }
  return app;
}

/** A signed-in HTTP client: POST /api/auth/sign-in, then the session cookie on every request. */
export async function signIn(baseUrl: string, email: string, password = DEMO_PASSWORD) {
  const cookies = new Map<string, string>();
  const keep = (response: Response) => {
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(";");
      const at = pair.indexOf("=");
      cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
  };
  const cookieHeader = () => [...cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  const signInResponse = await fetch(`${baseUrl}/api/auth/sign-in`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/json", Origin: baseUrl },
    body: JSON.stringify({ email, password }),
  });
  keep(signInResponse);
  if (!cookies.has("pt_session")) throw new Error(`Sign-in as ${email} failed (${signInResponse.status})`);
  return {
    cookie: cookieHeader,
    /** A request to `target` (default: the same app) with this session. */
    fetch: (pathname: string, init: RequestInit = {}, target = baseUrl) =>
      fetch(`${target}${pathname}`, {
        ...init,
        redirect: "manual",
        headers: { Cookie: cookieHeader(), Origin: target, ...(init.headers as Record<string, string>) },
      }),
  };
}

export type Session = Awaited<ReturnType<typeof signIn>>;

/** The id of the demo student's active placement. */
export async function studentPlacementId(session: Session): Promise<string> {
  const response = await session.fetch("/api/v1/placements?status=ACTIVE");
  const body = (await response.json()) as { placements: Array<{ id: string }> };
  if (!body.placements?.[0]) throw new Error(`No active placement for the student (${response.status})`);
  return body.placements[0].id;
}

/** A new evidence item: a transaction of the item, its capability link and its audit entry. */
export function createEvidence(session: Session, placementId: string, title: string, target?: string) {
  return session.fetch(
    `/api/v1/placements/${placementId}/evidence`,
    {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        title,
        occurredOn: new Date().toISOString().slice(0, 10),
        type: "REFLECTIVE_LOG",
        body: "Written during an operations test.",
        links: [{ frameworkItemId: "fi_pcf_2018_6", note: "Reflection." }],
      }),
    },
    target,
  );
}
