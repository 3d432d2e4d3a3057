import { createHash } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { Client } from "pg";
import { anonymousApi, apiAs, DEMO, signIn } from "../e2e/support";
import { TWO_INSTANCE_PORTS, twoInstancesDatabaseUrl } from "./launch";

// Two app instances, A and B, on one PostgreSQL (playwright.two-instances.config.ts),
// requests alternating between them (docs/operations.md#several-instances).

const [A, B] = TWO_INSTANCE_PORTS.map((port) => `http://localhost:${port}`);
const JOB_SECRET = "two-instances-reminder-secret-not-for-production";

/** The same signed-in client, pointed at the other instance: the cookie is all a session is. */
async function sameSessionOn(api: APIRequestContext, baseURL: string) {
  const other = await anonymousApi(baseURL);
  const { cookies } = await api.storageState();
  const cookie = cookies.map((entry) => `${entry.name}=${entry.value}`).join("; ");
  return { other, cookie };
}

test("a session from one instance is valid on the other, in the browser and over the API", async ({ page }) => {
  await signIn(page, DEMO.pe); // on A
  await page.goto(`${B}/`);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();

  const onA = await apiAs(A, DEMO.tutorSevernside);
  const { other, cookie } = await sameSessionOn(onA, B);
  const listed = await other.get("/api/v1/placements", { headers: { Cookie: cookie } });
  expect(listed.status()).toBe(200);
  expect((await listed.json()).placements.length).toBeGreaterThan(0);
});

test("an attachment uploaded through one instance downloads through the other, byte for byte", async () => {
  const studentOnA = await apiAs(A, DEMO.studentAmira);
  const [placement] = (await (await studentOnA.get("/api/v1/placements?status=ACTIVE")).json()).placements;
  const created = await studentOnA.post(`/api/v1/placements/${placement.id}/evidence`, {
    data: {
      title: "Uploaded through A",
      occurredOn: new Date().toISOString().slice(0, 10),
      type: "REFLECTIVE_LOG",
      body: "Two instances share the attachment store.",
      links: [{ frameworkItemId: "fi_pcf_2018_6", note: "Reflection." }],
    },
    headers: { Origin: A },
  });
  expect(created.status()).toBe(201);
  const evidenceId = (await created.json()).id;
  // Larger than one 256 KiB chunk of the PostgreSQL store.
  const pdf = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(600_000, 66), Buffer.from("\n%%EOF\n")]);
  const uploaded = await studentOnA.post(`/api/v1/evidence/${evidenceId}/attachments`, {
    multipart: { file: { name: "shared.pdf", mimeType: "application/pdf", buffer: pdf } },
    headers: { Origin: A },
  });
  expect(uploaded.status()).toBe(201);
  const { url, sha256 } = await uploaded.json();

  const { other, cookie } = await sameSessionOn(studentOnA, B);
  const downloaded = await other.get(url, { headers: { Cookie: cookie } });
  expect(downloaded.status()).toBe(200);
  const bytes = await downloaded.body();
  expect(bytes.length).toBe(pdf.length);
  expect(createHash("sha256").update(bytes).digest("hex")).toBe(sha256);
});

test("the reminders job run by both instances at once notifies each person once", async () => {
  const run = (baseURL: string) =>
    fetch(`${baseURL}/api/v1/jobs/reminders`, { method: "POST", headers: { Authorization: `Bearer ${JOB_SECRET}` } });
  const [onA, onB] = await Promise.all([run(A), run(B)]);
  expect(onA.status).toBe(200);
  expect(onB.status).toBe(200);
  const [a, b] = [(await onA.json()).summary, (await onB.json()).summary];

  const db = new Client({ connectionString: twoInstancesDatabaseUrl() });
  await db.connect();
  try {
    const { rows: sent } = await db.query<{ count: string }>(
      `SELECT count(*) FROM "ReminderSent" WHERE day = $1::date`,
      [a.day],
    );
    expect(Number(sent[0].count)).toBeGreaterThan(0);
    // Each reminder claimed by exactly one instance: together they notified what was due, once.
    expect(a.notified + b.notified).toBe(Number(sent[0].count));
    const { rows: duplicates } = await db.query(
      `SELECT "userId", title, link, count(*) FROM "Notification" WHERE kind = 'REMINDER' AND "createdAt" >= now() - interval '1 hour'
        GROUP BY "userId", title, body, link HAVING count(*) > 1`,
    );
    expect(duplicates).toEqual([]);
  } finally {
    await db.end();
  }
  // Again on either: nothing new.
  expect((await (await run(B)).json()).summary.notified).toBe(0);
});

test("signing out on one instance ends the browser's session on the other", async ({ page }) => {
  await signIn(page, DEMO.admin); // on A
  await page.goto(`${B}/`);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await page.goto(`${A}/`);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto(`${B}/`);
  await expect(page).toHaveURL(/\/sign-in/);
  expect((await page.request.get(`${B}/api/v1/placements`)).status()).toBe(401);
});
