import { mkdirSync } from "node:fs";
import path from "node:path";
import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { addDays, DEMO, formatDate, signIn, todayInUk } from "./support";
import { programmeEndDate, weeklySessionDates } from "../../lib/children/direct-work/weeks";

/**
 * A first session about six weeks ago whose whole weekly plan (school holidays skipped, as the app plans it)
 * is held by today, whatever day the tests run.
 */
function sixWeeksAgo(): string {
  const today = todayInUk();
  let start = addDays(today, -42);
  while (weeklySessionDates(start, 6).at(-1)! > today) start = addDays(start, -7);
  return start;
}

// Direct-work programmes through the real UI (app/programmes/**, app/feedback/**):
// the team manager adds a child and allocates them to Amira Hussain (PE Priya
// Shah, on-site supervisor Sam Rivers); a plan of weekly sessions is agreed,
// goals are scored, sessions recorded; the PE reads the outcome; bad input is
// refused beside its field; the child's tablet screen works from the keyboard
// and their suggestion reaches the team anonymised; a tutor sees none of it.
//
// Sessions cannot be recorded before their date, so every plan here starts six
// weeks ago (Amira's placement started 70 days ago) and its six weekly sessions
// have all passed. Each test adds its own child, so the tests do not depend on
// one another or on the demo world's caseloads.

const SCREENSHOTS = path.resolve(__dirname, "..", "..", "screenshots");
const STUDENT = "Amira Hussain";
const PE = "Priya Shah";

/** Six themes from the team's default list, one per weekly session. */
const THEMES = [
  "Self-esteem and self-confidence",
  "Emotional wellbeing and resilience",
  "Developing safe networks",
  "Problem solving",
  "Being safe online",
  "Healthy relationships",
] as const;

// A UK user's browser, as in the other screenshot specs.
test.use({ locale: "en-GB", timezoneId: "Europe/London", actionTimeout: 15_000 });

test.beforeAll(() => {
  mkdirSync(SCREENSHOTS, { recursive: true });
});

/** A full-page screenshot once the page has settled. Focus is left where it is only when asked (to show a focus ring). */
async function snap(page: Page, name: string, options: { keepFocus?: boolean } = {}) {
  await page.waitForLoadState("networkidle");
  await page.evaluate(() => document.fonts.ready);
  if (!options.keepFocus) await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur?.());
  await page.mouse.move(0, 0);
  await page.screenshot({
    path: path.join(SCREENSHOTS, `${name}.png`),
    fullPage: true,
    animations: "disabled",
    caret: "hide",
  });
}

/** Signs out whoever is signed in (by dropping the cookies) and signs `email` in through the form. */
async function switchTo(page: Page, email: string) {
  await page.context().clearCookies();
  await signIn(page, email);
}

