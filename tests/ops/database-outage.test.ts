/** @jest-environment node */
import {
  createEvidence,
  signIn,
  sql,
  startApp,
  startCluster,
  STUDENT,
  studentPlacementId,
  waitFor,
  type App,
  type Cluster,
} from "./support";

// PostgreSQL stops and starts while requests flow (docs/operations.md#faults):
// pages answer a clear 503 "temporarily unavailable" with no stack trace, API
// calls a 503, readiness fails; afterwards the same process recovers, and
// every write that was acknowledged is in the database.

const PG_PORT = 3461;
const APP_PORT = 3421;
let cluster: Cluster;
let app: App;

beforeAll(async () => {
  cluster = startCluster(PG_PORT);
  await sql(cluster.url(), "CREATE DATABASE ops_outage");
  app = await startApp({
    port: APP_PORT,
    args: ["--demo"],
    env: { DATABASE_URL: cluster.url("ops_outage"), DATABASE_CONNECT_TIMEOUT_MS: "2000" },
  });
});

afterAll(async () => {
  await app?.stop();
  cluster?.destroy();
});

type Outcome = { phase: "before" | "outage" | "after"; status: number; body: string; id?: string };

it("answers 503 while the database is down, recovers without a restart, and loses no acknowledged write", async () => {
  const student = await signIn(app.baseUrl, STUDENT);
  const placementId = await studentPlacementId(student);
  let phase: Outcome["phase"] = "before";
  let running = true;
  const writes: Outcome[] = [];
  const pages: Outcome[] = [];
  let n = 0;

  const writer = (async () => {
    while (running) {
      const title = `outage write ${++n}`;
      const outcome = await createEvidence(student, placementId, title).then(
        async (response) => ({ phase, status: response.status, body: await response.text() }),
        (error) => ({ phase, status: 0, body: String(error) }),
      );
      writes.push({ ...outcome, id: outcome.status === 201 ? JSON.parse(outcome.body).id : undefined });
    }
  })();
  const reader = (async () => {
    while (running) {
      const response = await student.fetch("/", { headers: { Accept: "text/html" } });
      pages.push({ phase, status: response.status, body: await response.text() });
    }
  })();

  await waitFor(
    async () => writes.filter((write) => write.status === 201).length >= 3,
    30_000,
    "writes before the outage",
  );
  cluster.stop();
  phase = "outage";
  const outageStarted = Date.now();
  await waitFor(async () => pages.some((page) => page.phase === "outage" && page.status === 503), 20_000, "a 503 page");
  const ready = await fetch(`${app.baseUrl}/api/ready`);
  expect(ready.status).toBe(503);
  while (Date.now() - outageStarted < 4_000) await new Promise((resolve) => setTimeout(resolve, 200));
  cluster.start();
  phase = "after";
  await waitFor(
    async () => writes.filter((write) => write.phase === "after" && write.status === 201).length >= 3,
    30_000,
    "writes after the database is back",
  );
  await waitFor(async () => (await fetch(`${app.baseUrl}/api/ready`)).status === 200, 20_000, "ready again");
  running = false;
  await Promise.all([writer, reader]);

  // During the outage: only 503s (or an answer that finished just before), each plain and clear.
  const outagePages = pages.filter((page) => page.phase === "outage" && page.status !== 200);
  expect(outagePages.length).toBeGreaterThan(0);
  for (const page of outagePages) {
    expect(page.status).toBe(503);
    expect(page.body).toContain("Temporarily unavailable");
    expect(page.body).not.toMatch(/\n\s+at |Error:|node_modules/);
  }
  const outageWrites = writes.filter((write) => write.phase === "outage" && write.status !== 201);
  expect(outageWrites.length).toBeGreaterThan(0);
  for (const write of outageWrites) {
    expect(write.status).toBe(503);
    expect(write.body).not.toMatch(/\n\s+at |node_modules/);
  }
  // The same process throughout.
  expect(app.process.exitCode).toBeNull();

  const acknowledged = writes.filter((write) => write.id).map((write) => write.id!);
  const stored = await sql<{ id: string }>(
    cluster.url("ops_outage"),
    `SELECT id FROM "EvidenceItem" WHERE id = ANY($1)`,
    [acknowledged],
  );
  expect(stored.map((row) => row.id).sort()).toEqual([...acknowledged].sort());
});
