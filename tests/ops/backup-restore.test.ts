/** @jest-environment node */
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { tableDigests } from "../../scripts/ops/compare-databases";
import { startEmbeddedDatabase } from "../../lib/db/embedded-database";
import {
  createEvidence,
  signIn,
  sql,
  startApp,
  startCluster,
  STUDENT,
  studentPlacementId,
  type App,
  type Cluster,
} from "./support";

// npm run backup and npm run restore, on the demo world with an attachment,
// taken while the app runs; the restore is compared with the source row for
// row, table by table (docs/operations.md#backup-and-restore).

let work: string;
beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), "ops-backup-"));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(script: string, args: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, ["--import", "tsx", script, ...args], {
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", NODE_ENV: "production", ...env },
    encoding: "utf8",
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout.trim(), stderr: result.stderr.trim() };
}

async function uploadPdf(app: App) {
  const student = await signIn(app.baseUrl, STUDENT);
  const placementId = await studentPlacementId(student);
  const evidence = (await (await createEvidence(student, placementId, "backed up")).json()) as { id: string };
  const body = new FormData();
  const pdf = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(300_000, 65), Buffer.from("\n%%EOF\n")]);
  body.append("file", new Blob([pdf]), "backed-up.pdf");
  const response = await student.fetch(`/api/v1/evidence/${evidence.id}/attachments`, { method: "POST", body });
  expect(response.status).toBe(201);
  return { evidenceId: evidence.id, sha256: createHash("sha256").update(pdf).digest("hex") };
}

function summarise(label: string, digests: Record<string, { rows: number }>) {
  const rows = Object.values(digests).reduce((sum, table) => sum + table.rows, 0);
  process.stdout.write(`${label}: ${Object.keys(digests).length} tables, ${rows} rows, identical\n`);
}

describe("PostgreSQL", () => {
  let cluster: Cluster;
  let app: App | null = null;
  beforeAll(async () => {
    cluster = startCluster(3463);
    await sql(cluster.url(), "CREATE DATABASE ops_backup_source");
    await sql(cluster.url(), "CREATE DATABASE ops_backup_target");
  });
  afterAll(async () => {
    await app?.stop();
    cluster?.destroy();
  });

  it("backs up the demo world while the app runs and restores it identically, refusing a non-empty target", async () => {
    const source = cluster.url("ops_backup_source");
    const target = cluster.url("ops_backup_target");
    app = await startApp({ port: 3426, env: { DATABASE_URL: source }, args: ["--demo"] });
    const { sha256 } = await uploadPdf(app);

    const backup = run("scripts/backup.ts", ["--out", work], { DATABASE_URL: source });
    expect(backup.stderr).toBe("");
    expect(backup.status).toBe(0);
    const file = backup.stdout;
    expect(execFileSync("tar", ["-tf", file]).toString().split("\n").filter(Boolean).sort()).toEqual([
      "database.dump",
      "manifest.json",
    ]);
    await app.stop();
    app = null;

    const restored = run("scripts/restore.ts", [file], { DATABASE_URL: target });
    expect(restored.stderr).toBe("");
    expect(restored.status).toBe(0);
    const [before, after] = await Promise.all([tableDigests(source), tableDigests(target)]);
    expect(after).toEqual(before);
    expect(before.EvidenceAttachment.rows).toBeGreaterThan(0);
    expect(before.AttachmentChunk.rows).toBeGreaterThan(1);
    expect(before.AuditChainLink.rows).toBe(before.AuditLog.rows);
    summarise("PostgreSQL restore", after);

    // The restored app serves the file and its audit chain verifies.
    const verify = run("scripts/audit-verify.ts", [], { DATABASE_URL: target });
    expect(verify.status).toBe(0);
    const blobs = await sql<{ sha256: string }>(target, `SELECT sha256 FROM "AttachmentBlob"`);
    expect(blobs.map((blob) => blob.sha256)).toContain(sha256);

    // Not into a database that already holds data, unless told.
    const refused = run("scripts/restore.ts", [file], { DATABASE_URL: target });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/is not empty .*--force/);
    const forced = run("scripts/restore.ts", [file, "--force"], { DATABASE_URL: target });
    expect(forced.status).toBe(0);
    expect(await tableDigests(target)).toEqual(before);
  });
});

describe("the embedded database", () => {
  it("snapshots the running app, restores into a new directory identically, attachments included", async () => {
    const source = {
      PGLITE_DIR: path.join(work, "source", "pglite"),
      ATTACHMENT_DIR: path.join(work, "source", "files"),
    };
    const target = {
      PGLITE_DIR: path.join(work, "target", "pglite"),
      ATTACHMENT_DIR: path.join(work, "target", "files"),
    };
    const app = await startApp({ port: 3427, env: { DATABASE_URL: "", ...source }, args: ["--demo"] });
    try {
      await uploadPdf(app);
      const backup = run("scripts/backup.ts", ["--out", path.join(work, "embedded")], { ...source });
      expect(backup.stderr).toBe("");
      expect(backup.status).toBe(0);
      expect(execFileSync("tar", ["-tf", backup.stdout]).toString().split("\n").filter(Boolean).sort()).toEqual([
        "attachments.tar",
        "manifest.json",
        "pglite.tar.gz",
      ]);
      // Taken from the running app: it kept serving throughout.
      expect((await fetch(`${app.baseUrl}/api/ready`)).status).toBe(200);
      expect(await app.stop()).toBe(0);

      const restored = run("scripts/restore.ts", [backup.stdout], { ...target });
      expect(restored.stderr).toBe("");
      expect(restored.status).toBe(0);
      const refused = run("scripts/restore.ts", [backup.stdout], { ...target });
      expect(refused.status).toBe(1);
      expect(refused.stderr).toMatch(/not empty/);

      const digestsOf = async (dataDir: string) => {
        const db = await startEmbeddedDatabase({ dataDir });
        try {
          return await tableDigests(db.url);
        } finally {
          await db.stop();
        }
      };
      const before = await digestsOf(source.PGLITE_DIR);
      const after = await digestsOf(target.PGLITE_DIR);
      expect(after).toEqual(before);
      summarise("Embedded restore", after);
      const files = (dir: string) =>
        readdirSync(dir, { recursive: true, withFileTypes: true })
          .filter((entry) => entry.isFile())
          .map((entry) =>
            createHash("sha256")
              .update(readFileSync(path.join(entry.parentPath, entry.name)))
              .digest("hex"),
          )
          .sort();
      expect(files(target.ATTACHMENT_DIR)).toEqual(files(source.ATTACHMENT_DIR));
      expect(files(target.ATTACHMENT_DIR).length).toBeGreaterThan(0);
    } finally {
      await app.stop("SIGKILL");
    }
  });
});
