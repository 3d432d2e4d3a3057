/** @jest-environment node */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
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
import { integrityOfEmbedded, integrityOfPostgres, type Integrity } from "./integrity";

// The app is killed with SIGKILL in the middle of a burst of writes
// (docs/operations.md#faults). After a restart every write that was
// acknowledged is there, and none is half-written — on PostgreSQL and on the
// embedded database, whose data directory must open again.

const WRITERS = 6;

/** Writes evidence from several clients at once until killed; returns the ids acknowledged (201). */
async function burstThenKill(app: App, prefix: string): Promise<string[]> {
  const student = await signIn(app.baseUrl, STUDENT);
  const placementId = await studentPlacementId(student);
  const acknowledged: string[] = [];
  let n = 0;
  const writers = Array.from({ length: WRITERS }, async () => {
    for (;;) {
      const response = await createEvidence(student, placementId, `${prefix} ${++n}`).catch(() => null);
      if (!response) return; // the server is gone
      // The kill can land between the status line and the body: a write whose id never arrived was not acknowledged.
      const body = await (response.status === 201 ? response.json() : response.text()).catch(() => null);
      if (body === null) return;
      if (response.status === 201) acknowledged.push((body as { id: string }).id);
    }
  });
  await waitFor(async () => acknowledged.length >= 15, 60_000, "writes before the kill");
  app.process.kill("SIGKILL");
  await app.exited;
  await Promise.all(writers);
  return acknowledged;
}

function expectIntact(integrity: Integrity, acknowledged: string[]) {
  expect(integrity.items).toEqual(expect.arrayContaining(acknowledged));
  expect(integrity.itemsWithoutLink).toBe(0);
  expect(integrity.itemsWithoutAudit).toBe(0);
  expect(integrity.chainOk).toBe(true);
}

describe("on PostgreSQL", () => {
  let cluster: Cluster;
  const apps: App[] = [];
  beforeAll(async () => {
    cluster = startCluster(3462);
    await sql(cluster.url(), "CREATE DATABASE ops_kill");
  });
  afterAll(async () => {
    for (const app of apps) await app.stop("SIGKILL");
    cluster?.destroy();
  });

  it("keeps every acknowledged write, whole, after SIGKILL", async () => {
    const env = { DATABASE_URL: cluster.url("ops_kill") };
    const first = await startApp({ port: 3422, env, args: ["--demo"] });
    apps.push(first);
    const acknowledged = await burstThenKill(first, "killed on postgres");
    const second = await startApp({ port: 3422, env });
    apps.push(second);
    expect((await fetch(`${second.baseUrl}/api/ready`)).status).toBe(200);
    expectIntact(await integrityOfPostgres(cluster.url("ops_kill"), "killed on postgres"), acknowledged);
  });
});

describe("on the embedded database", () => {
  let dir: string;
  const apps: App[] = [];
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), "ops-kill-embedded-"));
  });
  afterAll(async () => {
    for (const app of apps) await app.stop("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  });

  it("keeps every acknowledged write, whole, and the data directory opens again after SIGKILL", async () => {
    const env = {
      DATABASE_URL: "",
      PGLITE_DIR: path.join(dir, "pglite"),
      ATTACHMENT_DIR: path.join(dir, "attachments"),
    };
    const first = await startApp({ port: 3423, env, args: ["--demo"] });
    apps.push(first);
    const acknowledged = await burstThenKill(first, "killed on pglite");
    // The lock file still names the dead process: the next start takes it over and opens the directory.
    const second = await startApp({ port: 3423, env });
    apps.push(second);
    expect((await fetch(`${second.baseUrl}/api/ready`)).status).toBe(200);
    expect(await second.stop("SIGTERM")).toBe(0);
    expectIntact(await integrityOfEmbedded(path.join(dir, "pglite"), "killed on pglite"), acknowledged);
  });
});
