import { mkdirSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext, type Browser, type Locator, type Page } from "@playwright/test";
import {
  addDays,
  apiAs,
  DEMO,
  formatDate,
  getPlacement,
  placementIdOf,
  signIn,
  todayInUk,
  uniqueSuffix,
  useSessionOf,
} from "./support";

// Supervision through the real UI: the PE records a session, signs it, the
// student reflects and signs, the tutor reads it; bad input; two windows on
// one draft; the print view. Records are written only for Amira Hussain's
// placement (PE Priya Shah), which no other spec's supervision figures depend on.

const SCREENSHOTS = path.resolve(__dirname, "..", "..", "screenshots");
const PE_NAME = "Priya Shah";
const STUDENT_NAME = "Amira Hussain";
/** Autosave waits ~3 s after the last keystroke, then saves: allow for a busy machine. */
const AUTOSAVE_TIMEOUT = 20_000;

// A UK user's browser, as in the other screenshot specs.
test.use({ locale: "en-GB", timezoneId: "Europe/London" });

test.beforeAll(() => {
  mkdirSync(SCREENSHOTS, { recursive: true });
});

/** A row of GET /api/v1/placements/:id/supervision's records (the parts the tests use). */
type RecordRow = {
  id: string;
  heldOn: string;
  startTime: string;
  status: "DRAFT" | "PE_SIGNED" | "SIGNED";
  agenda: string;
  wellbeingAndWorkload: string;
  peSignedByName: string | null;
  studentSignedByName: string | null;
};

async function supervisionRecords(
  api: APIRequestContext,
  placementId: string,
): Promise<{ records: RecordRow[]; hiddenRecords: number }> {
  const response = await api.get(`/api/v1/placements/${placementId}/supervision`);
  expect(response.status()).toBe(200);
  const body = await response.json();
  return { records: body.records, hiddenRecords: body.hiddenRecords };
}

/** Amira's placement id and one of her seeded DRAFT records, as her PE sees them through the API. */
async function amiraAndHerDraft(baseURL: string) {
  const peApi = await apiAs(baseURL, DEMO.pe);
  try {
    const placementId = await placementIdOf(peApi, STUDENT_NAME);
    const { records } = await supervisionRecords(peApi, placementId);
    const drafts = records.filter((record) => record.status === "DRAFT");
    expect(drafts.length, "the demo world leaves Amira's latest supervision record a draft").toBeGreaterThan(0);
    return { placementId, draft: drafts[drafts.length - 1] };
  } finally {
    await peApi.dispose();
  }
}

/** A fresh browser window (its own cookies) with this file's locale. */
async function newWindow(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale: "en-GB", timezoneId: "Europe/London" });
  return context.newPage();
}

/** A full-page screenshot once the page has settled: no pending requests, fonts loaded, no focus ring or hover left over. */
async function snap(page: Page, name: string) {
  await page.waitForLoadState("networkidle");
  await page.evaluate(() => document.fonts.ready);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur?.());
  await page.mouse.move(0, 0);
  await page.screenshot({
    path: path.join(SCREENSHOTS, `${name}.png`),
    fullPage: true,
    animations: "disabled",
    caret: "hide",
  });
}

/** The links to records in the log's table. */
function recordLinks(page: Page): Locator {
  return page.getByRole("table", { name: "Supervision records, newest first" }).locator("tbody tr td:first-child a");
}

/** The autosave's status line ("Draft saved at 14:05", "Reflection saved at …"). */
function savedStatus(page: Page, noun: "Draft" | "Reflection"): Locator {
  return page.getByRole("status").filter({ hasText: new RegExp(`^${noun} saved at \\d\\d:\\d\\d$`) });
}

/** Focuses a field and types into it, as a keyboard user would (replacing what was there). */
async function typeInto(page: Page, field: Locator, text: string) {
  await field.focus();
  await expect(field).toBeFocused();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type(text);
}

