import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { apiAs, DEMO, listPlacements, useSessionOf } from "./support";

// The final assessment through the real UI: the PE writes the report (and is
// stopped from signing it half-written), signs; the student writes her
// reflection and signs; the on-site supervisor signs; the tutor downloads the
// Practice Assessment Document as a PDF. The placement is chosen by rule, not
// by seed data: Priya Shah's active placement that has no final assessment yet
// (an on-site supervisor's preferred), so another spec's or the portfolio
// seed's data cannot get in the way.

const SCREENSHOTS = path.resolve(__dirname, "..", "..", "screenshots");
const PCF = [
  "1. Professionalism",
  "2. Values and Ethics",
  "3. Diversity and Equality",
  "4. Rights, Justice and Economic Wellbeing",
  "5. Knowledge",
  "6. Critical Reflection and Analysis",
  "7. Skills and Interventions",
  "8. Contexts and Organisations",
  "9. Professional Leadership",
];
const ONSITE_EMAILS: Record<string, string> = {
  "Sam Rivers": DEMO.onsite,
  "Nadia Kowalski": "nadia.kowalski@pop.example.org",
};
const TUTOR_EMAILS: Record<string, string> = {
  "Severnside University": DEMO.tutorSevernside,
  "Three Counties University": DEMO.tutorThreeCounties,
};

test.use({ locale: "en-GB", timezoneId: "Europe/London" });

test.beforeAll(() => {
  mkdirSync(SCREENSHOTS, { recursive: true });
});

type Candidate = {
  id: string;
  studentName: string;
  studentEmail: string;
  onsiteName: string | null;
  universityName: string;
};

/** The demo world's student emails follow the seed's rule (prisma/seed/demo-world.ts). */
function studentEmail(name: string, universityName: string) {
  const domain = universityName.startsWith("Severnside")
    ? "students.severnside.example.ac.uk"
    : "students.threecounties.example.ac.uk";
  return `${name.toLowerCase().replace(/[^a-z]+/g, ".")}@${domain}`;
}

async function pickPlacement(peApi: APIRequestContext): Promise<Candidate> {
  const rows = (await listPlacements(peApi)).filter(
    (row) => row.status === "ACTIVE" && row.practiceEducatorName === "Priya Shah",
  );
  const candidates: Candidate[] = [];
  for (const row of rows) {
    const response = await peApi.get(`/api/v1/placements/${row.id}/final-assessment`);
    expect(response.status()).toBe(200);
    const view = await response.json();
    if (view.assessment === null && view.permissions.canStart) {
      candidates.push({
        id: row.id,
        studentName: row.studentName,
        studentEmail: studentEmail(row.studentName, row.universityName ?? ""),
        onsiteName: view.placement.onsiteSupervisorName,
        universityName: row.universityName ?? "",
      });
    }
  }
  expect(candidates.length, "an active placement of Priya Shah's without a final assessment").toBeGreaterThan(0);
  return candidates.find((candidate) => candidate.onsiteName) ?? candidates[0];
}

async function windowOf(browser: Browser, baseURL: string, email: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale: "en-GB", timezoneId: "Europe/London" });
  const page = await context.newPage();
  await useSessionOf(page, baseURL, email);
  return page;
}

async function confirm(page: Page, button: string, yes: string) {
  await page.getByRole("button", { name: button, exact: true }).click();
  await page.getByRole("button", { name: yes, exact: true }).click();
}

