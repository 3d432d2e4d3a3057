import { mkdirSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { apiAs, DEMO, placementIdOf, todayInUk, uniqueSuffix, useSessionOf } from "./support";

// Direct observations, reviews and causes for concern through the real UI, on
// Amira Hussain's placement (PE Priya Shah, Severnside tutor H Marsh). Another
// helper seeds portfolio demo data, so every check is on what this spec
// creates, or a change relative to what was there before.

const SCREENSHOTS = path.resolve(__dirname, "..", "..", "screenshots");
const STUDENT_NAME = "Amira Hussain";

test.use({ locale: "en-GB", timezoneId: "Europe/London" });

let placementId: string;

test.beforeAll(async ({ baseURL }) => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const api = await apiAs(baseURL!, DEMO.pe);
  placementId = await placementIdOf(api, STUDENT_NAME);
  await api.dispose();
});

/** "2 of 3 done" -> 2 */
async function observationsDone(page: Page): Promise<number> {
  await page.goto(`/placements/${placementId}/observations`);
  const text = (await page.getByTestId("observation-progress").textContent()) ?? "";
  const match = text.match(/^(\d+) of (\d+) done$/);
  expect(match, `progress reads "${text}"`).not.toBeNull();
  return Number(match![1]);
}

async function observationFromApi(api: APIRequestContext, id: string) {
  const response = await api.get(`/api/v1/observations/${id}`);
  expect(response.status()).toBe(200);
  return (await response.json()).observation as {
    preparationNote: string;
    feedback: string;
    reflection: string;
    done: boolean;
    domains: Array<{ code: string; note: string }>;
  };
}

test("a direct observation: planned by the PE, prepared for and reflected on by the student, feedback mapped to two PCF domains", async ({
  page,
  baseURL,
}) => {
  const suffix = uniqueSuffix();
  const activity = `Home visit with the family of C-1001 (${suffix})`;

  await useSessionOf(page, baseURL!, DEMO.pe);
  const doneBefore = await observationsDone(page);
  await page.getByLabel("Date of the observation").fill(todayInUk());
  await page.getByLabel("Activity to be observed").fill(activity);
  await page.getByRole("button", { name: "Plan the observation" }).click();
  await expect(page).toHaveURL(/\/observations\/[^/]+$/);
  const observationId = page.url().split("/").pop()!;
  await expect(page.getByText(activity)).toBeVisible();
  await expect(page.getByText("Waiting for the observer's feedback")).toBeVisible();

  // The student writes her preparation.
  await useSessionOf(page, baseURL!, DEMO.studentAmira);
  await page.goto(`/observations/${observationId}`);
  await page
    .getByLabel("Your preparation")
    .fill(`I will explain my role first and check what the family expects (${suffix}).`);
  await page.getByRole("button", { name: "Save my preparation" }).click();
  const studentApi = await apiAs(baseURL!, DEMO.studentAmira);
  await expect
    .poll(async () => (await observationFromApi(studentApi, observationId)).preparationNote)
    .toContain(suffix);
  // The student cannot write the feedback: there is no form for it.
  await expect(page.getByLabel("Feedback", { exact: true })).toHaveCount(0);

  // The PE writes the feedback, mapped to two domains.
  await useSessionOf(page, baseURL!, DEMO.pe);
  await page.goto(`/observations/${observationId}`);
  await expect(page.getByText(`I will explain my role first`)).toBeVisible();
  await page
    .getByLabel("Feedback", { exact: true })
    .fill("Warm and clear; explained the purpose of the visit and listened to the child's view.");
  await page.getByRole("button", { name: "Save the feedback" }).click();
  await expect(page.getByText("Map the feedback to at least one PCF domain").first()).toBeVisible();
  await page.getByLabel("1. Professionalism", { exact: true }).check();
  await page.getByLabel("What you saw of Professionalism").fill("Introduced herself and her role; kept to time.");
  await page.getByLabel("7. Skills and Interventions", { exact: true }).check();
  await page
    .getByLabel("What you saw of Skills and Interventions")
    .fill("Used open questions to hear the child's view.");
  await page.getByRole("button", { name: "Save the feedback" }).click();
  await expect(page.getByText("Done: feedback written")).toBeVisible();

  // The student reflects, and sees the feedback with its domains.
  await useSessionOf(page, baseURL!, DEMO.studentAmira);
  await page.goto(`/observations/${observationId}`);
  await expect(page.getByRole("term").filter({ hasText: "7. Skills and Interventions" })).toBeVisible();
  await page
    .getByLabel("Your reflection")
    .fill("Next time I would slow down and leave more silence for the child to answer.");
  await page.getByRole("button", { name: "Save my reflection" }).click();
  await expect
    .poll(async () => (await observationFromApi(studentApi, observationId)).reflection)
    .toContain("leave more silence");
  const saved = await observationFromApi(studentApi, observationId);
  expect(saved.done).toBe(true);
  expect(saved.domains.map((domain) => domain.code)).toEqual(["PROFESSIONALISM", "SKILLS_AND_INTERVENTIONS"]);
  await studentApi.dispose();
  await page.reload();
  await page.screenshot({ path: path.join(SCREENSHOTS, "portfolio-observation.png"), fullPage: true });

  // One more done on the PE's progress.
  await useSessionOf(page, baseURL!, DEMO.pe);
  expect(await observationsDone(page)).toBe(doneBefore + 1);
});

