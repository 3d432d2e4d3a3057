import { expect, test, type Page } from "@playwright/test";
import { apiAs, DEMO, placementIdOf, todayInUk, formatDate, uniqueSuffix, useSessionOf } from "./support";

// The life of a piece of evidence through the UI: Amira (student) writes it,
// maps it to two PCF domains and attaches a PDF, submits; Priya (her PE) asks
// for changes; Amira edits and resubmits; Priya accepts; the Severnside tutor
// sees it, its coverage, and downloads the PDF.

/** A tiny, valid one-page PDF made here, so the test needs no fixture file. */
function tinyPdf(): Buffer {
  return Buffer.from(
    "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 100]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
    "latin1",
  );
}

let baseURL: string;
let placementId: string;

test.beforeAll(async ({}, testInfo) => {
  baseURL = testInfo.project.use.baseURL!;
  const admin = await apiAs(baseURL, DEMO.admin);
  placementId = await placementIdOf(admin, "Amira Hussain");
  await admin.dispose();
});

async function statusIs(page: Page, label: string) {
  await expect(page.locator("p", { hasText: "Status:" }).getByText(label, { exact: true })).toBeVisible();
}

test("evidence from draft to accepted, seen by the tutor with its coverage and attachment", async ({ page }) => {
  const title = `Strengths-based session plan ${uniqueSuffix()}`;

  // The student adds evidence mapped to two PCF domains.
  await useSessionOf(page, baseURL, DEMO.studentAmira);
  await page.goto(`/placements/${placementId}/portfolio`);
  await expect(page.getByRole("heading", { name: "Portfolio", level: 1 })).toBeVisible();
  await page.getByRole("link", { name: "Add evidence" }).click();
  await expect(page.getByRole("heading", { name: "Add evidence", level: 1 })).toBeVisible();

  // Saving an empty form shows the errors and saves nothing.
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("alert").getByText("Enter the title")).toBeVisible();
  await expect(page).toHaveURL(/\/portfolio\/new$/);

  await page.getByLabel("Title").fill(title);
  await expect(page.getByLabel("Date")).toHaveValue(todayInUk());
  await page.getByLabel("Type of evidence").selectOption({ label: "Session plan" });
  await page
    .getByLabel("Evidence", { exact: true })
    .fill(
      "I planned a six-week programme of direct work in school.\n\nI chose activities that start from what the young person is good at.",
    );
  // Each framework is one line until opened; its line counts the capabilities chosen.
  const pcfLine = page.locator("summary", { hasText: /^PCF — Professional Capabilities Framework/ });
  await expect(pcfLine).toContainText("0 of 9 chosen");
  await pcfLine.click();
  const pcf = page.getByRole("group", { name: /^PCF — Professional Capabilities Framework/ });
  await pcf.getByLabel("5. Knowledge").check();
  await pcf.getByLabel("7. Skills and Interventions").check();
  await expect(pcfLine).toContainText("2 of 9 chosen");
  // The note each ticked capability needs is shown, and says it is required, before anything is saved.
  await expect(page.getByLabel("How this evidence shows PCF 5 (required)")).toBeVisible();
  await page
    .getByLabel("How this evidence shows PCF 5")
    .fill("I used research on strengths-based practice to choose the activities.");
  await page.getByLabel("How this evidence shows PCF 7").fill("I planned the sessions and the activities myself.");
  await page.screenshot({ path: "screenshots/evidence-form.png", fullPage: true });
  await page.getByRole("button", { name: "Save draft" }).click();

  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  const evidenceUrl = new URL(page.url()).pathname;
  expect(evidenceUrl).toMatch(/^\/evidence\/[^/]+$/);
  await statusIs(page, "Draft");
  await expect(page.getByText("PCF 5. Knowledge")).toBeVisible();

  // Attach a PDF made in the test.
  await page
    .getByRole("form", { name: "Upload an attachment" })
    .getByLabel("Attach a file")
    .setInputFiles({ name: "session-plan.pdf", mimeType: "application/pdf", buffer: tinyPdf() });
  await page.getByRole("button", { name: "Upload" }).click();
  await expect(page.getByRole("link", { name: "Download session-plan.pdf" })).toBeVisible();

  // Submit: the PE is told at once.
  await page.getByRole("button", { name: "Submit for review" }).click();
  await page.getByRole("button", { name: "Yes, submit" }).click();
  await statusIs(page, "Submitted for review");
  await expect(page.getByRole("link", { name: "Edit" })).toHaveCount(0);
  const priyaApi = await apiAs(baseURL, DEMO.pe);
  const { notifications } = await (await priyaApi.get("/api/v1/notifications")).json();
  expect(
    notifications.some(
      (note: { kind: string; link: string }) => note.kind === "EVIDENCE_SUBMITTED" && note.link === evidenceUrl,
    ),
  ).toBe(true);
  await priyaApi.dispose();

  // The PE asks for changes.
  await useSessionOf(page, baseURL, DEMO.pe);
  await page.goto(evidenceUrl);
  await page.getByRole("radio", { name: /^Ask for changes/ }).check();
  await page.getByRole("textbox", { name: "Comment" }).fill("Say how you will know whether the sessions helped.");
  await page.getByRole("button", { name: "Save review" }).click();
  await statusIs(page, "Changes requested");

  // The student edits and resubmits.
  await useSessionOf(page, baseURL, DEMO.studentAmira);
  await page.goto(evidenceUrl);
  await expect(page.getByText("Say how you will know whether the sessions helped.")).toBeVisible();
  await page.getByRole("link", { name: "Edit" }).click();
  await expect(page.getByRole("heading", { name: "Edit evidence", level: 1 })).toBeVisible();
  const body = page.getByLabel("Evidence", { exact: true });
  await body.fill(
    `${await body.inputValue()}\n\nI will use goal-based outcomes at the start, middle and end to see whether the sessions helped.`,
  );
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("goal-based outcomes at the start")).toBeVisible();
  await page.getByRole("button", { name: "Resubmit for review" }).click();
  await page.getByRole("button", { name: "Yes, resubmit" }).click();
  await statusIs(page, "Submitted for review");

  // The PE accepts: the item is locked.
  await useSessionOf(page, baseURL, DEMO.pe);
  await page.goto(evidenceUrl);
  await page.getByRole("radio", { name: /^Accept/ }).check();
  await page.getByRole("textbox", { name: "Comment" }).fill("Clear plan with a way to measure change.");
  await page.getByRole("button", { name: "Save review" }).click();
  await statusIs(page, "Accepted");
  const thread = page.getByRole("region", { name: "Review" });
  await expect(thread.getByText(/^Asked for changes · Priya Shah/)).toBeVisible();
  await expect(thread.getByText(/^Accepted · Priya Shah/)).toBeVisible();
  await page.screenshot({ path: "screenshots/evidence-item-review-thread.png", fullPage: true });

  // Accepted evidence is corrected by addenda only: the PE adds one, and it is listed under Addenda.
  await page
    .getByRole("textbox", { name: "Addendum" })
    .fill("Reviewed again after supervision: the measure of change is the goal score.");
  await page.getByRole("button", { name: "Add addendum" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Addendum added." })).toBeVisible();
  await expect(
    page
      .getByRole("region", { name: "Addenda" })
      .getByText("Reviewed again after supervision: the measure of change is the goal score."),
  ).toBeVisible();

  // The tutor sees the item, its coverage, and downloads the attachment.
  await useSessionOf(page, baseURL, DEMO.tutorSevernside);
  await page.goto(`/placements/${placementId}/portfolio`);
  const row = page.getByRole("row", { name: new RegExp(title) });
  await expect(row.getByText("Accepted", { exact: true })).toBeVisible();
  await expect(row.getByText(formatDate(todayInUk()))).toBeVisible();
  await expect(row).toContainText("PCF 5. Knowledge");
  const coverage = page.getByRole("table", { name: /Evidence for each domain/ });
  await expect(coverage.getByRole("row", { name: /^5\. Knowledge/ })).toContainText("Evidenced");
  await expect(coverage.getByRole("row", { name: /^7\. Skills and Interventions/ })).toContainText("Evidenced");
  await page.screenshot({ path: "screenshots/portfolio-coverage.png", fullPage: true });

  await page.getByRole("link", { name: title }).click();
  const downloadLink = page.getByRole("link", { name: "Download session-plan.pdf" });
  const href = await downloadLink.getAttribute("href");
  const [download] = await Promise.all([page.waitForEvent("download"), downloadLink.click()]);
  expect(download.suggestedFilename()).toBe("session-plan.pdf");
  const tutorApi = await apiAs(baseURL, DEMO.tutorSevernside);
  const file = await tutorApi.get(href!);
  expect(file.status()).toBe(200);
  expect(file.headers()["content-type"]).toBe("application/pdf");
  expect(file.headers()["content-disposition"]).toMatch(/^attachment; filename="session-plan.pdf"/);
  expect(file.headers()["x-content-type-options"]).toBe("nosniff");
  expect(file.headers()["cache-control"]).toMatch(/no-store/);
  expect((await file.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  await tutorApi.dispose();
});
