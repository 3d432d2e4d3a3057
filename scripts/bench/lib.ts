// The benchmark's pure parts: argument parsing, the size of the generated
// world, latency percentiles, page weight and the results table. Kept free of
// I/O (except reading the built chunks for page weight) so they can be tested.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

export const DEFAULT_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/placement_bench";

export type BenchArgs = {
  scale: number;
  databaseUrl: string;
  /** Seconds each route is driven for. */
  duration: number;
  /** Concurrent connections (simulated users). */
  connections: number;
  /** Use the database as it is: no regeneration. */
  reuse: boolean;
  /** Rebuild the app even when .next looks fresh. */
  build: boolean;
  /** Drop the database at the end (CI). */
  drop: boolean;
  /** Where latest.json and latest.md go. */
  out: string;
  /** Run the server under `node --cpu-prof` and report its top frames (cpu-profile.md beside latest.md). */
  profile: boolean;
  /** App instances on the one database; the connections are spread over them. */
  instances: number;
};

/** Parses `--scale 0.01 --duration=10 --reuse …`. Throws on anything it does not know, so a typo never runs the wrong benchmark. */
export function parseArgs(argv: string[], env: Record<string, string | undefined> = {}): BenchArgs {
  const args: BenchArgs = {
    scale: 1,
    databaseUrl: env.BENCH_DATABASE_URL || DEFAULT_DATABASE_URL,
    duration: 10,
    connections: 20,
    reuse: false,
    build: false,
    drop: false,
    out: "bench-results",
    profile: false,
    instances: 1,
  };
  const flags = new Set(["reuse", "build", "drop", "profile"]);
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i];
    if (!raw.startsWith("--")) throw new Error(`Unexpected argument "${raw}"`);
    const [name, split] = raw.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    let value = split;
    if (flags.has(name)) {
      if (value !== undefined) throw new Error(`--${name} takes no value`);
      (args as Record<string, unknown>)[name] = true;
      continue;
    }
    if (value === undefined) {
      value = argv[++i];
      if (value === undefined || value.startsWith("--")) throw new Error(`--${name} needs a value`);
    }
    switch (name) {
      case "scale":
        args.scale = positiveNumber(name, value);
        break;
      case "duration":
        args.duration = positiveNumber(name, value);
        break;
      case "connections":
        args.connections = positiveInteger(name, value);
        break;
      case "database-url":
        if (!/^postgres(ql)?:\/\//.test(value)) throw new Error("--database-url must be a postgresql:// URL");
        args.databaseUrl = value;
        break;
      case "out":
        args.out = value;
        break;
      case "instances":
        args.instances = positiveInteger(name, value);
        break;
      default:
        throw new Error(`Unknown option --${name}`);
    }
  }
  return args;
}

function positiveNumber(name: string, value: string): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) throw new Error(`--${name} must be a positive number, not "${value}"`);
  return number;
}

function positiveInteger(name: string, value: string): number {
  const number = positiveNumber(name, value);
  if (!Number.isInteger(number)) throw new Error(`--${name} must be a whole number, not "${value}"`);
  return number;
}

