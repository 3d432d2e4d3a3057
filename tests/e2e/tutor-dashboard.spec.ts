import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import {
  anonymousApi,
  apiAs,
  DEMO,
  listPlacements,
  SEVERNSIDE_STUDENTS,
  signIn,
  THREE_COUNTIES_STUDENTS,
  useSessionOf,
} from "./support";

// The tutor's dashboard (issue 6): only their university's students, filters
// that work as a plain GET form and stay selected, the CSV of the same table,
// and the cohort coverage matrix. Screenshots of every role's dashboard.

const SCREENSHOTS = path.resolve(__dirname, "..", "..", "screenshots");
const RUNNING_SEVERNSIDE = ["Amira Hussain", "Ben Carter", "Ella Thompson", "Isaac Mensah"];

async function studentsIn(page: Page, caption: string): Promise<string[]> {
  const table = page.getByRole("table", { name: caption });
  await expect(table).toBeVisible();
  return (await table.locator("tbody tr td:first-child a").allTextContents()).map((name) => name.trim()).sort();
}

async function expectNoOtherUniversity(page: Page) {
  const main = page.locator("main");
  for (const other of THREE_COUNTIES_STUDENTS)
    await expect(main, `${other} (Three Counties) is not shown`).not.toContainText(other);
  await expect(main).not.toContainText("Three Counties");
}

async function snap(page: Page, name: string) {
  await page.waitForLoadState("load");
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur?.());
  await page.screenshot({
    path: path.join(SCREENSHOTS, `${name}.png`),
    fullPage: true,
    animations: "disabled",
    caret: "hide",
  });
}

test.beforeAll(() => mkdirSync(SCREENSHOTS, { recursive: true }));
test.use({ locale: "en-GB", timezoneId: "Europe/London" });

test("the tutor sees only Severnside students, filters by status and RAG, downloads the CSV and opens the coverage matrix", async ({
  page,
}) => {
  await signIn(page, DEMO.tutorSevernside);
  await expect(page.getByRole("heading", { name: "Hello, Helen", level: 1 })).toBeVisible();

  await test.step("by default: running placements of Severnside only, with RAG and reasons", async () => {
    // Other specs may add students to the shared demo server: assert on the demo's own.
    const running = await studentsIn(page, "Active and suspended placements");
    expect(running).toEqual(expect.arrayContaining(RUNNING_SEVERNSIDE));
    for (const notRunning of ["George Williams", "Kieran Walsh"]) expect(running).not.toContain(notRunning);
    await expect(page.getByLabel("Status", { exact: true })).toHaveValue("RUNNING");
    await expect(
      page.getByRole("img", { name: new RegExp(`RAG status of ${running.length} placements`) }),
    ).toBeVisible();
    await expectNoOtherUniversity(page);
    // No child data for tutors, anywhere on the page.
    await expect(page.locator("main")).not.toContainText(/C-\d{4}/);
    await expect(page.getByRole("columnheader", { name: "Caseload" })).toHaveCount(0);
    await snap(page, "dashboard-tutor");
  });

  await test.step("filter by status: any status adds the planned and completed placements, and stays selected", async () => {
    await page.getByLabel("Status", { exact: true }).selectOption({ label: "Any status" });
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/[?&]status=ALL/);
    expect(await studentsIn(page, "Placements matching the filters")).toEqual(
      expect.arrayContaining([...SEVERNSIDE_STUDENTS]),
    );
    await expect(page.getByLabel("Status", { exact: true })).toHaveValue("ALL");

    await page.getByLabel("Status", { exact: true }).selectOption({ label: "Suspended" });
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/[?&]status=SUSPENDED/);
    const suspended = await studentsIn(page, "Placements matching the filters");
    expect(suspended).toContain("Isaac Mensah");
    for (const active of RUNNING_SEVERNSIDE.filter((name) => name !== "Isaac Mensah"))
      expect(suspended).not.toContain(active);
    await expect(page.getByLabel("Status", { exact: true })).toHaveValue("SUSPENDED");
  });

  await test.step("filter by RAG: only rows of that RAG, and both choices stay selected", async () => {
    await page.getByLabel("Status", { exact: true }).selectOption({ label: "Any status" });
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/[?&]status=ALL/);
    const table = page.getByRole("table", { name: "Placements matching the filters" });
    const isaacRag = await table
      .getByRole("row")
      .filter({ hasText: "Isaac Mensah" })
      .locator("[data-rag]")
      .getAttribute("data-rag");
    expect(["RED", "AMBER"], "a suspended placement is never green").toContain(isaacRag);

    await page.getByLabel("RAG", { exact: true }).selectOption(isaacRag!);
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(new RegExp(`[?&]rag=${isaacRag}`));
    await expect(page.getByLabel("RAG", { exact: true })).toHaveValue(isaacRag!);
    await expect(page.getByLabel("Status", { exact: true })).toHaveValue("ALL");
    const filtered = await studentsIn(page, "Placements matching the filters");
    expect(filtered).toContain("Isaac Mensah");
    const rags = await page
      .getByRole("table", { name: "Placements matching the filters" })
      .locator("tbody [data-rag]")
      .evaluateAll((elements) => elements.map((element) => element.getAttribute("data-rag")));
    expect(new Set(rags)).toEqual(new Set([isaacRag]));

    await page.getByLabel("RAG", { exact: true }).selectOption("GREEN");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/[?&]rag=GREEN/);
    await expect(page.locator("main")).not.toContainText("Isaac Mensah");
  });

  await test.step("the CSV has the same filters: header and a student's row, nobody from another university", async () => {
    await page.getByLabel("RAG", { exact: true }).selectOption("");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/status=ALL/);
    await expect(page).not.toHaveURL(/rag=[A-Z]/);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: /Download CSV/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^placements-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync(await download.path()!, "utf8").replace(/^\uFEFF/, "");
    const lines = csv.split("\r\n");
    expect(lines[0]).toMatch(
      /^Student,University,Programme,Cohort,Team,Setting,Level,Status,Start date,Planned end date,Practice educator,RAG,RAG reasons,Days completed,/,
    );
    expect(lines[0]).not.toContain("Children allocated");
    const amira = lines.find((line) => line.startsWith("Amira Hussain,"));
    expect(amira).toContain(",Severnside University,");
    expect(amira).toMatch(/,(Red|Amber|Green),/);
    for (const student of SEVERNSIDE_STUDENTS)
      expect(
        lines.some((line) => line.startsWith(`${student},Severnside University,`)),
        `${student} is in the CSV`,
      ).toBe(true);
    // One row per placement on the page: the CSV and the table agree.
    const onPage = await studentsIn(page, "Placements matching the filters");
    expect(lines.filter((line) => line.length > 0)).toHaveLength(1 + onPage.length);
    for (const other of THREE_COUNTIES_STUDENTS) expect(csv).not.toContain(other);
  });

  await test.step("the cohort coverage matrix, from the header link", async () => {
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Cohort coverage" }).click();
    await expect(page).toHaveURL(/\/cohort-coverage/);
    await expect(page.getByRole("heading", { name: "Cohort coverage", level: 1 })).toBeVisible();
    const matrix = page.getByRole("table", { name: /PCF coverage by student/ });
    await expect(matrix.getByRole("rowheader", { name: /Amira Hussain/ })).toBeVisible();
    for (const domain of ["Professionalism", "Values and Ethics", "Professional Leadership"])
      await expect(matrix.getByRole("columnheader", { name: new RegExp(domain) })).toBeVisible();
    await expectNoOtherUniversity(page);
    await snap(page, "coverage-tutor");
  });
});

