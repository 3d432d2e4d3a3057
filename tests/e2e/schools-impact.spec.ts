import { mkdirSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { DEMO, signIn } from "./support";

// Partner schools and the impact report through the real UI (app/school/**,
// app/school-requests, app/reports/impact, docs/domain.md "Partner schools"
// and "Impact report"): a school contact asks for support for a pupil, a
// request without consent is refused beside its field, the team manager
// accepts it, the school sees the new status and nothing of other schools;
// the manager reads the impact report and its shared version; a student turns
// a finished programme into an evidence draft by code only.

const SCREENSHOTS = path.resolve(__dirname, "..", "..", "screenshots");
const NORTHWICK_CONTACT = "rachel.bishop@northwick.example.sch.uk";
const SEVERN_VALE_CONTACT = "marcus.lane@severnvale.example.sch.uk";

test.use({ locale: "en-GB", timezoneId: "Europe/London", actionTimeout: 15_000 });

// A long journey through four sign-ins on a shared machine.
test.setTimeout(240_000);

test.beforeAll(() => {
  mkdirSync(SCREENSHOTS, { recursive: true });
});

async function snap(page: Page, name: string) {
  await page.waitForLoadState("networkidle");
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur?.());
  await page.mouse.move(0, 0);
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({
      path: path.join(SCREENSHOTS, `${name}-${width}.png`),
      fullPage: true,
      animations: "disabled",
    });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function switchTo(page: Page, email: string) {
  await page.context().clearCookies();
  await signIn(page, email);
}

function letters(length = 6) {
  return Array.from({ length }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join("");
}

test("a school asks for support, the manager accepts, the school sees it and the impact report counts it", async ({
  page,
}) => {
  const lastName = `Pupil${letters()}`.replace(/\d/g, "");
  const pupil = `Robin ${lastName}`;

  await signIn(page, NORTHWICK_CONTACT);
  await expect(page).toHaveURL(/\/school$/);
  await expect(page.getByRole("heading", { name: "Requests for support" })).toBeVisible();
  // The school's menu has no children, caseloads or placements.
  const nav = page.getByRole("navigation").first();
  await expect(nav.getByRole("link", { name: "Children" })).toHaveCount(0);
  await snap(page, "school-requests-list");

  await page.getByRole("link", { name: "Ask for support for a pupil" }).click();
  await page.getByLabel("Pupil's first name").fill("Robin");
  await page.getByLabel("Pupil's last name").fill(lastName);
  await page.getByLabel("Date of birth").fill("2015-02-03");
  await page.getByLabel("Year group").fill("6");
  await page
    .getByLabel("Why are you asking for support?")
    .fill("Withdrawn since a bereavement; not joining in at break.");
  await page.getByRole("button", { name: "Send the request" }).click();
  // No consent, no agreement: refused beside the fields, nothing sent.
  await expect(page.getByText("once a parent or carer has consented").first()).toBeVisible();
  await expect(page.getByText("once the pupil has agreed").first()).toBeVisible();
  await snap(page, "school-request-form-errors");

  await page.getByLabel("A parent or carer has consented").check();
  await page.getByLabel("The pupil has agreed to meet a student social worker").check();
  await page.getByLabel("Date the parent or carer consented").fill("2026-01-05");
  await page.getByRole("button", { name: "Send the request" }).click();
  await expect(page.getByRole("status")).toContainText("Your request has been sent to the team.");
  const row = page.getByRole("listitem").filter({ hasText: pupil });
  await expect(row).toContainText("Received: the team will decide");

  // Another school sees nothing of it.
  await switchTo(page, SEVERN_VALE_CONTACT);
  await expect(page.getByRole("heading", { name: "Requests for support" })).toBeVisible();
  await expect(page.getByText(lastName)).toHaveCount(0);
  expect((await page.request.get("/children")).status()).toBe(404);

  // The manager accepts it.
  await switchTo(page, DEMO.admin);
  await page.goto("/school-requests");
  const request = page.getByRole("article").filter({ hasText: pupil });
  await expect(request).toContainText("through the app");
  await request.getByLabel("Decision").selectOption("ACCEPTED");
  await request.getByRole("button", { name: "Record decision" }).click();
  await expect(page.getByRole("article").filter({ hasText: pupil })).toHaveCount(0);
  await expect(page.getByRole("listitem").filter({ hasText: pupil })).toContainText("Accepted");

  // The impact report counts the referral; its shared version hides small numbers.
  await page.goto("/reports/impact");
  await expect(page.getByRole("heading", { name: "Impact report" })).toBeVisible();
  await expect(page.getByRole("table", { name: /^Direct work by theme/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: "What children said" })).toBeVisible();
  await snap(page, "impact-report-team");
  await page.getByLabel("Version").selectOption("shared");
  await page.getByRole("button", { name: "Show the report" }).click();
  await expect(page.getByText("the version to share outside the team")).toBeVisible();
  await snap(page, "impact-report-shared");
  const csv = await page.request.get("/api/v1/exports/impact.csv?from=2025-09-01&to=2026-12-31&audience=shared");
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain("Section,Row,Measure,Value");

  // A period that ends before it starts is refused in words.
  await page.goto("/reports/impact?from=2026-09-01&to=2026-01-01");
  await expect(page.getByRole("alert").filter({ hasText: "problem with the period" })).toContainText(
    "The end of the period cannot be before its start",
  );

  // The school sees the new status, and its own impact report.
  await switchTo(page, NORTHWICK_CONTACT);
  await expect(page.getByRole("listitem").filter({ hasText: pupil })).toContainText("Accepted: waiting for a student");
  await page.getByRole("link", { name: "What the work has achieved at your school" }).click();
  await expect(page.getByText("Northwick Park Academy").first()).toBeVisible();
  await expect(page.getByText("Severn Vale High School")).toHaveCount(0);
  await snap(page, "impact-report-school");
});

test("a student turns a finished programme into an evidence draft, the child by code only", async ({ page }) => {
  await signIn(page, DEMO.studentAmira);
  await page.goto("/caseload");
  const links = await page
    .locator('a[href^="/programmes/"]')
    .evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute("href")!));
  let found = false;
  for (const href of links) {
    await page.goto(href);
    const button = page.getByRole("button", { name: "Turn this into portfolio evidence" });
    if ((await button.count()) === 0) continue;
    await button.click();
    await expect(page).toHaveURL(/\/evidence\/[^/]+\/edit$/);
    found = true;
    break;
  }
  expect(found).toBe(true);
  const body = await page.getByLabel("Evidence", { exact: true }).inputValue();
  expect(body).toContain("planned sessions held");
  expect(body).toMatch(/C-\d+/);
  await expect(page.getByLabel("Child's code (optional)")).toHaveValue(/^C-\d+$/);
  await snap(page, "evidence-from-programme");
});