/** The signatures table of a record (or of one record in a print view). */
function signatureRow(scope: Page | Locator, role: "Practice educator" | "Student"): Locator {
  return scope
    .getByRole("table", { name: "Signatures" })
    .getByRole("row")
    .filter({ hasText: new RegExp(`^${role}`) });
}

function signatures(scope: Page | Locator, who: { pe: string; student: string }) {
  return Promise.all([
    expect(signatureRow(scope, "Practice educator")).toContainText(who.pe),
    expect(signatureRow(scope, "Student")).toContainText(who.student),
    expect(scope.getByRole("table", { name: "Signatures" })).not.toContainText("Not yet signed"),
  ]);
}

test("a session is recorded and signed by the PE, reflected on and signed by the student, and read by the tutor", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const today = todayInUk();
  const suffix = uniqueSuffix();
  const agendaItems = [
    `Check-in and wellbeing (${suffix})`,
    "Actions from last supervision",
    "Case discussion: C-4821",
    "PCF evidence for the portfolio",
  ];
  const caseDiscussion = `C-4821 (Year 5): the student led the TAF review at school (${suffix}). Attendance is up to 91%; discussed keeping the child's own view in the plan.`;
  const studentAction = `Draft the TAF review summary for C-4821 (${suffix})`;
  const peAction = `Book a direct observation of a home visit (${suffix})`;
  const reflection = `Leading the TAF review was daunting, but planning the agenda with my PE first helped (${suffix}).`;
  const { placementId, draft } = await amiraAndHerDraft(baseURL!);
  let recordUrl = "";

  await test.step("the PE opens Amira's placement, then Supervision, then Record a session", async () => {
    await signIn(page, DEMO.pe);
    await page
      .getByRole("region", { name: STUDENT_NAME, exact: true })
      .getByRole("link", { name: STUDENT_NAME, exact: true })
      .click();
    await expect(page).toHaveURL(`/placements/${placementId}`);
    await page.getByRole("link", { name: "Open the supervision log" }).click();
    await expect(page).toHaveURL(`/placements/${placementId}/supervision`);
    await expect(page.getByRole("heading", { name: `Supervision: ${STUDENT_NAME}`, level: 1 })).toBeVisible();
    await page.getByRole("link", { name: "Record a session" }).click();
    await expect(page).toHaveURL(`/placements/${placementId}/supervision/new`);
    await expect(page.getByRole("heading", { name: "Record a supervision session", level: 1 })).toBeVisible();
  });

  await test.step("fill in the session, mostly with the keyboard", async () => {
    const form = page.getByRole("form", { name: "Record a supervision session" });
    // Date and time pickers: typed values through fill (their keyboard segments depend on the browser's locale).
    await expect(form.getByLabel("Date", { exact: true })).toHaveValue(today);
    await form.getByLabel("Start time").fill("11:15");
    await typeInto(page, form.getByLabel("Length in minutes"), "90");
    await expect(form.getByLabel("Length in minutes")).toHaveValue("90");

    const type = form.getByLabel("Type of session");
    await type.focus();
    await page.keyboard.press("Home"); // the first option
    await expect(type).toHaveValue("FORMAL");

    // Who attended: the PE and the student are ticked already; tick the on-site supervisor with Space.
    await expect(form.getByLabel("Practice educator", { exact: true })).toBeChecked();
    await expect(form.getByLabel("Student", { exact: true })).toBeChecked();
    const onsite = form.getByLabel("On-site supervisor", { exact: true });
    if (!(await onsite.isChecked())) {
      await onsite.focus();
      await page.keyboard.press("Space");
    }
    await expect(onsite).toBeChecked();

    const agenda = form.getByLabel("Agenda items");
    await agenda.focus();
    await page.keyboard.type(agendaItems.join("\n"));
    await expect(agenda).toHaveValue(agendaItems.join("\n"));
    // Tab moves on to the case discussion.
    await page.keyboard.press("Tab");
    await expect(form.getByLabel("Case discussion")).toBeFocused();
    await page.keyboard.type(caseDiscussion);

    for (const domain of ["5. Knowledge", "6. Critical Reflection and Analysis"]) {
      const box = form.getByLabel(domain, { exact: true });
      await box.focus();
      await page.keyboard.press("Space");
      await expect(box).toBeChecked();
    }

    // Action 1: owned by the student (the default), due in a week (the default).
    const add = form.getByRole("button", { name: "Add an action" });
    await add.focus();
    await page.keyboard.press("Enter");
    const first = form.getByRole("group", { name: "Action 1" });
    await expect(first.getByLabel("What will be done")).toBeFocused();
    await page.keyboard.type(studentAction);
    await page.keyboard.press("Tab");
    await expect(first.getByLabel("Owner")).toBeFocused();
    await expect(first.getByLabel("Owner")).toHaveValue("STUDENT");
    await page.keyboard.press("Tab");
    await expect(first.getByLabel("Due date")).toBeFocused();
    await expect(first.getByLabel("Due date")).toHaveValue(addDays(today, 7));

    // Action 2: owned by the PE, due in a fortnight.
    await add.focus();
    await page.keyboard.press("Enter");
    const second = form.getByRole("group", { name: "Action 2" });
    await expect(second.getByLabel("What will be done")).toBeFocused();
    await page.keyboard.type(peAction);
    await page.keyboard.press("Tab");
    await expect(second.getByLabel("Owner")).toBeFocused();
    await page.keyboard.press("End"); // the last option
    await expect(second.getByLabel("Owner")).toHaveValue("PRACTICE_EDUCATOR");
    await second.getByLabel("Due date").fill(addDays(today, 14));

    await snap(page, "supervision-form");

    const save = form.getByRole("button", { name: "Save the record" });
    await save.focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/supervision\/(?!new)[^/]+$/);
    recordUrl = new URL(page.url()).pathname;
  });

  await test.step("the new record is a draft with what was entered", async () => {
    await expect(page.getByRole("heading", { name: `Supervision on ${formatDate(today)}`, level: 1 })).toBeVisible();
    await expect(page.getByText(`${STUDENT_NAME} · Formal supervision · 11:15, 90 minutes`)).toBeVisible();
    await expect(page.getByText("Draft", { exact: true })).toBeVisible();
    const notes = page.getByRole("form", { name: "Supervision notes" });
    await expect(notes.getByLabel("Agenda items")).toHaveValue(agendaItems.join("\n"));
    await expect(notes.getByLabel("5. Knowledge", { exact: true })).toBeChecked();
    await expect(notes.getByLabel("6. Critical Reflection and Analysis", { exact: true })).toBeChecked();
    await expect(notes.getByRole("group", { name: "Action 2" }).getByLabel("Owner")).toHaveValue("PRACTICE_EDUCATOR");
  });

  await test.step("the PE signs, confirming first", async () => {
    await page.getByRole("button", { name: "Sign as practice educator" }).click();
    await expect(page.getByRole("heading", { name: "Sign and lock these notes?" })).toBeFocused();
    await page.getByRole("button", { name: "Yes, sign as practice educator" }).click();

    await expect(page.getByText("Signed by practice educator, awaiting student", { exact: true })).toBeVisible();
    // The notes are locked: shown as text, no form.
    await expect(page.getByRole("form", { name: "Supervision notes" })).toHaveCount(0);
    await expect(page.getByRole("heading", { name: "Notes", level: 2, exact: true })).toBeVisible();
    await expect(page.getByText(caseDiscussion)).toBeVisible();
    await expect(signatureRow(page, "Practice educator")).toContainText(PE_NAME);
    await expect(signatureRow(page, "Student")).toContainText("Not yet signed");
  });

  const student = await newWindow(browser, baseURL!);
  await test.step("the student opens the record from the log, writes a reflection (autosaved) and signs", async () => {
    await signIn(student, DEMO.studentAmira);
    await student.goto(`/placements/${placementId}/supervision`);
    await recordLinks(student)
      .filter({ hasText: formatDate(today) })
      .click();
    await expect(student).toHaveURL(recordUrl);
    await expect(student.getByText("Signed by practice educator, awaiting student", { exact: true })).toBeVisible();
    await expect(student.getByText(studentAction, { exact: true })).toBeVisible();

    const box = student.getByLabel("Your reflection on this session");
    await box.focus();
    await student.keyboard.type(reflection);
    await expect(savedStatus(student, "Reflection")).toBeVisible({ timeout: AUTOSAVE_TIMEOUT });

    await student.getByRole("button", { name: "Sign as student" }).click();
    await expect(student.getByRole("heading", { name: "Sign this record?" })).toBeFocused();
    await student.getByRole("button", { name: "Yes, sign as student" }).click();
    await expect(student.getByText("Signed by both", { exact: true })).toBeVisible();
    // The reflection is locked and shown as text.
    await expect(student.getByLabel("Your reflection on this session")).toHaveCount(0);
    await expect(student.getByText(reflection)).toBeVisible();
    await signatures(student, { pe: PE_NAME, student: STUDENT_NAME });
  });
  await student.context().close();

  const tutor = await newWindow(browser, baseURL!);
  await test.step("the tutor finds the signed record in Amira's log and opens it", async () => {
    await signIn(tutor, DEMO.tutorSevernside);
    await tutor.goto("/placements");
    await tutor.getByRole("link", { name: STUDENT_NAME, exact: true }).first().click();
    await expect(tutor).toHaveURL(`/placements/${placementId}`);
    await tutor.getByRole("link", { name: "Open the supervision log" }).click();
    await expect(tutor).toHaveURL(`/placements/${placementId}/supervision`);
    // Tutors are told that unsigned records are left out.
    await expect(tutor.getByText(/not yet signed by both (is|are) not shown/)).toBeVisible();
    await expect(tutor.getByRole("link", { name: "Record a session" })).toHaveCount(0);

    const row = tutor
      .getByRole("table", { name: "Supervision records, newest first" })
      .getByRole("row")
      .filter({ hasText: formatDate(today) });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("Signed by both");
    await expect(row).toContainText("2 (2 open)");
    await row.getByRole("link", { name: formatDate(today) }).click();
    await expect(tutor).toHaveURL(recordUrl);
    await expect(tutor.getByText(agendaItems[0])).toBeVisible();
    await expect(tutor.getByText(reflection)).toBeVisible();
    await expect(tutor.getByRole("listitem").filter({ hasText: "5. Knowledge" })).toBeVisible();
    await signatures(tutor, { pe: PE_NAME, student: STUDENT_NAME });
    // Read-only for the tutor.
    await expect(tutor.getByRole("button", { name: /^Sign as/ })).toHaveCount(0);
    await expect(tutor.getByRole("heading", { name: "Add an addendum" })).toHaveCount(0);
    await snap(tutor, "supervision-record");
  });

  await test.step("the seeded draft is not in the tutor's log, and its address is not found", async () => {
    await tutor.goto(`/placements/${placementId}/supervision`);
    await expect(recordLinks(tutor).first()).toBeVisible();
    await expect(tutor.locator(`a[href="/supervision/${draft.id}"]`)).toHaveCount(0);
    await expect(recordLinks(tutor).filter({ hasText: formatDate(draft.heldOn) })).toHaveCount(0);
    await tutor.goto(`/supervision/${draft.id}`);
    await expect(tutor.getByRole("heading", { name: "Page not found", level: 1 })).toBeVisible();
    await tutor.goto(`/supervision/${draft.id}/print`);
    await expect(tutor.getByRole("heading", { name: "Page not found", level: 1 })).toBeVisible();
  });
  await tutor.context().close();
});

