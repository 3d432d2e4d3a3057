/** @jest-environment node */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { MANAGER, signIn, startApp, STUDENT, studentPlacementId, createEvidence, waitFor, type App } from "./support";

// What the production server writes and exposes (docs/operations.md#logs, #metrics):
// one JSON line per request with its id, route, status, duration and user id,
// and nothing a person wrote or a secret; /metrics in Prometheus format behind a token.

const CHILD = { firstName: "Zebediah", lastName: "Quillfeather" };
const WRONG_PASSWORD = "Hunter2-not-the-password";
const FREE_TEXT = "Private reflection about xyzzy-plover";
const FAKE_TOKEN = "pt_notarealtoken0123456789abcdefghij";
const METRICS_TOKEN = "ops-metrics-token-for-tests";
const JOB_SECRET = "ops-reminder-job-secret-for-tests";

let dir: string;
let app: App;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "ops-logs-"));
  app = await startApp({
    port: 3425,
    args: ["--demo"],
    env: {
      DATABASE_URL: "",
      PGLITE_DIR: path.join(dir, "pglite"),
      ATTACHMENT_DIR: path.join(dir, "attachments"),
      METRICS_TOKEN,
      REMINDER_JOB_SECRET: JOB_SECRET,
    },
  });
});
afterAll(async () => {
  await app?.stop();
  rmSync(dir, { recursive: true, force: true });
});

type Line = Record<string, unknown>;
const jsonLines = () => app.output.filter((line) => line.startsWith("{")).map((line) => JSON.parse(line) as Line);

it("logs one redacted JSON line per request, with the id it returned", async () => {
  const manager = await signIn(app.baseUrl, MANAGER);
  const created = await manager.fetch("/api/v1/children", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ ...CHILD, dateOfBirth: "2015-03-01" }),
  });
  expect(created.status).toBe(201);
  const requestId = created.headers.get("x-request-id");
  expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
  await manager.fetch(`/api/v1/children?q=${CHILD.lastName}`);
  await manager.fetch(`/search?q=${encodeURIComponent(`${CHILD.firstName} ${CHILD.lastName}`)}`);
  // A client's own id is kept when it is well-formed.
  const traced = await fetch(`${app.baseUrl}/api/health`, { headers: { "X-Request-Id": "lb-trace-00000001" } });
  expect(traced.headers.get("x-request-id")).toBe("lb-trace-00000001");
  await signIn(app.baseUrl, MANAGER, WRONG_PASSWORD).catch(() => null);
  await fetch(`${app.baseUrl}/api/v1/placements`, { headers: { Authorization: `Bearer ${FAKE_TOKEN}` } });
  const student = await signIn(app.baseUrl, STUDENT);
  const placementId = await studentPlacementId(student);
  const evidence = await student.fetch(`/api/v1/placements/${placementId}/evidence`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      title: FREE_TEXT,
      occurredOn: new Date().toISOString().slice(0, 10),
      type: "REFLECTIVE_LOG",
      body: FREE_TEXT,
      links: [{ frameworkItemId: "no-such-item", note: FREE_TEXT }],
    }),
  });
  expect(evidence.status).toBeGreaterThanOrEqual(400);
  expect((await createEvidence(student, placementId, "logged")).status).toBe(201);

  const line = await waitFor(
    async () => jsonLines().find((entry) => entry.requestId === requestId && entry.msg === "request"),
    5_000,
    "the request's log line",
  );
  expect(line).toMatchObject({ method: "POST", route: "/api/v1/children", status: 201 });
  expect(typeof line.durationMs).toBe("number");
  expect(line.userId).toMatch(/^c[a-z0-9]{20,}$/);
  expect(jsonLines().some((entry) => entry.requestId === "lb-trace-00000001")).toBe(true);
  await waitFor(
    async () => jsonLines().some((entry) => entry.route === "/api/v1/placements/[id]/evidence" && entry.status === 201),
    5_000,
    "the evidence request's line",
  );

  // Every line on stdout is JSON in production, and none carries what people wrote or a secret.
  // (The demo's sign-ins, printed before the server starts, are for a person to read.)
  const served = app.output.slice(app.output.findIndex((text) => text.includes('"msg":"listening"')));
  for (const line of served.filter((text) => text.trim())) expect(() => JSON.parse(line)).not.toThrow();
  const everything = served.join("\n");
  const cookieValue = manager.cookie().split("session-token=")[1]?.split(";")[0] ?? "missing";
  for (const secret of [
    CHILD.firstName,
    CHILD.lastName,
    WRONG_PASSWORD,
    "demo-password-2026",
    FAKE_TOKEN,
    FREE_TEXT,
    "xyzzy",
    cookieValue.slice(0, 24),
  ])
    expect(everything).not.toContain(secret);
});

it("serves Prometheus metrics behind a bearer token", async () => {
  expect((await fetch(`${app.baseUrl}/metrics`)).status).toBe(401);
  expect((await fetch(`${app.baseUrl}/metrics`, { headers: { Authorization: "Bearer wrong" } })).status).toBe(401);
  const job = await fetch(`${app.baseUrl}/api/v1/jobs/reminders`, {
    method: "POST",
    headers: { Authorization: `Bearer ${JOB_SECRET}` },
  });
  expect(job.status).toBe(200);
  const response = await fetch(`${app.baseUrl}/metrics`, { headers: { Authorization: `Bearer ${METRICS_TOKEN}` } });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toContain("text/plain");
  const text = await response.text();
  expect(text).toMatch(
    /http_request_duration_seconds_count\{route="\/api\/v1\/children",method="POST",status="201"\} 1/,
  );
  expect(text).toMatch(/sign_in_failures_total [1-9]/);
  expect(text).toMatch(/reminders_job_runs_total\{outcome="ok"\} 1/);
  expect(text).toMatch(/db_pool_connections\{state="max"\} 1/);
  // Record ids never become labels.
  expect(text).not.toMatch(/route="\/placements\/c[a-z0-9]{20,}/);
});
