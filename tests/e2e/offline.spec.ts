import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, expect, test, type APIRequestContext, type BrowserContext, type Page } from "@playwright/test";
import { DEMO, apiAs, signIn, todayInUk } from "./support";

// The offline app (issue 16, docs/decisions/0015-offline.md) in headless
// Chromium with the network switched off: work recorded offline survives a
// reload, is sent once when the connection returns, a conflicting edit opens the
// side-by-side view, and nothing of one person is left for the next.

const SCREENSHOTS = path.resolve(__dirname, "..", "..", "screenshots");
const PHONE = { width: 390, height: 844 };
/** Ella Thompson (PE Priya Shah) has a direct-work programme still open in the demo world; Amira's are all closed. */
const STUDENT = "ella.thompson@students.severnside.example.ac.uk";

test.use({ locale: "en-GB", timezoneId: "Europe/London", actionTimeout: 15_000 });
test.beforeAll(() => mkdirSync(SCREENSHOTS, { recursive: true }));

/** A phone-sized full-page screenshot (the header's menu folds away at this width). */
async function snap(page: Page, name: string, fullPage = false) {
  const size = page.viewportSize();
  await page.setViewportSize(PHONE);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur?.());
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage, animations: "disabled" });
  if (size) await page.setViewportSize(size);
}

/** Waits until the service worker controls the page and has the offline page in its cache. */
async function shellReady(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    for (let tries = 0; tries < 100; tries++) {
      if (await caches.match("/offline")) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error("the offline page was never cached");
  });
}

/** The names of this origin's IndexedDB databases. */
const databases = (page: Page) =>
  page.evaluate(async () => (await indexedDB.databases()).map((database) => database.name));

type Snapshot = {
  sessions: Array<{
    id: string;
    programmeId: string;
    childCode: string;
    number: number;
    plannedOn: string;
    values: { status: string; version: number };
  }>;
  placements: Array<{ id: string; studentName: string }>;
};

