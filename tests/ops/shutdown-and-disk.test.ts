/** @jest-environment node */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { createEvidence, signIn, startApp, STUDENT, studentPlacementId, type App, type Session } from "./support";
import { integrityOfEmbedded } from "./integrity";

// On the embedded database (docs/operations.md#graceful-shutdown, #faults):
//  - SIGTERM stops accepting, lets an upload in flight finish, closes PGlite
//    cleanly and exits 0; what was acknowledged is there after a restart;
//  - a full disk for attachments is a clear 503, with no row and no file left behind.

let dir: string;
let app: App | null = null;
const env = () => ({
  DATABASE_URL: "",
  PGLITE_DIR: path.join(dir, "pglite"),
  ATTACHMENT_DIR: path.join(dir, "attachments"),
});

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "ops-shutdown-"));
});
afterAll(async () => {
  await app?.stop("SIGKILL");
  try {
    execFileSync("umount", [path.join(dir, "attachments")], { stdio: "ignore" });
  } catch {
    // not mounted
  }
  rmSync(dir, { recursive: true, force: true });
});

const pdf = (size: number) =>
  Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(size - 15, 32), Buffer.from("\n%%EOF\n")]);

/** A multipart upload whose body is sent in two halves, `pause` apart. */
function slowUpload(session: Session, baseUrl: string, evidenceId: string, file: Buffer, between: () => Promise<void>) {
  const boundary = "----opsboundary";
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="slow.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const body = Buffer.concat([head, file, tail]);
  const url = new URL(`/api/v1/evidence/${evidenceId}/attachments`, baseUrl);
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const request = http.request(url, {
      method: "POST",
      headers: {
        "Content-Type": `multipart/form-data; boundary=${boundary}`,
        "Content-Length": body.length,
        Cookie: session.cookie(),
        Origin: baseUrl,
      },
    });
    request.on("response", (response) => {
      let text = "";
      response.on("data", (chunk) => (text += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body: text }));
    });
    request.on("error", reject);
    request.write(body.subarray(0, body.length >> 1));
    void between().then(() => request.end(body.subarray(body.length >> 1)));
  });
}

it("finishes the upload in flight on SIGTERM, refuses new connections, closes the embedded database cleanly", async () => {
  app = await startApp({ port: 3424, env: env(), args: ["--demo"] });
  const student = await signIn(app.baseUrl, STUDENT);
  const placementId = await studentPlacementId(student);
  const evidence = (await (await createEvidence(student, placementId, "shutdown test")).json()) as { id: string };
  const running = app;
  let refusedWhileDraining = false;
  const upload = slowUpload(student, app.baseUrl, evidence.id, pdf(400_000), async () => {
    await new Promise((resolve) => setTimeout(resolve, 500));
    running.process.kill("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 500));
    refusedWhileDraining = await fetch(`${running.baseUrl}/api/health`).then(
      () => false,
      () => true,
    );
  });
  const answered = await upload;
  expect(answered.status).toBe(201);
  expect(refusedWhileDraining).toBe(true);
  const started = Date.now();
  expect(await app.exited).toBe(0);
  expect(Date.now() - started).toBeLessThan(15_000);
  expect(app.output.join("\n")).toContain('"msg":"stopped"');
  // No lock left behind, and the directory opens with everything acknowledged in it.
  expect(readdirSync(dir)).not.toContain("pglite.lock");
  const integrity = await integrityOfEmbedded(path.join(dir, "pglite"), "shutdown test");
  expect(integrity.items).toEqual([evidence.id]);
  expect(integrity.chainOk).toBe(true);
  app = null;
});

it("a full attachment disk: a clear 503, nothing stored, no row", async () => {
  // A 1 MB filesystem for the attachments (needs root, as CI has).
  mkdirSync(path.join(dir, "attachments"), { recursive: true });
  execFileSync("mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", path.join(dir, "attachments")]);
  app = await startApp({ port: 3424, env: env() });
  const student = await signIn(app.baseUrl, STUDENT);
  const placementId = await studentPlacementId(student);
  const evidence = (await (await createEvidence(student, placementId, "full disk test")).json()) as { id: string };

  const form = () => new FormData();
  const upload = (size: number) => {
    const body = form();
    body.append("file", new Blob([pdf(size)], { type: "application/pdf" }), "big.pdf");
    return student.fetch(`/api/v1/evidence/${evidence.id}/attachments`, { method: "POST", body });
  };
  expect((await upload(200_000)).status).toBe(201);
  const full = await upload(2_000_000);
  expect(full.status).toBe(503);
  const body = (await full.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe("unavailable");
  expect(body.error.message).toMatch(/storage is full/);
  // One file from the first upload, no partial file from the second.
  const files = readdirSync(path.join(dir, "attachments"), { recursive: true, withFileTypes: true }).filter((entry) =>
    entry.isFile(),
  );
  expect(files.map((file) => file.name).filter((name) => name.endsWith(".part"))).toEqual([]);
  expect(files.length).toBe(1);
  const listed = (await (await student.fetch(`/api/v1/evidence/${evidence.id}`)).json()) as {
    evidence?: { attachments?: unknown[] };
    attachments?: unknown[];
  };
  expect((listed.evidence?.attachments ?? listed.attachments ?? []).length).toBe(1);
});