test("the reviews page shows the three meetings with due dates and states", async ({ page, baseURL }) => {
  await useSessionOf(page, baseURL!, DEMO.pe);
  await page.goto(`/placements/${placementId}/reviews`);
  for (const heading of ["Practice learning agreement meeting", "Midpoint review", "Final review"]) {
    const section = page.getByRole("region", { name: heading });
    await expect(section).toBeVisible();
    await expect(section.getByText(/Due by|No due date yet/)).toBeVisible();
    await expect(section.getByText(/Done|Overdue|Due soon|Not due yet/).first()).toBeVisible();
  }
  await expect(page.getByRole("heading", { name: "Supervision sessions held so far" })).toBeVisible();

  // The PE records the learning agreement (or edits it, if the demo data already holds one).
  const suffix = uniqueSuffix();
  const agreement = page.getByRole("region", { name: "Practice learning agreement meeting" });
  await agreement.getByRole("link", { name: /^(Record|Edit) the practice learning agreement meeting$/ }).click();
  await expect(page).toHaveURL(/\/reviews\/learning-agreement$/);
  await page.getByLabel("Learning needs").fill("");
  await page.getByRole("button", { name: /^(Record the meeting|Save changes)$/ }).click();
  await expect(page.getByText("Enter the student's learning needs").first()).toBeVisible();
  await page.getByLabel("University tutor").check();
  await page.getByLabel("Learning needs").fill(`Assessment skills and report writing (${suffix})`);
  await page.getByLabel("Learning opportunities promised").fill("Co-work two child in need assessments with Priya.");
  await page.getByLabel("Supervision arrangements").fill("Weekly, Tuesday mornings, 90 minutes.");
  await page.getByRole("button", { name: /^(Record the meeting|Save changes)$/ }).click();
  await expect(page).toHaveURL(new RegExp(`/placements/${placementId}/reviews$`));
  await expect(agreement.getByText(`Assessment skills and report writing (${suffix})`)).toBeVisible();
  await expect(agreement.getByText("Done").first()).toBeVisible();
  await page.screenshot({ path: path.join(SCREENSHOTS, "portfolio-reviews.png"), fullPage: true });
});

test("the tutor raises a cause for concern; the PE sees it on the home page and records the stage 1 meeting", async ({
  page,
  baseURL,
}) => {
  const suffix = uniqueSuffix();
  const summary = `Amira has missed two planned visits without telling the team (${suffix}).`;

  await useSessionOf(page, baseURL!, DEMO.tutorSevernside);
  await page.goto(`/placements/${placementId}/concerns`);
  await page.getByRole("button", { name: "Raise the concern" }).click();
  await expect(page.getByText(/needs at least 10 characters|Enter the summary/).first()).toBeVisible();
  await page.getByLabel("What is the concern?").fill(summary);
  await page.getByRole("button", { name: "Raise the concern" }).click();
  await expect(page).toHaveURL(/\/concerns\/[^/]+$/);
  const concernId = page.url().split("/").pop()!;
  await expect(page.getByText(summary)).toBeVisible();
  await expect(page.getByText("Open: stage 1 meeting to be held")).toBeVisible();

  await useSessionOf(page, baseURL!, DEMO.pe);
  await page.goto("/");
  const notice = page.getByRole("region", { name: /open causes? for concern/ });
  await expect(notice).toBeVisible();
  await notice.locator(`a[href="/concerns/${concernId}"]`).click();
  await expect(page).toHaveURL(new RegExp(`/concerns/${concernId}$`));

  // Out of order is not offered: the form records the next step only.
  await expect(page.getByRole("heading", { name: "Record the next step: stage 1 concerns meeting" })).toBeVisible();
  await page.getByLabel("Notes").fill("Met with Amira and the tutor; agreed to set out an action plan on attendance.");
  await page.getByRole("button", { name: "Record the stage 1 concerns meeting" }).click();
  await expect(page.getByText("Open: stage 1 meeting held: action plan to be agreed")).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "Stage 1 concerns meeting" }).first()).toBeVisible();

  await page.getByLabel("Action", { exact: true }).fill("Phone the duty manager before 9am when unable to attend");
  await page.getByLabel("Due by").fill(todayInUk());
  await page.getByRole("button", { name: "Add the action" }).click();
  await expect(
    page.getByRole("cell", { name: "Phone the duty manager before 9am when unable to attend", exact: true }),
  ).toBeVisible();
  await page.screenshot({ path: path.join(SCREENSHOTS, "portfolio-concern.png"), fullPage: true });
});
