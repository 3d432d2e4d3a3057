import { expect, test } from "@playwright/test";
import { addDays, anonymousApi, apiAs, DEMO, placementIdOf, todayInUk, useSessionOf } from "./support";

// The reminders job route a scheduler calls (docs/api.md "Reminders job").
// The secret is the one playwright.config.ts gives the e2e server.
const SECRET = "e2e-reminder-job-secret-not-for-production";
const ROUTE = "/api/v1/jobs/reminders";

type Summary = {
  day: string;
  checked: number;
  due: number;
  notified: number;
  emailed: number;
  skippedAlreadySent: number;
  progressRecomputed: number;
  accountRowsRemoved: number;
};

test("the reminders job: refused without the secret; with it, runs once and sends nothing new the second time", async ({
  page,
  baseURL,
}) => {
  const anonymous = await anonymousApi(baseURL!);
  const notificationsBefore = await (await (await apiAs(baseURL!, DEMO.pe)).get("/api/v1/notifications")).json();

  for (const headers of [
    {} as Record<string, string>,
    { Authorization: "Bearer wrong-secret" },
    { Authorization: `Basic ${SECRET}` },
    { Authorization: `Bearer ${SECRET}x` },
  ]) {
    const refused = await anonymous.post(ROUTE, { headers });
    expect(refused.status()).toBe(401);
    expect((await refused.json()).error.message).toContain("REMINDER_JOB_SECRET");
  }
  expect((await anonymous.get(ROUTE, { headers: { Authorization: `Bearer ${SECRET}` } })).status()).toBe(405);
  // A signed-in user's session is not the secret.
  expect((await (await apiAs(baseURL!, DEMO.admin)).post(ROUTE)).status()).toBe(401);

  // Something certainly due: a draft supervision record of a session 8 days ago, which the PE has not signed.
  const admin = await apiAs(baseURL!, DEMO.admin);
  const pe = await apiAs(baseURL!, DEMO.pe);
  const placementId = await placementIdOf(admin, "Amira Hussain");
  const heldOn = addDays(todayInUk(), -8);
  const created = await pe.post(`/api/v1/placements/${placementId}/supervision`, {
    data: {
      heldOn,
      startTime: "10:00",
      durationMinutes: 30,
      type: "REVIEW_MEETING",
      attendedPracticeEducator: true,
      attendedOnsiteSupervisor: false,
      attendedStudent: true,
      otherAttendees: "",
      pcfDomains: [],
      actions: [],
    },
  });
  expect(created.status()).toBe(201);
  const recordId = (await created.json()).id as string;

  const first = await anonymous.post(ROUTE, { headers: { Authorization: `Bearer ${SECRET}` } });
  expect(first.status()).toBe(200);
  const summary: Summary = (await first.json()).summary;
  expect(summary).toEqual({
    day: todayInUk(),
    checked: expect.any(Number),
    due: expect.any(Number),
    notified: expect.any(Number),
    emailed: 0,
    skippedAlreadySent: expect.any(Number),
    progressRecomputed: expect.any(Number),
    accountRowsRemoved: expect.any(Number),
  });
  expect(summary.notified).toBeGreaterThanOrEqual(1);
  expect(summary.notified + summary.skippedAlreadySent).toBe(summary.due);

  const second = await anonymous.post(ROUTE, { headers: { Authorization: `Bearer ${SECRET}` } });
  expect(second.status()).toBe(200);
  const again: Summary = (await second.json()).summary;
  expect(again.notified).toBe(0);
  expect(again.skippedAlreadySent).toBe(again.due);
  expect(again.due).toBe(summary.due);

  // The PE sees the reminder in the app, linking to the record.
  const after = await (await pe.get("/api/v1/notifications")).json();
  const reminder = after.notifications.find((notification: { link: string | null }) =>
    notification.link?.startsWith(`/supervision/${recordId}`),
  );
  expect(reminder, "a reminder about the draft record").toBeTruthy();
  expect(reminder.title).toMatch(/^Supervision notes not signed: Amira Hussain, /);
  expect(after.unread).toBeGreaterThan(notificationsBefore.unread);

  await useSessionOf(page, baseURL!, DEMO.pe);
  await page.goto("/notifications");
  const link = page.getByRole("link", { name: reminder.title });
  await expect(link).toBeVisible();
  await page.screenshot({ path: "screenshots/reminders-notifications.png", fullPage: true });
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/supervision/${recordId}#sign$`));
});