/** Letters only, so the name stays a name (no digits) and is unique within the run. */
function letters(length = 5) {
  return Array.from({ length }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join("");
}

type Child = {
  id: string;
  url: string;
  code: string;
  firstName: string;
  lastName: string;
  name: string;
  label: string;
};

/** The admin adds a child at /children/new and lands on their record; returns the code the app gave them. */
async function addChild(page: Page, firstName: string): Promise<Child> {
  const lastName = `Fairweather${letters()}`;
  const name = `${firstName} ${lastName}`;
  await page.goto("/children/new");
  await expect(page.getByRole("heading", { name: "Add a child", level: 1 })).toBeVisible();
  await page.getByLabel("First name").fill(firstName);
  await page.getByLabel("Last name").fill(lastName);
  await page.getByLabel("Date of birth").fill(addDays(todayInUk(), -11 * 365));
  await page.getByLabel("Year group (optional)").fill("6");
  await page.getByRole("button", { name: "Add child" }).click();

  await expect(page).toHaveURL(/\/children\/(?!new)[^/?#]+$/);
  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).toHaveText(new RegExp(`^${name} \\(C-\\d+\\)$`));
  const label = (await heading.textContent())!.trim();
  const code = /\((C-\d+)\)$/.exec(label)![1];
  await expect(page.getByText("Not allocated to a student.")).toBeVisible();
  const url = new URL(page.url()).pathname;
  return { id: url.split("/").pop()!, url, code, firstName, lastName, name, label };
}

/** On the child's record, the admin allocates the child to Amira for direct work from `startDate`. */
async function allocateToAmira(page: Page, child: Child, startDate: string) {
  await page.goto(child.url);
  await page.getByText("Allocate to a student", { exact: true }).click();
  const form = page.locator("details").filter({ has: page.getByText("Allocate to a student", { exact: true }) });
  const student = form.getByLabel("Student", { exact: true });
  const option = (await student.locator("option", { hasText: `${STUDENT} — ` }).textContent())!;
  await student.selectOption({ label: option });
  await form.getByLabel("Kind of work").selectOption({ label: "Direct work" });
  await form.getByLabel("Starts on").fill(startDate);
  await form.getByRole("button", { name: "Allocate" }).click();

  const work = page.getByRole("region", { name: "Work with the child" });
  await expect(work.getByText(`Direct work with ${STUDENT} — current`)).toBeVisible();
  await expect(work.getByText(`From ${formatDate(startDate)} · overseen by ${PE}`)).toBeVisible();
  await expect(work.getByRole("link", { name: "Agree a plan of sessions" })).toBeVisible();
}

/** Fills in and saves the "Agree a plan of sessions" form (the page must be on it); returns the programme's path. */
async function agreePlan(page: Page, child: Child, startDate: string, themes: readonly string[]) {
  await expect(page.getByRole("heading", { name: "Agree a plan of sessions", level: 1 })).toBeVisible();
  await page.getByLabel("Date of the first session").fill(startDate);
  const count = page.getByLabel("Number of weekly sessions");
  await expect(count).toHaveValue("6");
  if (themes.length !== 6) await count.fill(String(themes.length));
  const planned = weeklySessionDates(startDate, themes.length);
  for (const [index, theme] of themes.entries()) {
    // Each session's label carries its date: a school week after the one before.
    await page
      .getByLabel(`Session ${index + 1} (${formatDate(planned[index])})`, { exact: true })
      .selectOption({ label: theme });
  }
  await expect(page.getByLabel(/^Session \d+ \(/)).toHaveCount(themes.length);
  await page.getByLabel("The school").check();
  await page.getByLabel("The child", { exact: true }).check();
  await page.getByLabel("The parents or carers").check();
  await page.getByRole("button", { name: "Save the plan" }).click();

  await expect(page).toHaveURL(/\/programmes\/(?!new)[^/?#]+$/);
  await expect(page.getByRole("heading", { name: `Direct work with ${child.label}`, level: 1 })).toBeVisible();
  const endDate = programmeEndDate(startDate, themes.length);
  await expect(
    page.getByText(`${STUDENT} · overseen by ${PE} · ${formatDate(startDate)} to ${formatDate(endDate)}`),
  ).toBeVisible();
  await expect(page.getByText("Plan agreed with the school, the child, the parents or carers.")).toBeVisible();
  await expect(sessionRows(page)).toHaveCount(themes.length);
  return new URL(page.url()).pathname;
}

/** The admin adds a child, allocates them to Amira from six weeks ago, and agrees a plan starting then. */
async function childWithProgramme(page: Page, firstName: string, themes: readonly string[] = THEMES) {
  const startDate = sixWeeksAgo();
  await switchTo(page, DEMO.admin);
  const child = await addChild(page, firstName);
  await allocateToAmira(page, child, startDate);
  await page.getByRole("link", { name: "Agree a plan of sessions" }).click();
  const programmeUrl = await agreePlan(page, child, startDate, themes);
  return { child, programmeUrl, startDate, endDate: programmeEndDate(startDate, themes.length) };
}

function sessionRows(page: Page): Locator {
  return page.getByRole("table", { name: "Planned sessions with their theme and what happened" }).locator("tbody tr");
}

function sessionRow(page: Page, number: number): Locator {
  return sessionRows(page).filter({ has: page.getByRole("rowheader", { name: String(number), exact: true }) });
}

/** The goals table's row for goal `number` (its description starts "1."). */
function goalRow(page: Page, number: number): Locator {
  return page
    .getByRole("table", { name: "Goals with their scores from 0 to 10 and the change" })
    .locator("tbody tr")
    .filter({ hasText: new RegExp(`^\\s*${number}\\.`) });
}

type SessionNotes = { whatWasDone: string; childsWords: string; reflection: string; rating: 1 | 2 | 3 | 4 | 5 };
const RATING_WORDS = { 1: "Not good", 2: "Not great", 3: "OK", 4: "Good", 5: "Great" } as const;

/** From the programme page, opens session `number`, records it as attended on its planned date, and saves. */
async function recordAttended(
  page: Page,
  programmeUrl: string,
  number: number,
  theme: string,
  plannedOn: string,
  notes: SessionNotes,
) {
  await page.getByRole("link", { name: `Record session ${number}`, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${programmeUrl}/sessions/[^/]+$`));
  await expect(page.getByRole("heading", { name: `Session ${number}: ${theme}`, level: 1 })).toBeVisible();
  await page.getByRole("radio", { name: "Attended", exact: true }).check();
  const date = page.getByLabel("Date the session was held");
  await expect(date).toHaveValue(plannedOn);
  await page.getByLabel("What was done", { exact: true }).fill(notes.whatWasDone);
  await page.getByLabel("The child's words", { exact: true }).fill(notes.childsWords);
  await page.getByLabel("Your reflection", { exact: true }).fill(notes.reflection);
  // The faces are visually hidden radios under their drawn labels: choose one by its label, as a pointer user does.
  const rating = page.getByRole("radio", { name: `${notes.rating} ${RATING_WORDS[notes.rating]}`, exact: true });
  await page.locator(`label[for="${await rating.getAttribute("id")}"]`).click();
  await expect(rating).toBeChecked();
  await page.getByRole("button", { name: "Save session record" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Session record saved." })).toBeVisible();
  await expect(page.locator("h1 + span")).toHaveText("Attended");

  await page.getByRole("link", { name: /^Direct work with / }).click();
  await expect(page).toHaveURL(new RegExp(`${programmeUrl}$`));
  await expect(sessionRow(page, number)).toContainText("Attended");
  await expect(sessionRow(page, number)).toContainText(`${notes.rating} (${RATING_WORDS[notes.rating]})`);
}

/** Sets the goals through the "Set the goals" form on the programme page. */
async function setGoals(page: Page, goals: string[]) {
  await page.getByText("Set the goals", { exact: true }).click();
  for (const [index, goal] of goals.entries())
    await page.getByLabel(index === 0 ? "Goal 1" : `Goal ${index + 1} (optional)`, { exact: true }).fill(goal);
  await page.getByRole("button", { name: "Save goals" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Goals saved." })).toBeVisible();
  for (const [index, goal] of goals.entries()) await expect(goalRow(page, index + 1)).toContainText(goal);
}

/** Scores goal `number` at a stage through its compact form under the goal. */
async function scoreGoal(page: Page, number: number, stage: "Start" | "Review" | "End", score: number) {
  const form = page.getByRole("form", { name: `Score goal ${number}` });
  await form.getByLabel("Stage").selectOption({ label: stage });
  await form.getByLabel("Score (0–10)").fill(String(score));
  await form.getByRole("button", { name: "Save score" }).click();
  await expect(form.getByRole("status")).toHaveText(`Score saved for goal ${number}.`);
}

async function newWindow(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale: "en-GB", timezoneId: "Europe/London" });
  return context.newPage();
}

// ---------------------------------------------------------------------------

test("a student records a six-session programme and the PE sees the outcome change", async ({ page }) => {
  test.setTimeout(240_000);
  const startDate = sixWeeksAgo();
  const planned = weeklySessionDates(startDate, THEMES.length);
  let child!: Child;
  let programmeUrl = "";

  await test.step("the admin adds a child and allocates them to Amira for direct work from six weeks ago", async () => {
    await switchTo(page, DEMO.admin);
    child = await addChild(page, "Marigold");
    await allocateToAmira(page, child, startDate);
  });

  await test.step("Amira finds the child on her caseload and agrees a plan of six weekly sessions", async () => {
    await switchTo(page, DEMO.studentAmira);
    await page.getByRole("link", { name: "My caseload", exact: true }).click();
    await expect(page.getByRole("heading", { name: "My caseload", level: 1 })).toBeVisible();
    const row = page
      .getByRole("table", { name: "My caseload" })
      .getByRole("row")
      .filter({ has: page.getByRole("link", { name: child.label, exact: true }) });
    await expect(row.getByText("No plan of sessions agreed yet")).toBeVisible();
    await row.getByRole("link", { name: "Direct work" }).click();
    await expect(page).toHaveURL(/\/programmes\/new\?allocationId=/);
    programmeUrl = await agreePlan(page, child, startDate, THEMES);
    for (const [index, theme] of THEMES.entries()) {
      await expect(sessionRow(page, index + 1)).toContainText(formatDate(planned[index]));
      await expect(sessionRow(page, index + 1)).toContainText(theme);
      await expect(sessionRow(page, index + 1)).toContainText("Planned");
    }
    await expect(page.getByText("0 of 6 (0%)", { exact: true })).toBeVisible();
  });

  await test.step("she agrees two goals with the child and records their start scores", async () => {
    await setGoals(page, ["Feel calmer when I get angry in class", "Have two grown-ups I can talk to"]);
    await scoreGoal(page, 1, "Start", 3);
    await scoreGoal(page, 2, "Start", 4);
    await expect(goalRow(page, 1)).toContainText("3 at the start; no later score yet");
    await expect(goalRow(page, 2)).toContainText("4 at the start; no later score yet");
  });

  const ratings = [3, 4, 4, 5, 4, 5] as const;
  for (const [index, theme] of THEMES.entries()) {
    await test.step(`she records session ${index + 1} (${theme}) as attended`, async () => {
      await recordAttended(page, programmeUrl, index + 1, theme, planned[index], {
        whatWasDone: `Session ${index + 1}: ${theme.toLowerCase()} activities with drawing and a feelings thermometer.`,
        childsWords: `Session ${index + 1}: "I liked that we could just talk."`,
        reflection: `Session ${index + 1}: letting the silences sit helped; take the drawing idea to supervision.`,
        rating: ratings[index],
      });
      await expect(
        page.getByText(`${index + 1} of 6 (${Math.round(((index + 1) / 6) * 100)}%)`, { exact: true }),
      ).toBeVisible();
    });
  }

  await test.step("she records the end scores, and the page shows the change", async () => {
    await scoreGoal(page, 1, "End", 8);
    await scoreGoal(page, 2, "End", 7);
    await expect(goalRow(page, 1)).toContainText("From 3 at the start to 8 at the end: up 5");
    await expect(goalRow(page, 2)).toContainText("From 4 at the start to 7 at the end: up 3");
    await expect(page.getByRole("progressbar", { name: "Sessions done of those planned" })).toHaveAttribute(
      "aria-valuenow",
      "6",
    );
    await expect(page.getByText("6 of 6 (100%)", { exact: true })).toBeVisible();
    // The "Add a session" box says why there is no form: all six are in the plan.
    await expect(
      page.getByText("All 6 planned sessions are in the plan. To add session 7, extend the plan first."),
    ).toBeVisible();
    await snap(page, "programme-student");
  });

  await test.step("Priya signs in, finds the child on her students' caseloads and sees 6 of 6 and the change", async () => {
    await switchTo(page, DEMO.pe);
    await page.getByRole("link", { name: "Caseloads", exact: true }).click();
    await expect(page.getByRole("heading", { name: "My students' caseloads", level: 1 })).toBeVisible();
    const table = page.getByRole("table", { name: `${STUDENT}'s caseload` });
    const row = table.getByRole("row").filter({ has: page.getByRole("link", { name: child.label, exact: true }) });
    await expect(row).toContainText("Direct work");
    await expect(row).toContainText(formatDate(startDate));
    await expect(row).toContainText("Green");
    await expect(row).toContainText("On track");
    await snap(page, "caseload-pe");

    await row.getByRole("link", { name: "Direct work" }).click();
    await expect(page).toHaveURL(new RegExp(`${programmeUrl}$`));
    await expect(page.getByRole("heading", { name: `Direct work with ${child.label}`, level: 1 })).toBeVisible();
    const progress = page.getByRole("region", { name: "Progress" });
    await expect(progress.getByText("6 of 6 (100%)", { exact: true })).toBeVisible();
    await expect(progress).toContainText("6 attended");
    await expect(progress).toContainText("0 did not attend");
    await expect(progress).toContainText("0 cancelled");
    // (3 + 4 + 4 + 5 + 4 + 5) / 6 = 4.2
    await expect(progress).toContainText("Child's average rating: 4.2 (Good)");
    await expect(goalRow(page, 1)).toContainText("From 3 at the start to 8 at the end: up 5");
    await expect(goalRow(page, 2)).toContainText("From 4 at the start to 7 at the end: up 3");
    for (const [goal, cells] of [
      [1, ["3", "—", "8"]],
      [2, ["4", "—", "7"]],
    ] as const) {
      await expect(goalRow(page, goal).locator("td").nth(0)).toHaveText(cells[0]);
      await expect(goalRow(page, goal).locator("td").nth(1)).toHaveText(cells[1]);
      await expect(goalRow(page, goal).locator("td").nth(2)).toHaveText(cells[2]);
    }
    for (let number = 1; number <= 6; number++)
      await expect(sessionRow(page, number)).toContainText(`Attended${formatDate(planned[number - 1])}`);
    await snap(page, "programme-pe");

    // What Amira wrote is there for the PE to read.
    await page.getByRole("link", { name: "Edit session 4", exact: true }).click();
    await expect(page.getByLabel("The child's words", { exact: true })).toHaveValue(
      'Session 4: "I liked that we could just talk."',
    );
  });
});

test("bad input: a session date outside the programme and a score of 11 are refused beside the field, and there is no 7th session without extending", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const { child, programmeUrl, startDate, endDate } = await childWithProgramme(page, "Peregrine");
  const outside = `The session date must fall within the programme (${formatDate(startDate)} to ${formatDate(endDate)}). To go beyond the end, extend the plan first.`;

  await switchTo(page, DEMO.studentAmira);
  await page.goto(programmeUrl);
  await expect(page.getByRole("heading", { name: `Direct work with ${child.label}`, level: 1 })).toBeVisible();

  await test.step("a session date the day before the programme starts is refused beside the date", async () => {
    await page.getByRole("link", { name: "Record session 1", exact: true }).click();
    await expect(page.getByRole("heading", { name: `Session 1: ${THEMES[0]}`, level: 1 })).toBeVisible();
    await page.getByRole("radio", { name: "Attended", exact: true }).check();
    const date = page.getByLabel("Date the session was held");
    await date.fill(addDays(startDate, -1));
    await page
      .getByLabel("What was done", { exact: true })
      .fill("Met the child and explained what the sessions are for.");
    await page.getByRole("button", { name: "Save session record" }).click();

    await expect(page.locator("#heldOn-error")).toHaveText(`Error: ${outside}`);
    await expect(date).toHaveAttribute("aria-invalid", "true");
    await expect(date).toHaveAttribute("aria-describedby", /(^| )heldOn-error( |$)/);
    const summary = page.getByRole("alert").filter({ hasText: "Check the highlighted fields." });
    await expect(summary).toBeFocused();
    await expect(summary.getByRole("link", { name: `Date: ${outside}` })).toHaveAttribute("href", "#heldOn");
    await expect(page.getByRole("status").filter({ hasText: "Session record saved." })).toHaveCount(0);

    // Nothing was saved: after a reload the session is still only planned.
    await page.reload();
    await expect(page.locator("h1 + span")).toHaveText("Planned");
    await expect(page.getByRole("radio", { name: "Attended", exact: true })).not.toBeChecked();
    await expect(page.getByLabel("What was done", { exact: true })).toHaveValue("");
    await page.goto(programmeUrl);
    await expect(sessionRow(page, 1)).toContainText("Planned");
    await expect(page.getByRole("region", { name: "Progress" })).toContainText("0 attended");
    await expect(page.getByText("0 of 6 (0%)", { exact: true })).toBeVisible();
  });

  await test.step("a score of 11 is refused beside the score", async () => {
    await setGoals(page, ["Go to school every day"]);
    const form = page.getByRole("form", { name: "Score goal 1" });
    const score = form.getByLabel("Score (0–10)");
    await score.fill("11");
    await form.getByRole("button", { name: "Save score" }).click();

    await expect(score).toHaveAttribute("aria-invalid", "true");
    const describedBy = (await score.getAttribute("aria-describedby"))!;
    expect(describedBy).toMatch(/-error$/);
    await expect(page.locator(`[id="${describedBy}"]`)).toHaveText("Scores go from 0 to 10");
    await expect(form.getByRole("status")).toHaveText("");
    // Nothing was scored, on the page or after a reload.
    await expect(goalRow(page, 1)).toContainText("Not scored yet");
    await page.reload();
    await expect(goalRow(page, 1).locator("td").nth(0)).toHaveText("—");
    await expect(goalRow(page, 1)).toContainText("Not scored yet");
  });

  await test.step("there is no way to add a 7th session to the 6-session plan without extending it", async () => {
    await expect(sessionRows(page)).toHaveCount(6);
    await expect(
      page.getByText("All 6 planned sessions are in the plan. To add session 7, extend the plan first."),
    ).toBeVisible();
    await expect(page.getByRole("button", { name: "Add session" })).toHaveCount(0);
    await expect(page.getByLabel("Planned date")).toHaveCount(0);
  });
});

test("a page opened before the plan filled up cannot add a 7th session to a 6-session plan", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  // Planned with five sessions, then extended to six: both people's pages offer "Add a session".
  const { programmeUrl, startDate } = await childWithProgramme(page, "Ottoline", THEMES.slice(0, 5));
  await switchTo(page, DEMO.studentAmira);
  await page.goto(programmeUrl);
  await page.getByLabel("Sessions to add").fill("1");
  await page.getByRole("button", { name: "Extend the plan" }).click();
  await expect(
    page
      .getByRole("status")
      .filter({ hasText: `The plan now has 6 sessions and runs to ${formatDate(programmeEndDate(startDate, 6))}.` }),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: "Add session" })).toBeVisible();

  const pePage = await newWindow(browser, baseURL!);
  try {
    await signIn(pePage, DEMO.pe);
    await pePage.goto(programmeUrl);
    await expect(pePage.getByRole("button", { name: "Add session" })).toBeVisible();

    // Amira adds session 6.
    await expect(page.getByLabel("Planned date")).toHaveValue(weeklySessionDates(startDate, 6)[5]);
    await page.getByLabel("Theme", { exact: true }).selectOption({ label: THEMES[5] });
    await page.getByRole("button", { name: "Add session" }).click();
    await expect(sessionRows(page)).toHaveCount(6);
    await expect(
      page.getByText("All 6 planned sessions are in the plan. To add session 7, extend the plan first."),
    ).toBeVisible();

    // Priya's page still shows the form; the 7th session is refused with the reason.
    await pePage.getByLabel("Theme", { exact: true }).selectOption({ label: THEMES[0] });
    await pePage.getByRole("button", { name: "Add session" }).click();
    const refusal = pePage.getByRole("alert", {
      name: "This plan is for 6 sessions and all 6 are in it. Extend the plan before adding session 7.",
    });
    await expect(refusal).toBeVisible();
    await expect(refusal).toBeFocused();
    await pePage.reload();
    await expect(sessionRows(pePage)).toHaveCount(6);
    await expect(
      pePage.getByText("All 6 planned sessions are in the plan. To add session 7, extend the plan first."),
    ).toBeVisible();
  } finally {
    await pePage.context().close();
  }
});