test("the CSV and progress API answer with the right headers and only the caller's placements", async ({ baseURL }) => {
  const tutor = await apiAs(baseURL!, DEMO.tutorSevernside);
  const csv = await tutor.get("/api/v1/exports/placements.csv?status=ALL");
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(csv.headers()["content-disposition"]).toMatch(/^attachment; filename="placements-\d{4}-\d{2}-\d{2}\.csv"$/);

  const visible = new Set((await listPlacements(tutor)).map((row) => row.id));
  const response = await tutor.get("/api/v1/progress?status=ALL&limit=200");
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body.progress.length).toBe(visible.size);
  for (const item of body.progress) {
    expect(visible.has(item.placementId)).toBe(true);
    expect(item.childWork).toBeUndefined();
    expect(["RED", "AMBER", "GREEN"]).toContain(item.rag.status);
  }

  const bad = await tutor.get("/api/v1/progress?limit=0");
  expect(bad.status()).toBe(422);

  // Another university's placement is a 404 on the single route.
  const admin = await apiAs(baseURL!, DEMO.admin);
  const chloe = (await listPlacements(admin)).find((row) => row.studentName === "Chloe Davies")!;
  expect((await tutor.get(`/api/v1/placements/${chloe.id}/progress`)).status()).toBe(404);
  expect((await admin.get(`/api/v1/placements/${chloe.id}/progress`)).status()).toBe(200);
  const anonymous = await anonymousApi(baseURL!);
  expect((await anonymous.get("/api/v1/progress")).status()).toBe(401);
  await Promise.all([tutor.dispose(), admin.dispose(), anonymous.dispose()]);
});

test.describe("screenshots of each dashboard", () => {
  const homes = [
    { shot: "dashboard-pe", email: DEMO.pe, shows: null, heading: "My students" },
    { shot: "dashboard-admin", email: DEMO.admin, shows: "Active and suspended placements", heading: null },
    { shot: "dashboard-student", email: DEMO.studentAmira, shows: null, heading: "My placement" },
  ];
  for (const home of homes) {
    test(home.shot, async ({ page, baseURL }) => {
      await useSessionOf(page, baseURL!, home.email);
      await page.goto("/");
      if (home.shows) await expect(page.getByRole("table", { name: home.shows })).toBeVisible();
      else await expect(page.getByRole("heading", { name: home.heading!, level: 2 })).toBeVisible();
      await snap(page, home.shot);
    });
  }

  test("the PE sees caseloads by child code only, and weekly supervision charts", async ({ page, baseURL }) => {
    await useSessionOf(page, baseURL!, DEMO.pe);
    await page.goto("/");
    await expect(page.getByRole("img", { name: /Supervision sessions per week/ }).first()).toBeVisible();
    await expect(page.getByRole("img", { name: /PCF coverage/ }).first()).toBeVisible();
    await expect(page.getByRole("table", { name: /Amira Hussain's caseload, children by code/ })).toBeVisible();
  });

  test("the tutor's dashboard and the cohort report on a phone", async ({ page, baseURL }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await useSessionOf(page, baseURL!, DEMO.tutorSevernside);
    await page.goto("/");
    await expect(page.getByRole("table", { name: "Active and suspended placements" })).toBeVisible();
    await snap(page, "dashboard-tutor-phone");
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto("/reports/cohort?status=ALL");
    await expect(page.getByRole("heading", { name: "Cohort report: Severnside University", level: 1 })).toBeVisible();
    await expect(page.getByRole("button", { name: "Print or save as PDF" })).toBeVisible();
    await snap(page, "cohort-report");
  });
});