async function consentOffline(page: Page) {
  await page.goto("/offline");
  await page.getByRole("button", { name: "This is my device — keep my work here" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your work is now kept on this device." })).toBeVisible();
  await shellReady(page);
}

async function programmeSession(api: APIRequestContext, programmeId: string, sessionId: string) {
  const { programme } = await (await api.get(`/api/v1/programmes/${programmeId}`)).json();
  return programme.sessions.find((session: { id: string }) => session.id === sessionId);
}

test("work recorded offline is sent once when back online; a conflict is resolved field by field; nothing is left for the next person", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const stamp = Date.now().toString(36);
  const childsWords = `I like the drawing games (${stamp})`;
  const agenda = `Offline agenda ${stamp}`;

  const studentApi = await apiAs(baseURL!, STUDENT);
  const peApi = await apiAs(baseURL!, DEMO.pe);
  const studentSnapshot: Snapshot = await (await studentApi.get("/api/v1/offline/snapshot")).json();
  // A session whose date has come (a record needs it): a planned one if there is one, else one to correct.
  const due = studentSnapshot.sessions.filter((candidate) => candidate.plannedOn <= todayInUk());
  const session = due.find((candidate) => candidate.values.status === "PLANNED") ?? due[0];
  expect(session, "the demo world has a planned session that is due").toBeTruthy();
  const peSnapshot: Snapshot = await (await peApi.get("/api/v1/offline/snapshot")).json();
  const ellaPlacement = peSnapshot.placements.find((placement) => placement.studentName === "Ella Thompson");
  expect(ellaPlacement).toBeTruthy();
  // Children appear by code only on the device.
  expect(JSON.stringify(studentSnapshot)).not.toMatch(/"(firstName|lastName|name)"/);

  let student: BrowserContext | undefined;
  let pe: BrowserContext | undefined;
  try {
    student = await browser.newContext();
    pe = await browser.newContext();
    const page = await student.newPage();
    const pePage = await pe.newPage();

    await test.step("both say 'This is my device' while online", async () => {
      await signIn(page, STUDENT);
      await consentOffline(page);
      await signIn(pePage, DEMO.pe);
      await consentOffline(pePage);
    });

    await test.step("offline, the student records the session with the child's words", async () => {
      await student!.setOffline(true);
      await page.getByRole("button", { name: `Record session ${session!.number} with ${session!.childCode}` }).click();
      await page.getByLabel("Attended").check();
      await page.getByLabel("Date the session was held").fill(session!.plannedOn);
      await page.getByLabel("The child's words").fill(childsWords);
      await page.getByRole("button", { name: "Save on this device" }).click();
      await expect(page.getByText("Saved on this device — will send when you are back online.").first()).toBeVisible();
      await expect(page.getByTestId("offline-waiting")).toContainText("1 item waiting to send");
    });

    await test.step("offline, the PE writes a supervision draft", async () => {
      await pe!.setOffline(true);
      await pePage.getByRole("button", { name: "Write a supervision draft for Ella Thompson" }).click();
      await pePage.getByLabel("Start time").fill("10:30");
      await pePage.getByLabel("Agenda").fill(agenda);
      await pePage.getByRole("button", { name: "Save on this device" }).click();
      await expect(pePage.getByTestId("offline-waiting")).toContainText("1 item waiting to send");
    });

    await test.step("reloaded offline, the pages open from the device with the work still waiting", async () => {
      await page.reload();
      await expect(page.getByRole("heading", { name: "Work offline", level: 1 })).toBeVisible();
      await expect(page.getByTestId("offline-waiting")).toContainText("1 item waiting to send");
      await expect(page.getByTestId("outbox-item")).toContainText(
        `Session ${session!.number} with ${session!.childCode}`,
      );
      await snap(page, "offline-banner-390");
      // Any other page opens the offline page too.
      await pePage.goto("/placements");
      await expect(pePage.getByRole("heading", { name: "Work offline", level: 1 })).toBeVisible();
      await expect(pePage.getByTestId("offline-waiting")).toContainText("1 item waiting to send");
      await snap(pePage, "offline-waiting-count-390");
    });

    await test.step("back online, each change reaches the server exactly once", async () => {
      await student!.setOffline(false);
      await pe!.setOffline(false);
      await expect(page.getByTestId("offline-waiting")).toHaveCount(0, { timeout: 20_000 });
      await expect(pePage.getByTestId("offline-waiting")).toHaveCount(0, { timeout: 20_000 });
      const saved = await programmeSession(studentApi, session!.programmeId, session!.id);
      expect(saved).toMatchObject({ status: "ATTENDED", childsWords, version: session!.values.version + 1 });
      const log = await (await peApi.get(`/api/v1/placements/${ellaPlacement!.id}/supervision`)).json();
      expect(log.records.filter((record: { agenda: string }) => record.agenda === agenda)).toHaveLength(1);
    });

    await test.step("an edit made online meanwhile opens the conflict view; the student chooses field by field", async () => {
      await page.goto("/offline");
      await shellReady(page);
      await student!.setOffline(true);
      await page.getByRole("button", { name: `Record session ${session!.number} with ${session!.childCode}` }).click();
      await page.getByLabel("The child's words").fill(`${childsWords} — and football`);
      await page.getByRole("button", { name: "Save on this device" }).click();
      await expect(page.getByTestId("offline-waiting")).toContainText("1 item waiting to send");

      // Meanwhile the PE corrects what was done, online.
      const current = await programmeSession(peApi, session!.programmeId, session!.id);
      const corrected = await peApi.patch(`/api/v1/programme-sessions/${session!.id}`, {
        data: {
          status: current.status,
          heldOn: current.heldOn,
          cancelledBy: current.cancelledBy,
          whatWasDone: "Drawing, then a walk round the field",
          childsWords: current.childsWords,
          childsWordsShareable: current.childsWordsShareable,
          studentReflection: current.studentReflection,
          childRating: current.childRating,
          version: current.version,
        },
      });
      expect(corrected.status()).toBe(200);

      await student!.setOffline(false);
      await expect(page.getByTestId("outbox-item")).toContainText("Changed by someone else meanwhile", {
        timeout: 20_000,
      });
      await page.getByRole("button", { name: "Compare and choose" }).click();
      await expect(page.getByRole("heading", { name: "Someone else changed this record" })).toBeVisible();
      const fields = page.getByTestId("conflict-field");
      await expect(fields).toHaveCount(2);
      await snap(page, "offline-conflict-390", true);
      await fields.filter({ hasText: "What was done" }).getByLabel("Keep the current version").check();
      await fields.filter({ hasText: "The child's words" }).getByLabel("Keep your version").check();
      await page.getByRole("button", { name: "Send my choices" }).click();
      await expect(page.getByTestId("offline-waiting")).toHaveCount(0, { timeout: 20_000 });
      const merged = await programmeSession(studentApi, session!.programmeId, session!.id);
      expect(merged).toMatchObject({
        whatWasDone: "Drawing, then a walk round the field",
        childsWords: `${childsWords} — and football`,
      });
    });

    await test.step("another person signing in on the same browser sees nothing of the first", async () => {
      expect(await databases(page)).toContain("placement-tracker-offline");
      // Ella's session ends without signing out; Priya signs in on the same browser.
      await student!.clearCookies();
      await signIn(page, DEMO.pe);
      await page.goto("/offline");
      await expect(page.getByRole("heading", { name: "Keep your work on this device?" })).toBeVisible();
      await expect(page.getByText(session!.childCode)).toHaveCount(0);
    });

    await test.step("signing out wipes what the device kept", async () => {
      await page.getByRole("button", { name: "This is my device — keep my work here" }).click();
      await expect(page.getByRole("heading", { name: "Supervision" })).toBeVisible();
      await page.getByRole("button", { name: "Sign out" }).click();
      await expect(page).toHaveURL(/\/sign-in$/);
      expect(await databases(page)).not.toContain("placement-tracker-offline");
    });
  } finally {
    await student?.close();
    await pe?.close();
    await studentApi.dispose();
    await peApi.dispose();
  }
});

test("the app is installable: manifest, icons and service worker pass Chromium's installability check", async ({
  baseURL,
}) => {
  // A profile on disk: Chromium never offers to install from an incognito window, which every new context is.
  const profile = mkdtempSync(path.join(tmpdir(), "pt-offline-profile-"));
  const context = await chromium.launchPersistentContext(profile, {
    baseURL,
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run"],
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await signIn(page, DEMO.studentAmira);
    await page.evaluate(() => navigator.serviceWorker.ready);
    const manifest = await (await page.request.get("/manifest.webmanifest")).json();
    expect(manifest).toMatchObject({ display: "standalone", start_url: "/" });
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
    expect(installabilityErrors).toEqual([]);
    const { errors } = await cdp.send("Page.getAppManifest");
    expect(errors).toEqual([]);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
