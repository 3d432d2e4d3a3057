import { mkdirSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { apiAs, DEMO, placementIdOf, useSessionOf } from "./support";

// The university's side through the real UI (docs/domain.md "The university's
// side"): the lead of the panel sitting today scrutinises Jade Robinson's PAD
// (returned by the last panel and answered by her PE) and confirms it; Jade
// and her PE then see the outcome on the final assessment. A new panel with
// nothing to sample says so. Lucy Nowak completes her QAPL evaluation and the
// board's overview counts it without showing a group under five students.
// Screenshots at 1280 and 390 px land in screenshots/.

const SCREENSHOTS = path.resolve(__dirname, "..", "..", "screenshots");
const JADE = "jade.robinson@students.threecounties.example.ac.uk";
const LUCY = "lucy.nowak@students.threecounties.example.ac.uk";

test.use({ locale: "en-GB", timezoneId: "Europe/London" });
test.describe.configure({ mode: "serial" });

test.beforeAll(() => {
  mkdirSync(SCREENSHOTS, { recursive: true });
});

async function shoot(page: Page, name: string) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: path.join(SCREENSHOTS, `university-${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("the panel lead confirms a returned PAD; the student and the PE see the outcome", async ({ page, baseURL }) => {
  await useSessionOf(page, baseURL!, DEMO.tutorThreeCounties);
  await page.goto("/panels");
  await expect(page.getByRole("heading", { name: "Practice assessment panels" })).toBeVisible();
  await page.getByRole("link", { name: "BA Social Work, winter panel" }).click();
  await expect(page.getByRole("heading", { name: "BA Social Work, winter panel" })).toBeVisible();
  await expect(page.getByText("Returned by an earlier panel, answered by the PE")).toBeVisible();
  await shoot(page, "panel-sample");

  await page.getByRole("link", { name: /Jade Robinson\s*: scrutinise/ }).click();
  await expect(page.getByRole("heading", { name: "Scrutiny: Jade Robinson" })).toBeVisible();
  await expect(page.getByText(/I have added two pieces of carer feedback/)).toBeVisible();
  await shoot(page, "scrutiny-form");

  // Nothing chosen: the summary lists what is missing and nothing is saved.
  await page.getByRole("button", { name: "Record the decision" }).click();
  await expect(page.getByRole("alert").getByText("There is a problem: check the highlighted fields.")).toBeVisible();

  for (const question of [
    "Is the evidence sufficient?",
    "Is the holistic judgement supported by the evidence?",
    "Are the PCF domains evidenced at the right level?",
    "Is service-user or carer feedback present?",
    "Are the signatures complete?",
  ])
    await page.getByRole("group", { name: question }).getByLabel("Yes").check();
  await page.getByRole("group", { name: "Decision" }).getByLabel("Recommendation confirmed").check();
  await page
    .getByLabel("Reasons for the decision")
    .fill("The carer feedback now in the portfolio supports the pass; the summary explains how.");
  await page.getByRole("button", { name: "Record the decision" }).click();
  await expect(page.getByRole("heading", { name: "BA Social Work, winter panel" })).toBeVisible();
  await expect(page.getByRole("cell", { name: /Recommendation confirmed/ })).toBeVisible();

  const admin = await apiAs(baseURL!, DEMO.admin);
  const placementId = await placementIdOf(admin, "Jade Robinson");
  await admin.dispose();
  for (const email of [JADE, DEMO.pe]) {
    await useSessionOf(page, baseURL!, email);
    await page.goto(`/placements/${placementId}/final-assessment`);
    const outcome = page.getByRole("region", { name: "Practice assessment panel" });
    await expect(outcome.getByText(/BA Social Work, winter panel, .*: Recommendation confirmed/)).toBeVisible();
    await expect(outcome.getByText(/BA Social Work, autumn panel, .*: Returned for more evidence/)).toBeVisible();
  }
});

test("a panel with no completed final assessments to sample says so", async ({ page, baseURL }) => {
  await useSessionOf(page, baseURL!, DEMO.tutorThreeCounties);
  await page.goto("/panels/new");
  await page.getByLabel("Degree programme").selectOption({ label: "MA Social Work" });
  await page.getByLabel("Name").fill("MA Social Work, extra panel");
  await page.getByRole("button", { name: "Set up the panel" }).click();
  await expect(page.getByRole("heading", { name: "MA Social Work, extra panel" })).toBeVisible();
  await page.getByRole("button", { name: "Draw the sample" }).click();
  await expect(page.getByRole("status")).toHaveText(
    /No completed final assessments of MA Social Work are waiting for a panel/,
  );
});

test("a student completes a QAPL evaluation; the board's overview counts it", async ({ page, baseURL }) => {
  await useSessionOf(page, baseURL!, LUCY);
  await page.goto("/qapl");
  await page.getByRole("link", { name: /Lucy Nowak's placement, ended/ }).click();
  await expect(page.getByRole("heading", { name: "QAPL evaluation" })).toBeVisible();
  await page.getByRole("button", { name: "Submit the evaluation" }).click();
  await expect(page.getByRole("alert").getByText(/Rate: Induction to the team and setting/)).toBeVisible();
  const groups = page.getByRole("group");
  for (let index = 0; index < (await groups.count()); index++) await groups.nth(index).getByLabel("4 – good").check();
  await page.getByLabel("Comments (optional)").fill("The team were kind when things went wrong.");
  await page.getByRole("button", { name: "Submit the evaluation" }).click();
  await expect(page.getByText("You have submitted your evaluation.")).toBeVisible();
  await expect(page.getByRole("heading", { name: /Student's evaluation/ })).toBeVisible();

  await useSessionOf(page, baseURL!, DEMO.tutorThreeCounties);
  await page.goto("/qapl");
  const byTeam = page.getByRole("table", { name: /By team/ });
  await expect(byTeam.getByRole("row", { name: /Positive Outcomes Project/ }).first()).toContainText(
    "fewer than 5: not shown",
  );
  await shoot(page, "qapl-overview");
});

test("the register flags a lapsed refresher", async ({ page, baseURL }) => {
  await useSessionOf(page, baseURL!, DEMO.admin);
  await page.goto("/pe-register");
  await expect(page.getByRole("row", { name: /Tom Fletcher/ })).toContainText("Refresher overdue");
  await shoot(page, "pe-register");
});