test("the PE, the student and the on-site supervisor sign the final assessment, and the tutor downloads the PAD", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const peApi = await apiAs(baseURL!, DEMO.pe);
  const placement = await pickPlacement(peApi);
  const url = `/placements/${placement.id}/final-assessment`;

  // The PE starts the report and is stopped from signing it half-written.
  const pe = await windowOf(browser, baseURL!, DEMO.pe);
  await pe.goto(url);
  await expect(pe.getByRole("heading", { level: 1, name: `Final assessment: ${placement.studentName}` })).toBeVisible();
  await pe.getByRole("button", { name: "Start the final assessment" }).click();
  await expect(pe.getByLabel("Holistic assessment")).toBeVisible();
  await pe
    .getByLabel("Holistic assessment")
    .fill("A reflective student whose direct work with children and families has grown in confidence and depth.");
  await confirm(pe, "Sign as practice educator", "Yes, sign the final report");
  await expect(pe.getByRole("alert").filter({ hasText: "not complete" }).first()).toBeVisible();
  await expect(pe.getByText("Write your assessment of this domain before you sign").first()).toBeVisible();
  expect(
    (await (await peApi.get(`/api/v1/placements/${placement.id}/final-assessment`)).json()).assessment.status,
  ).toBe("DRAFT");
  await pe.getByRole("button", { name: "Cancel" }).click();

  // The PE completes the report and saves a draft.
  for (const [index, domain] of PCF.entries()) {
    await pe
      .getByLabel(domain, { exact: true })
      .fill(`Domain ${index + 1}: the evidence across observations and supervision is sufficient at this level.`);
  }
  await pe.getByRole("radio", { name: /^Pass/ }).check();
  await pe
    .getByLabel("Professional development plan")
    .fill("Court skills and chairing meetings in the assessed and supported year.");
  await pe.getByRole("button", { name: "Save draft" }).click();
  await expect(pe.getByText(/Draft saved at/)).toBeVisible();
  await expect(pe.getByRole("button", { name: "Save draft" })).toBeEnabled();
  await expect(pe.getByText("The final report is not complete: write the missing parts, then sign.")).toHaveCount(0);
  await pe.screenshot({ path: path.join(SCREENSHOTS, "final-assessment-pe-draft.png"), fullPage: true });

  await confirm(pe, "Sign as practice educator", "Yes, sign the final report");
  await expect(pe.getByText("Signed by the practice educator, waiting for the other signatures")).toBeVisible();
  await expect(pe.getByLabel("Holistic assessment")).toHaveCount(0);

  // The student writes her reflection and signs.
  const student = await windowOf(browser, baseURL!, placement.studentEmail);
  await student.goto(url);
  await student
    .getByRole("textbox", { name: "Your reflective summary" })
    .fill(
      "I learned to slow down and listen to what children were telling me, and to use supervision to test my analysis.",
    );
  await confirm(student, "Sign as student", "Yes, sign as student");
  await expect(student.getByText(/Signed \d/).nth(1)).toBeVisible();
  await expect(student.getByRole("textbox", { name: "Your reflective summary" })).toHaveCount(0);

  // The on-site supervisor signs, if the placement has one.
  if (placement.onsiteName) {
    await expect(student.getByText("Waiting for the on-site supervisor to sign.")).toBeVisible();
    const onsite = await windowOf(browser, baseURL!, ONSITE_EMAILS[placement.onsiteName]);
    await onsite.goto(url);
    await confirm(onsite, "Sign as on-site supervisor", "Yes, sign as on-site supervisor");
    await expect(onsite.locator("p").filter({ hasText: "Status:" })).toContainText("Complete");
    await onsite.context().close();
  }
  const finalView = await (await peApi.get(`/api/v1/placements/${placement.id}/final-assessment`)).json();
  expect(finalView.assessment.status).toBe("COMPLETE");
  expect(finalView.assessment.recommendation).toBe("PASS");

  // The tutor reads the final assessment and the PAD, and downloads the PDF.
  const tutor = await windowOf(browser, baseURL!, TUTOR_EMAILS[placement.universityName]);
  await tutor.goto(url);
  await expect(tutor.locator("p").filter({ hasText: "Status:" })).toContainText("Complete");
  await tutor.screenshot({ path: path.join(SCREENSHOTS, "final-assessment-complete.png"), fullPage: true });
  await tutor.getByRole("link", { name: "Practice Assessment Document (print view)" }).click();
  await expect(tutor.getByRole("heading", { level: 1, name: "Practice Assessment Document" })).toBeVisible();
  await expect(tutor.getByRole("heading", { name: "9. Final report" })).toBeVisible();
  await expect(tutor.getByText("Court skills and chairing meetings")).toBeVisible();
  await expect(tutor.getByRole("button", { name: "Print or save as PDF" })).toBeVisible();
  await tutor.screenshot({ path: path.join(SCREENSHOTS, "pad-print-view.png"), fullPage: true });

  const pdf = await tutor.request.get(`/api/v1/placements/${placement.id}/pad.pdf`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect(pdf.headers()["content-disposition"]).toMatch(
    /^attachment; filename="PAD-[A-Za-z-]+-\d{4}-\d{2}-\d{2}\.pdf"$/,
  );
  expect(pdf.headers()["cache-control"]).toBe("private, no-store");
  const bytes = await pdf.body();
  expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  writeFileSync(path.join(SCREENSHOTS, "pad.pdf"), bytes);

  // The team manager reads no final report or PAD.
  const adminApi = await apiAs(baseURL!, DEMO.admin);
  expect((await adminApi.get(`/api/v1/placements/${placement.id}/pad.pdf`)).status()).toBe(404);
  expect((await adminApi.get(`/api/v1/placements/${placement.id}/final-assessment`)).status()).toBe(404);
  // A second assessment is refused.
  const second = await peApi.post(`/api/v1/placements/${placement.id}/final-assessment`);
  expect(second.status()).toBe(409);

  await Promise.all([
    adminApi.dispose(),
    peApi.dispose(),
    pe.context().close(),
    student.context().close(),
    tutor.context().close(),
  ]);
});