test("the child's feedback screen hides the site, works from the keyboard, and the suggestion reaches the team anonymised", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const { child, programmeUrl, startDate } = await childWithProgramme(page, "Isolde");
  const suggestion = `Can ${child.firstName} have more time to draw and fewer questions`;
  const anonymised = `Can [name] have more time to draw and fewer questions`;

  await switchTo(page, DEMO.studentAmira);
  await page.goto(programmeUrl);
  await recordAttended(page, programmeUrl, 1, THEMES[0], startDate, {
    whatWasDone: "Made a self-esteem jar together.",
    childsWords: "I am good at football and at being kind.",
    reflection: "Strengths-based start worked well.",
    rating: 4,
  });

  await test.step("the student opens the tablet screen from the session", async () => {
    await page.getByRole("link", { name: "Edit session 1", exact: true }).click();
    await expect(page.getByRole("heading", { name: `Session 1: ${THEMES[0]}`, level: 1 })).toBeVisible();
    // A tablet held upright (the screen's frame scrolls inside the window, so a full-page screenshot shows one window's worth).
    await page.setViewportSize({ width: 820, height: 1180 });
    await page.getByRole("link", { name: "Child feedback on the tablet", exact: true }).click();
    await expect(page).toHaveURL(/\/feedback\/[^/]+$/);
    await expect(page.getByRole("heading", { name: "How was your session?", level: 1 })).toBeVisible();
    await expect(page).toHaveTitle("How was your session?");
  });

  await test.step("nothing of the site shows: no header, no Sign out, no child's name or code", async () => {
    await expect(page.locator("body > header")).toBeHidden();
    await expect(page.getByRole("button", { name: "Sign out" })).toBeHidden();
    await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
    await expect(page.getByRole("link", { name: "Skip to main content" })).toBeHidden();
    const screen = page.locator("[data-child-screen]");
    await expect(screen).not.toContainText(child.firstName);
    await expect(screen).not.toContainText(child.lastName);
    await expect(screen).not.toContainText(child.code);
    await expect(screen).not.toContainText(STUDENT);
  });

  await test.step("the child chooses a face with the arrow keys, types with the keyboard and presses Send", async () => {
    const firstFace = page.getByRole("radio", { name: "Not good", exact: true });
    for (
      let stops = 0;
      stops < 6 && !(await firstFace.evaluate((element) => element === document.activeElement));
      stops++
    )
      await page.keyboard.press("Tab");
    await expect(firstFace).toBeFocused();
    await page.keyboard.press("Space");
    await expect(firstFace).toBeChecked();
    for (let step = 0; step < 3; step++) await page.keyboard.press("ArrowRight");
    const good = page.getByRole("radio", { name: "Good", exact: true });
    await expect(good).toBeFocused();
    await expect(good).toBeChecked();
    await expect(firstFace).not.toBeChecked();
    // The chosen face's card shows the focus ring (its radio is visually hidden).
    const outline = await page.locator('label[for="face-4"]').evaluate((label) => getComputedStyle(label).outlineStyle);
    expect(outline, "outline of the focused face's card").not.toBe("none");

    await page.keyboard.press("Tab");
    await expect(page.getByLabel("What was good?")).toBeFocused();
    await page.keyboard.type("Making the jar");
    await page.keyboard.press("Tab");
    const better = page.getByLabel("What could be better?");
    await expect(better).toBeFocused();
    await page.keyboard.type(suggestion);
    await page.keyboard.press("Tab");
    const send = page.getByRole("button", { name: "Send" });
    await expect(send).toBeFocused();
    await snap(page, "child-feedback", { keepFocus: true });
    await page.keyboard.press("Enter");

    const thanks = page.getByRole("heading", { name: "Thank you!", level: 1 });
    await expect(thanks).toBeVisible();
    await expect(thanks).toBeFocused();
    await expect(page.getByText("Your answers have been sent.")).toBeVisible();
    await expect(page.getByText("Please give the tablet back now.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Sign out" })).toBeHidden();
    await snap(page, "child-feedback-thanks");
  });

  await test.step("the student sees the answer on the programme page", async () => {
    await page.getByRole("link", { name: "For the student: back to the session" }).click();
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    await expect(page.getByText("1 answer so far: see the programme page.")).toBeVisible();
    await page.goto(programmeUrl);
    const feedback = page.getByRole("region", { name: "The child's feedback" });
    await expect(feedback).toContainText(`Session 1 (${THEMES[0]}) · the child`);
    await expect(feedback).toContainText("4 (Good)");
    await expect(feedback).toContainText(`What could be better: ${suggestion}`);
  });

  await test.step("Priya sees the suggestion on /team/suggestions without the child's name or code", async () => {
    await switchTo(page, DEMO.pe);
    await page.getByRole("link", { name: "Children's suggestions" }).click();
    await expect(page).toHaveURL(/\/team\/suggestions$/);
    await expect(page.getByRole("heading", { name: "What children asked for", level: 1 })).toBeVisible();
    const branch = page
      .getByRole("list", { name: "Suggestions by session theme" })
      .locator("details")
      .filter({ has: page.locator("summary", { hasText: THEMES[0] }) });
    const leaf = branch.locator("blockquote").filter({ hasText: anonymised });
    await expect(leaf).toBeVisible();
    await expect(leaf).toContainText("Asked once · by a child · sessions rated 4 (Good)");
    const main = page.locator("main");
    await expect(main).not.toContainText(child.firstName);
    await expect(main).not.toContainText(child.lastName);
    await expect(main).not.toContainText(child.code);
  });
});