/** The database name in a postgresql:// URL, and the URL of the server's maintenance database. */
export function databaseOf(url: string): { name: string; adminUrl: string } {
  const parsed = new URL(url);
  const name = decodeURIComponent(parsed.pathname.replace(/^\//, ""));
  if (!/^[a-z_][a-z0-9_]*$/.test(name))
    throw new Error(`Use a plain lower-case database name for the benchmark, not "${name}"`);
  if (["postgres", "template0", "template1"].includes(name))
    throw new Error(`Refusing to fill the "${name}" database with benchmark data`);
  parsed.pathname = "/postgres";
  return { name, adminUrl: parsed.toString() };
}

/** How many of each thing the generator makes. Scale 1 is about two years of England's social work placements. */
export type WorldSize = {
  councils: number;
  universities: number;
  placements: number;
  students: number;
  practiceEducators: number;
  onsiteSupervisorsPerCouncil: number;
  tutorsPerUniversity: number;
  children: number;
  sessionsPerProgramme: number;
  schoolsPerCouncil: number;
  /** Targets the per-placement densities aim at (the generator prints what it made). */
  supervisionRecords: number;
  evidenceItems: number;
};

export function worldSize(scale: number): WorldSize {
  const n = (full: number) => Math.max(1, Math.round(full * scale));
  const placements = n(12_000);
  return {
    councils: n(150),
    universities: n(80),
    placements,
    // Two in three students have one placement in the window, one in three both (first and final).
    students: Math.max(1, Math.ceil((placements * 2) / 3)),
    practiceEducators: n(3_000),
    onsiteSupervisorsPerCouncil: 5,
    tutorsPerUniversity: 3,
    children: n(100_000),
    sessionsPerProgramme: 6,
    schoolsPerCouncil: 2,
    supervisionRecords: n(240_000),
    evidenceItems: n(400_000),
  };
}

/** The p-th percentile (0–100) by the nearest-rank method; NaN for no samples. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  if (p <= 0) return sorted[0];
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, rank) - 1];
}

export type LatencySummary = { count: number; p50: number; p95: number; p99: number; max: number; mean: number };

export function summariseLatencies(samples: readonly number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (value: number) => Math.round(value * 10) / 10;
  const mean = sorted.length ? sorted.reduce((sum, value) => sum + value, 0) / sorted.length : Number.NaN;
  return {
    count: sorted.length,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted.at(-1) ?? Number.NaN),
    mean: round(mean),
  };
}

/**
 * The JavaScript a page loads at first: its `<script src>` and `<link rel="preload" as="script">` under /_next/static, each once.
 * `nomodule` scripts (Next's polyfills for browsers without ES modules) are left out: every browser
 * that runs the app's modules skips them, and Next's own "First Load JS" figure leaves them out too.
 */
export function scriptChunksOf(html: string): string[] {
  const found = new Set<string>();
  const tags = html.match(/<(script|link)\b[^>]*>/gi) ?? [];
  for (const tag of tags) {
    const isScript = /^<script/i.test(tag);
    if (!isScript && !(/\brel=["']?(preload|modulepreload)["']?/i.test(tag) && /\bas=["']?script["']?/i.test(tag)))
      continue;
    if (isScript && /\bnomodule\b/i.test(tag)) continue;
    const url = tag.match(/\b(?:src|href)=["']([^"']+)["']/i)?.[1];
    if (!url) continue;
    const pathname = url.replace(/^https?:\/\/[^/]+/, "").split(/[?#]/)[0];
    if (pathname.startsWith("/_next/static/") && pathname.endsWith(".js")) found.add(decodeURIComponent(pathname));
  }
  return [...found].sort();
}

export type PageWeight = { chunks: number; rawBytes: number; gzipBytes: number; missing: string[] };

/** Sums the gzip-compressed size of each chunk, read from the build's .next/static. */
export function pageWeight(chunks: readonly string[], nextDir = ".next"): PageWeight {
  const weight: PageWeight = { chunks: 0, rawBytes: 0, gzipBytes: 0, missing: [] };
  for (const chunk of chunks) {
    const file = path.join(nextDir, "static", chunk.replace(/^\/_next\/static\//, ""));
    if (!existsSync(file)) {
      weight.missing.push(chunk);
      continue;
    }
    const bytes = readFileSync(file);
    weight.chunks += 1;
    weight.rawBytes += bytes.length;
    weight.gzipBytes += gzipSync(bytes, { level: 9 }).length;
  }
  return weight;
}

export const TARGETS = { p95Ms: 150, throughputRatio: 0.4, firstLoadJsKb: 150 } as const;

export type RouteResult = {
  name: string;
  path: string;
  as: string;
  kind: "page" | "api" | "baseline";
  latency: LatencySummary;
  requestsPerSecond: number;
  requests: number;
  non2xx: number;
  errors: number;
  /** Requests per second as a share of the trivial route's. */
  throughputRatio: number | null;
  firstLoadJsKb: number | null;
  /** Database transactions per request (each Prisma query outside a transaction is one). */
  queriesPerRequest: number | null;
  /** CPU milliseconds the app server spent per request (sequential requests; the database's own CPU not included). */
  serverCpuMsPerRequest?: number | null;
};

export type TargetCheck = { p95: boolean; throughput: boolean; firstLoadJs: boolean | null; met: boolean };

export function checkTargets(route: RouteResult): TargetCheck | null {
  if (route.kind === "baseline") return null;
  const p95 = route.latency.p95 < TARGETS.p95Ms;
  const throughput = route.throughputRatio !== null && route.throughputRatio >= TARGETS.throughputRatio;
  const firstLoadJs = route.firstLoadJsKb === null ? null : route.firstLoadJsKb < TARGETS.firstLoadJsKb;
  return { p95, throughput, firstLoadJs, met: p95 && throughput && firstLoadJs !== false };
}

function fixed(value: number | null, digits: number): string {
  return value === null || Number.isNaN(value) ? "–" : value.toFixed(digits);
}

/** The short Markdown table for the README. */
export function markdownTable(
  routes: readonly RouteResult[],
  context: {
    scale: number;
    connections: number;
    duration: number;
    machine: string;
    date: string;
    loadAverage?: number;
    instances?: number;
  },
): string {
  const load = context.loadAverage === undefined ? "" : ` (load average ${context.loadAverage} when it started)`;
  const instances = (context.instances ?? 1) > 1 ? `${context.instances} app instances on one database, ` : "";
  const lines = [
    `Scale ${context.scale}, ${instances}${context.connections} concurrent connections, ${context.duration} s per route, ${context.machine}, ${context.date}${load}.`,
    "",
    "| Route | As | p50 ms | p95 ms | p99 ms | req/s | vs trivial | queries/req | server CPU ms/req | first-load JS kB (gzip) | Targets met? |",
    "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|---|",
  ];
  for (const route of routes) {
    const check = checkTargets(route);
    const verdict = !check
      ? "baseline"
      : check.met
        ? "yes"
        : `no (${[!check.p95 && "p95", !check.throughput && "throughput", check.firstLoadJs === false && "JS"].filter(Boolean).join(", ")})`;
    lines.push(
      `| ${route.name} \`${route.path}\` | ${route.as} | ${fixed(route.latency.p50, 1)} | ${fixed(route.latency.p95, 1)} | ${fixed(route.latency.p99, 1)} | ${fixed(route.requestsPerSecond, 0)} | ${route.throughputRatio === null ? "–" : `${Math.round(route.throughputRatio * 100)}%`} | ${fixed(route.queriesPerRequest, 1)} | ${fixed(route.serverCpuMsPerRequest ?? null, 0)} | ${fixed(route.firstLoadJsKb, 1)} | ${verdict} |`,
    );
  }
  lines.push(
    "",
    `Targets: p95 under ${TARGETS.p95Ms} ms, throughput at least ${TARGETS.throughputRatio * 100}% of the trivial route's, first-load JS under ${TARGETS.firstLoadJsKb} kB compressed.`,
  );
  return lines.join("\n") + "\n";
}

/** A V8 CPU profile (.cpuprofile), as `node --cpu-prof` writes it: only the fields read here. */
export type CpuProfile = {
  nodes: Array<{
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
  }>;
  samples: number[];
  timeDeltas: number[];
};

export type ProfileFrame = { frame: string; selfMs: number; selfShare: number };

/**
 * The frames that used the most CPU themselves (self time), summed over every
 * node with the same function and file, busiest first. Idle and garbage
 * collection are reported as such; "(program)" is V8's own work outside JavaScript.
 */
export function topFrames(
  profile: CpuProfile,
  limit = 25,
  root = "",
): { totalMs: number; frames: ProfileFrame[]; packages: ProfileFrame[] } {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  const byPackage = new Map<string, number>();
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const node = byId.get(profile.samples[i]);
    if (!node) continue;
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === "(idle)") continue;
    total += ms;
    const file = url
      .replace(/^file:\/\//, "")
      .replace(root, "")
      .replace(/^\/+/, "");
    const key = file ? `${functionName || "(anonymous)"} ${file}:${lineNumber + 1}` : functionName || "(anonymous)";
    self.set(key, (self.get(key) ?? 0) + ms);
    const pkg = packageOf(file) ?? functionName;
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + ms);
  }
  const ranked = (entries: Map<string, number>) =>
    [...entries]
      .map(([frame, ms]) => ({
        frame,
        selfMs: Math.round(ms),
        selfShare: total ? Math.round((ms / total) * 1000) / 1000 : 0,
      }))
      .sort((a, b) => b.selfMs - a.selfMs)
      .slice(0, limit);
  return { totalMs: Math.round(total), frames: ranked(self), packages: ranked(byPackage) };
}

/** Where a file's code comes from: an npm package, the app's server bundle, Node itself. */
function packageOf(file: string): string | null {
  if (!file) return null;
  const pkg = file.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (pkg) return pkg[1];
  if (file.startsWith("node:")) return "node internals";
  if (file.includes(".next/server/chunks")) return "app server chunks (.next/server)";
  if (file.includes(".next/")) return "app (.next)";
  if (file.startsWith("lib/generated")) return "prisma client (generated)";
  return file.split("/")[0];
}
