/** @jest-environment node */
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import {
  checkTargets,
  databaseOf,
  DEFAULT_DATABASE_URL,
  markdownTable,
  pageWeight,
  parseArgs,
  percentile,
  scriptChunksOf,
  summariseLatencies,
  topFrames,
  worldSize,
  type RouteResult,
} from "@/scripts/bench/lib";

describe("benchmark arguments", () => {
  it("defaults to full scale, 20 connections, 10 s, the local placement_bench database", () => {
    expect(parseArgs([])).toEqual({
      scale: 1,
      databaseUrl: DEFAULT_DATABASE_URL,
      duration: 10,
      connections: 20,
      reuse: false,
      build: false,
      drop: false,
      out: "bench-results",
      profile: false,
      instances: 1,
    });
  });

  it("reads values given as `--name value` and `--name=value`, and flags", () => {
    const args = parseArgs([
      "--scale",
      "0.01",
      "--duration=3",
      "--connections",
      "5",
      "--reuse",
      "--database-url",
      "postgresql://u@h:5432/other_bench",
      "--out=/tmp/x",
      "--drop",
      "--profile",
      "--instances",
      "2",
    ]);
    expect(args).toEqual({
      scale: 0.01,
      duration: 3,
      connections: 5,
      reuse: true,
      build: false,
      drop: true,
      databaseUrl: "postgresql://u@h:5432/other_bench",
      out: "/tmp/x",
      profile: true,
      instances: 2,
    });
  });

  it("takes the database from BENCH_DATABASE_URL when no option names one", () => {
    expect(parseArgs([], { BENCH_DATABASE_URL: "postgresql://x@y/z_bench" }).databaseUrl).toBe(
      "postgresql://x@y/z_bench",
    );
  });

  it.each([
    [["--scale", "0"], /positive number/],
    [["--scale", "-1"], /positive number/],
    [["--scale", "lots"], /positive number/],
    [["--connections", "2.5"], /whole number/],
    [["--duration"], /needs a value/],
    [["--duration", "--reuse"], /needs a value/],
    [["--reuse=yes"], /takes no value/],
    [["--sacle", "1"], /Unknown option --sacle/],
    [["0.01"], /Unexpected argument/],
    [["--database-url", "mysql://x/y"], /postgresql:\/\//],
  ])("refuses %j", (argv, message) => {
    expect(() => parseArgs(argv as string[])).toThrow(message);
  });

  it("never fills a system database, and finds the maintenance database beside the benchmark one", () => {
    expect(databaseOf("postgresql://postgres@127.0.0.1:5432/placement_bench")).toEqual({
      name: "placement_bench",
      adminUrl: "postgresql://postgres@127.0.0.1:5432/postgres",
    });
    expect(() => databaseOf("postgresql://postgres@127.0.0.1:5432/postgres")).toThrow(/Refusing/);
    expect(() => databaseOf("postgresql://postgres@127.0.0.1:5432/template1")).toThrow(/Refusing/);
    expect(() => databaseOf("postgresql://postgres@127.0.0.1:5432/Bad-Name")).toThrow(/plain lower-case/);
  });
});

describe("world size", () => {
  it("is the issue's national scale at 1", () => {
    const size = worldSize(1);
    expect(size).toMatchObject({
      councils: 150,
      universities: 80,
      placements: 12_000,
      practiceEducators: 3_000,
      children: 100_000,
      supervisionRecords: 240_000,
      evidenceItems: 400_000,
    });
    expect(size.children * size.sessionsPerProgramme).toBe(600_000);
  });

  it("multiplies by the scale and keeps at least one of each structural thing", () => {
    expect(worldSize(0.01)).toMatchObject({
      councils: 2,
      universities: 1,
      placements: 120,
      practiceEducators: 30,
      children: 1_000,
    });
    const tiny = worldSize(0.0001);
    expect(tiny).toMatchObject({
      councils: 1,
      universities: 1,
      placements: 1,
      students: 1,
      practiceEducators: 1,
      children: 10,
    });
  });
});

describe("latency percentiles", () => {
  it("uses the nearest rank", () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 95)).toBe(95);
    expect(percentile(sorted, 99)).toBe(99);
    expect(percentile(sorted, 100)).toBe(100);
    expect(percentile(sorted, 0)).toBe(1);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
    expect(percentile([10, 20, 30, 40], 50)).toBe(20);
    expect(percentile([10, 20, 30, 40], 51)).toBe(30);
  });

  it("summarises unsorted samples without changing them", () => {
    const samples = [30, 10, 20, 1000, 15];
    const summary = summariseLatencies(samples);
    expect(summary).toEqual({ count: 5, p50: 20, p95: 1000, p99: 1000, max: 1000, mean: 215 });
    expect(samples).toEqual([30, 10, 20, 1000, 15]);
  });
});