test("who sees the child: the student by name, the on-site supervisor by code, the tutor nothing", async ({ page }) => {
  test.setTimeout(180_000);
  const { child, programmeUrl, startDate } = await childWithProgramme(page, "Barnaby");

  await test.step("Amira records the first session, naming the child in the notes", async () => {
    await switchTo(page, DEMO.studentAmira);
    await page.goto(programmeUrl);
    await recordAttended(page, programmeUrl, 1, THEMES[0], startDate, {
      whatWasDone: `${child.firstName} and I made a strengths shield.`,
      childsWords: `My name is ${child.firstName} and I am brave.`,
      reflection: "Good rapport from the start.",
      rating: 5,
    });
  });

  await test.step("Amira sees the child's record with their name", async () => {
    await page.goto(child.url);
    await expect(page.getByRole("heading", { name: child.label, level: 1 })).toBeVisible();
    const about = page.getByRole("region", { name: "About the child" });
    await expect(about).toContainText(child.name);
    await expect(about).toContainText(child.code);
    await expect(page.getByText(`Direct work with ${STUDENT} — current`)).toBeVisible();
    await expect(page.getByRole("link", { name: "Open the programme of sessions" })).toHaveAttribute(
      "href",
      programmeUrl,
    );
    await snap(page, "child-record-student");
  });

  await test.step("Sam Rivers, Amira's on-site supervisor, sees the child and the work by code only", async () => {
    await switchTo(page, DEMO.onsite);
    await page.goto(child.url);
    await expect(page.getByRole("heading", { name: child.code, level: 1, exact: true })).toBeVisible();
    await expect(
      page.getByText("You see this child by code only. Names are shown to the people working with the child."),
    ).toBeVisible();
    await expect(page.getByRole("region", { name: "About the child" })).toHaveCount(0);
    await expect(page.getByRole("region", { name: "Referrals" })).toHaveCount(0);
    const main = page.locator("main");
    await expect(main).not.toContainText(child.firstName);
    await expect(main).not.toContainText(child.lastName);
    await expect(page.getByText(`Direct work with ${STUDENT} — current`)).toBeVisible();
    await expect(page.getByText("Allocate to a student", { exact: true })).toHaveCount(0);
    await snap(page, "child-record-onsite");

    await page.getByRole("link", { name: "Open the programme of sessions" }).click();
    await expect(page).toHaveURL(new RegExp(`${programmeUrl}$`));
    await expect(
      page.getByRole("heading", { name: `Direct work with ${child.code}`, level: 1, exact: true }),
    ).toBeVisible();
    await expect(main).not.toContainText(child.firstName);
    await expect(main).not.toContainText(child.lastName);
    // Read-only: no forms.
    await expect(page.getByRole("button", { name: "Add session" })).toHaveCount(0);
    await expect(page.getByText("Set the goals", { exact: true })).toHaveCount(0);
    await page.getByRole("link", { name: "View session 1", exact: true }).click();
    await expect(page.getByRole("heading", { name: `Session 1: ${THEMES[0]}`, level: 1 })).toBeVisible();
    // The notes name the child; the on-site supervisor reads them with the name taken out.
    await expect(main).toContainText("[name] and I made a strengths shield.");
    await expect(main).toContainText("My name is [name] and I am brave.");
    await expect(main).not.toContainText(child.firstName);
    await expect(page.getByRole("button", { name: "Save session record" })).toHaveCount(0);
  });

  await test.step("Dr Helen Marsh, Amira's tutor, gets Page not found for the child, the programme and the caseload", async () => {
    await switchTo(page, DEMO.tutorSevernside);
    await expect(page.getByRole("link", { name: "Caseloads" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Children", exact: true })).toHaveCount(0);
    for (const url of [child.url, programmeUrl, "/caseload"]) {
      const response = await page.goto(url);
      expect(response?.status(), `HTTP status of ${url}`).toBe(404);
      await expect(page.getByRole("heading", { name: "Page not found", level: 1 }), url).toBeVisible();
      const main = page.locator("main");
      await expect(main).not.toContainText(child.code);
      await expect(main).not.toContainText(child.firstName);
      await expect(main).not.toContainText(child.lastName);
      if (url === child.url) await snap(page, "child-record-tutor-404");
    }
  });
});