test("a session of 0 minutes on a future date is refused beside the fields, and nothing is recorded", async ({
  page,
  baseURL,
}) => {
  const today = todayInUk();
  const { placementId } = await amiraAndHerDraft(baseURL!);
  await useSessionOf(page, baseURL!, DEMO.pe);
  await page.goto(`/placements/${placementId}/supervision`);
  const before = await recordLinks(page).count();
  expect(before).toBeGreaterThan(0);

  await page.getByRole("link", { name: "Record a session" }).click();
  const form = page.getByRole("form", { name: "Record a supervision session" });
  const date = form.getByLabel("Date", { exact: true });
  const duration = form.getByLabel("Length in minutes");
  await date.fill(addDays(today, 1));
  await typeInto(page, duration, "0");
  await form.getByLabel("Agenda items").fill("Should not be saved");
  const save = form.getByRole("button", { name: "Save the record" });
  await save.click();

  // The browser's checks (the same schema as the server's) catch the length at once.
  await expect(page.locator("#durationMinutes-error")).toHaveText("Error: Enter how long the session lasted");
  await expect(duration).toHaveAttribute("aria-invalid", "true");
  await expect(duration).toHaveAttribute("aria-describedby", "durationMinutes-error");
  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link", { name: "Enter how long the session lasted" })).toHaveAttribute(
    "href",
    "#durationMinutes",
  );
  await expect(page).toHaveURL(`/placements/${placementId}/supervision/new`);

  // The future date is the server's rule: it is reported beside the date once the length is fixed.
  await typeInto(page, duration, "90");
  await save.click();
  await expect(page.locator("#heldOn-error")).toHaveText("Error: A session can only be recorded once it has happened");
  await expect(date).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#durationMinutes-error")).toHaveCount(0);
  await expect(
    page
      .getByRole("alert")
      .filter({ hasText: "A session can only be recorded once it has happened" })
      .getByRole("link"),
  ).toHaveAttribute("href", "#heldOn");
  await expect(page).toHaveURL(`/placements/${placementId}/supervision/new`);

  // Nothing was created.
  await page.goto(`/placements/${placementId}/supervision`);
  await expect(recordLinks(page)).toHaveCount(before);
  await expect(page.getByText("Should not be saved")).toHaveCount(0);
});