describe("page weight", () => {
  const html = `<!DOCTYPE html><html><head>
    <link rel="stylesheet" href="/_next/static/chunks/app.css"/>
    <link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/webpack-abc.js"/>
    <script src="/_next/static/chunks/main-app.js" async=""></script>
    <script src="/_next/static/chunks/webpack-abc.js" async=""></script>
    <script src="https://cdn.example.org/other.js"></script>
    <script src="/_next/static/chunks/polyfills-42.js" noModule=""></script>
    <script>self.__next_f.push([1,"inline"])</script>
    <link rel="preload" href="/_next/static/media/font.woff2" as="font"/>
  </head></html>`;

  it("collects each first-load script under /_next/static once, scripts and script preloads only, not nomodule polyfills", () => {
    expect(scriptChunksOf(html)).toEqual(["/_next/static/chunks/main-app.js", "/_next/static/chunks/webpack-abc.js"]);
  });

  it("sums the gzip-compressed size of the chunks from the build, and names the missing ones", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "bench-weight-"));
    mkdirSync(path.join(dir, "static", "chunks"), { recursive: true });
    const a = Buffer.from("console.log('a');".repeat(200));
    const b = Buffer.from("export const b = [1,2,3];\n".repeat(50));
    writeFileSync(path.join(dir, "static", "chunks", "main-app.js"), a);
    writeFileSync(path.join(dir, "static", "chunks", "webpack-abc.js"), b);
    const weight = pageWeight([...scriptChunksOf(html), "/_next/static/chunks/gone.js"], dir);
    expect(weight.chunks).toBe(2);
    expect(weight.rawBytes).toBe(a.length + b.length);
    expect(weight.gzipBytes).toBe(gzipSync(a, { level: 9 }).length + gzipSync(b, { level: 9 }).length);
    expect(weight.gzipBytes).toBeLessThan(weight.rawBytes);
    expect(weight.missing).toEqual(["/_next/static/chunks/gone.js"]);
  });
});

describe("targets and the results table", () => {
  const route = (overrides: Partial<RouteResult>): RouteResult => ({
    name: "PE home",
    path: "/",
    as: "PE",
    kind: "page",
    latency: { count: 100, p50: 40, p95: 90, p99: 120, max: 130, mean: 45 },
    requestsPerSecond: 200,
    requests: 2000,
    non2xx: 0,
    errors: 0,
    throughputRatio: 0.5,
    firstLoadJsKb: 120,
    queriesPerRequest: 6,
    ...overrides,
  });

  it("meets the targets below 150 ms p95, at 40% of the trivial route, under 150 kB", () => {
    expect(checkTargets(route({}))).toEqual({ p95: true, throughput: true, firstLoadJs: true, met: true });
    expect(checkTargets(route({ latency: { count: 1, p50: 1, p95: 150, p99: 1, max: 1, mean: 1 } }))?.met).toBe(false);
    expect(checkTargets(route({ throughputRatio: 0.39 }))).toMatchObject({ throughput: false, met: false });
    expect(checkTargets(route({ firstLoadJsKb: 151 }))).toMatchObject({ firstLoadJs: false, met: false });
    expect(checkTargets(route({ kind: "api", firstLoadJsKb: null }))).toEqual({
      p95: true,
      throughput: true,
      firstLoadJs: null,
      met: true,
    });
    expect(checkTargets(route({ kind: "baseline" }))).toBeNull();
  });

  it("writes one row per route with the misses named", () => {
    const table = markdownTable(
      [
        route({
          kind: "baseline",
          name: "Trivial route",
          path: "/api/health",
          throughputRatio: null,
          firstLoadJsKb: null,
          queriesPerRequest: 0,
        }),
        route({
          throughputRatio: 0.25,
          serverCpuMsPerRequest: 35,
          latency: { count: 1, p50: 100, p95: 300, p99: 400, max: 500, mean: 120 },
        }),
      ],
      { scale: 1, connections: 20, duration: 10, machine: "2 × test CPU", date: "2026-11-23" },
    );
    expect(table).toContain("Scale 1, 20 concurrent connections, 10 s per route, 2 × test CPU, 2026-11-23.");
    expect(table).toContain(
      "| Trivial route `/api/health` | PE | 40.0 | 90.0 | 120.0 | 200 | – | 0.0 | – | – | baseline |",
    );
    expect(table).toContain(
      "| PE home `/` | PE | 100.0 | 300.0 | 400.0 | 200 | 25% | 6.0 | 35 | 120.0 | no (p95, throughput) |",
    );
  });
});

describe("CPU profile summary", () => {
  // Three frames: the root, a query compiler frame under it and a React frame; idle is left out.
  const profile = {
    nodes: [
      { id: 1, callFrame: { functionName: "(root)", url: "", lineNumber: -1 }, children: [2, 3, 4] },
      {
        id: 2,
        callFrame: {
          functionName: "compile",
          url: "file:///app/node_modules/@prisma/client/runtime/x.js",
          lineNumber: 9,
        },
      },
      {
        id: 3,
        callFrame: { functionName: "renderElement", url: "file:///app/node_modules/next/dist/react.js", lineNumber: 0 },
      },
      { id: 4, callFrame: { functionName: "(idle)", url: "", lineNumber: -1 } },
    ],
    samples: [2, 2, 3, 4, 2],
    timeDeltas: [1000, 1000, 2000, 50_000, 1000],
  };

  it("ranks frames and packages by self time, leaving idle out", () => {
    const summary = topFrames(profile, 10, "/app");
    expect(summary.totalMs).toBe(5);
    expect(summary.frames).toEqual([
      { frame: "compile node_modules/@prisma/client/runtime/x.js:10", selfMs: 3, selfShare: 0.6 },
      { frame: "renderElement node_modules/next/dist/react.js:1", selfMs: 2, selfShare: 0.4 },
    ]);
    expect(summary.packages.map((entry) => entry.frame)).toEqual(["@prisma/client", "next"]);
  });

  it("keeps only the busiest frames", () => {
    expect(topFrames(profile, 1, "/app").frames).toHaveLength(1);
  });
});