test("the team manager sees the frameworks and their versions", async ({ page, baseURL }) => {
  await useSessionOf(page, baseURL!, DEMO.admin);
  await page.goto("/admin/frameworks");
  await expect(page.getByRole("heading", { level: 1, name: "Frameworks" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Professional Capabilities Framework (PCF)" })).toBeVisible();
  await page.screenshot({ path: path.join(SCREENSHOTS, "admin-frameworks.png"), fullPage: true });
  await page.getByRole("link", { name: /^2018 of the Professional Capabilities Framework/ }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Professional Capabilities Framework, version 2018" }),
  ).toBeVisible();
  await expect(page.getByRole("heading", { name: "5. Knowledge" })).toBeVisible();
  await page.screenshot({ path: path.join(SCREENSHOTS, "admin-framework-pcf.png"), fullPage: false });

  // The admin corrects a level descriptor's text through the form.
  const descriptor = page.getByRole("form", {
    name: "9. Professional Leadership at the readiness for direct practice",
  });
  const box = descriptor.getByRole("textbox", { name: "Readiness for direct practice" });
  const corrected = `${(await box.inputValue()).trim()} Checked against the published text.`;
  await box.fill(corrected);
  await descriptor.getByRole("button", { name: "Save descriptor" }).click();
  await expect(descriptor.getByRole("status")).toHaveText("Saved.");
  const frameworks = (await (await page.request.get("/api/v1/frameworks")).json()).frameworks as Array<{
    id: string;
    items: Array<{ code: string; levelDescriptors: Array<{ level: string; text: string }> }>;
  }>;
  const leadership = frameworks
    .find((framework) => framework.id === "fw_pcf_2018")!
    .items.find((item) => item.code === "PROFESSIONAL_LEADERSHIP")!;
  expect(leadership.levelDescriptors.find((row) => row.level === "READINESS_FOR_DIRECT_PRACTICE")!.text).toBe(
    corrected,
  );

  // Anyone else gets a 404 for the admin screens, and a 403 for edits through the API.
  const peApi = await apiAs(baseURL!, DEMO.pe);
  expect((await peApi.get("/api/v1/frameworks")).status()).toBe(200);
  const edit = await peApi.patch("/api/v1/framework-items/fi_pcf_2018_5", {
    data: { version: 1, name: "Mine", description: "" },
  });
  expect(edit.status()).toBe(403);
  await peApi.dispose();
});