test("two windows on one draft: the second window's save is refused, says who changed what, and overwrites nothing", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const { draft } = await amiraAndHerDraft(baseURL!);
  const suffix = uniqueSuffix();
  const firstText = `First window: workload is manageable this week (${suffix}).`;
  const secondText = `Second window: the student is behind on case notes (${suffix}).`;

  const first = await newWindow(browser, baseURL!);
  const second = await newWindow(browser, baseURL!);
  await useSessionOf(first, baseURL!, DEMO.pe);
  await useSessionOf(second, baseURL!, DEMO.pe);
  // Both open the draft before either saves.
  for (const window of [first, second]) {
    await window.goto(`/supervision/${draft.id}`);
    await expect(window.getByRole("heading", { name: "Notes (draft)", level: 2 })).toBeVisible();
    await expect(window.getByLabel("Wellbeing and workload")).toHaveValue(draft.wellbeingAndWorkload);
  }

  await test.step("the first window's change autosaves", async () => {
    await typeInto(first, first.getByLabel("Wellbeing and workload"), firstText);
    await expect(first.getByRole("status").filter({ hasText: "Unsaved changes" })).toBeVisible();
    await expect(savedStatus(first, "Draft")).toBeVisible({ timeout: AUTOSAVE_TIMEOUT });
  });

  await test.step("the second window's change to the same field meets the conflict", async () => {
    await typeInto(second, second.getByLabel("Wellbeing and workload"), secondText);
    const alert = second.getByRole("alert").filter({ hasText: "Your latest changes were not saved" });
    await expect(alert).toBeVisible({ timeout: AUTOSAVE_TIMEOUT });
    await expect(alert).toContainText(
      `${PE_NAME} changed the wellbeing and workload of this draft after you opened it. Nothing of yours was saved: copy anything you typed, reload the page, and make your change again.`,
    );
    await expect(second.getByRole("status").filter({ hasText: "Autosave stopped" })).toBeVisible();
    // Autosave and signing stop in that window; the typed text stays there to copy.
    await expect(second.getByRole("button", { name: "Save draft now" })).toBeDisabled();
    await expect(second.getByRole("button", { name: "Sign as practice educator" })).toBeDisabled();
    await expect(second.getByLabel("Wellbeing and workload")).toHaveValue(secondText);
  });

  await test.step("the first window's text is what was kept", async () => {
    await first.reload();
    await expect(first.getByLabel("Wellbeing and workload")).toHaveValue(firstText);
    await second.reload();
    await expect(second.getByLabel("Wellbeing and workload")).toHaveValue(firstText);
    await expect(second.getByRole("alert").filter({ hasText: "Your latest changes were not saved" })).toHaveCount(0);
  });

  await first.context().close();
  await second.context().close();
});

test("the print view of the whole log has the placement header and every record in date order with its signatures", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const peApi = await apiAs(baseURL!, DEMO.pe);
  const placementId = await placementIdOf(peApi, STUDENT_NAME);
  const placement = await getPlacement(peApi, placementId);
  const { records } = await supervisionRecords(peApi, placementId);
  await peApi.dispose();
  expect(records.length).toBeGreaterThan(3);

  await useSessionOf(page, baseURL!, DEMO.pe);
  await page.goto(`/placements/${placementId}/supervision`);
  await expect(page.getByRole("heading", { name: `Supervision: ${STUDENT_NAME}`, level: 1 })).toBeVisible();
  await expect(recordLinks(page)).toHaveCount(records.length);
  await snap(page, "supervision-log");

  await page.getByRole("link", { name: "Print view of the whole log" }).click();
  await expect(page).toHaveURL(`/placements/${placementId}/supervision/print`);
  await expect(page.getByRole("heading", { name: "Record of supervision", level: 1 })).toBeVisible();

  await test.step("the header: student, PE and placement dates", async () => {
    const header = page.getByRole("table", { name: "Placement details" });
    const row = (term: string) =>
      header
        .getByRole("row")
        .filter({ has: page.getByRole("rowheader", { name: term, exact: true }) })
        .getByRole("cell");
    await expect(row("Student")).toHaveText(STUDENT_NAME);
    await expect(row("Placement dates")).toHaveText(
      `${formatDate(placement.startDate)} to ${formatDate(placement.endDate)}`,
    );
    await expect(row("Practice educator")).toContainText(
      `${PE_NAME}, ${formatDate(placement.practiceEducators[0].startDate)} to`,
    );
    await expect(row("University")).toHaveText("Severnside University");
    await expect(row("University tutor")).toHaveText("Dr Helen Marsh");
  });

  await test.step("the records, earliest first, each with its signatures", async () => {
    const expected = [...records].sort(
      (a, b) => a.heldOn.localeCompare(b.heldOn) || a.startTime.localeCompare(b.startTime),
    );
    const articles = page.locator("article");
    await expect(articles).toHaveCount(expected.length);
    await expect(articles.locator("h2")).toHaveText(
      expected.map((record, index) => new RegExp(`^Session ${index + 1}: ${formatDate(record.heldOn)}, `)),
    );
    // The summary table lists them in the same order.
    await expect(page.getByRole("table", { name: "Sessions recorded" }).locator("tbody tr td:nth-child(2)")).toHaveText(
      expected.map((record) => `${formatDate(record.heldOn)}, ${record.startTime}`),
    );
    for (const [index, record] of expected.entries()) {
      const article = articles.nth(index);
      if (record.status === "SIGNED") {
        await signatures(article, { pe: record.peSignedByName ?? PE_NAME, student: STUDENT_NAME });
      } else {
        await expect(signatureRow(article, "Student")).toContainText("Not yet signed");
        if (record.status === "DRAFT")
          await expect(signatureRow(article, "Practice educator")).toContainText("Not yet signed");
      }
    }
    expect(expected.filter((record) => record.status === "SIGNED").length).toBeGreaterThan(2);
  });

  await snap(page, "supervision-print");
});
