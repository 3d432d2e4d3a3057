import { mkdirSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { apiAs, DEMO, placementIdOf, signIn, useSessionOf } from "./support";

// Issue 12: every home page says what is waiting for you, and the RAG tells
// the struggling student apart. Screenshots of every role's home page at
// 1280 and 390 px, and of the supervision sign-off.

const SCREENSHOTS = path.resolve(__dirname, "..", "..", "screenshots");
const ELLA = "ella.thompson@students.severnside.example.ac.uk"; // Severnside, active, PE Priya

test.beforeAll(() => mkdirSync(SCREENSHOTS, { recursive: true }));
test.use({ locale: "en-GB", timezoneId: "Europe/London" });

async function snap(page: Page, name: string) {
  await page.waitForLoadState("load");
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true, animations: "disabled" });
}

type Record = { id: string; status: "DRAFT" | "PE_SIGNED" | "SIGNED"; heldOn: string };

test("the student sees the record waiting for her signature on her home page and signs it from there", async ({
  page,
  baseURL,
}) => {
  // Ella's practice educator has signed a record (the demo's, or her latest draft signed now).
  const priya = await apiAs(baseURL!, DEMO.pe);
  const admin = await apiAs(baseURL!, DEMO.admin);
  const placementId = await placementIdOf(admin, "Ella Thompson");
  const { records } = (await (await priya.get(`/api/v1/placements/${placementId}/supervision`)).json()) as {
    records: Record[];
  };
  let waiting = records.find((record) => record.status === "PE_SIGNED");
  if (!waiting) {
    const draft = records.filter((record) => record.status === "DRAFT").at(-1)!;
    expect((await priya.post(`/api/v1/supervision/${draft.id}/signatures`, { data: {} })).status()).toBe(200);
    waiting = draft;
  }

  await signIn(page, ELLA);
  const toDo = page.getByRole("region", { name: /^To do/ });
  await expect(toDo).toBeVisible();
  // First on the page: nothing above it but the greeting.
  const item = toDo.getByRole("link", { name: /^Supervision record of .* is waiting for your signature$/ }).first();
  await expect(item).toBeVisible();
  await snap(page, "home-student-to-do-1280");

  await item.click();
  await expect(page).toHaveURL(/\/supervision\/[^/?#]+#sign$/);
  const recordId = new URL(page.url()).pathname.split("/").at(-1)!;
  await page
    .getByLabel("Your reflection on this session")
    .fill("I learnt to slow down and check what the child meant.");
  await page.getByRole("button", { name: "Sign as student" }).click();
  await expect(page.getByRole("heading", { name: "Sign this record?" })).toBeFocused();
  await snap(page, "supervision-student-confirm-1280");
  await page.getByRole("button", { name: "Yes, sign as student" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Signed. Both signatures are on the record" })).toBeVisible();
  await snap(page, "supervision-signed-1280");

  // Home again: that record is no longer waiting.
  await page.goto("/");
  await expect(page.getByRole("region", { name: /^To do/ })).toBeVisible();
  await expect(page.locator(`a[href="/supervision/${recordId}#sign"]`)).toHaveCount(0);
});

test("the tutor's Red filter on the demo world returns only students who need action", async ({ page }) => {
  await signIn(page, DEMO.tutorSevernside);
  await page.getByLabel("RAG", { exact: true }).selectOption("RED");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/[?&]rag=RED/);
  const table = page.getByRole("table", { name: "Placements matching the filters" });
  const rows = table.locator("tbody tr");
  const names = (await rows.locator("td:first-child a").allTextContents()).map((name) => name.trim());
  // The struggling student, and nobody whose only trouble is drift.
  expect(names).toContain("Ben Carter");
  for (const drifting of ["Amira Hussain", "Ella Thompson", "Isaac Mensah"]) expect(names).not.toContain(drifting);
  for (const row of await rows.all()) {
    await expect(row.locator("[data-rag]")).toHaveAttribute("data-rag", "RED");
    await expect(row).toContainText(/open cause for concern|overdue|after the programme's deadline|working days after/);
  }
  await snap(page, "home-tutor-red-1280");
});

test("every role's home page opens with its To do panel (screenshots at 1280 and 390 px)", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const people = [
    ["manager", DEMO.admin],
    ["pe", DEMO.pe],
    ["onsite", DEMO.onsite],
    ["tutor", DEMO.tutorSevernside],
    ["student", DEMO.studentAmira],
  ] as const;
  for (const [who, email] of people) {
    await useSessionOf(page, baseURL!, email);
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto("/");
      const toDo = page.getByRole("region", { name: /^To do/ });
      await expect(toDo).toBeVisible();
      // The panel is the first section of the page.
      const first = await page.locator("main section").first().getAttribute("aria-labelledby");
      expect(first, `${who}: To do comes first`).toBe("to-do-heading");
      await snap(page, `home-${who}-${width}`);
    }
  }
  // The on-site supervisor: his students and Log today, not the manager's filters and charts.
  await useSessionOf(page, baseURL!, DEMO.onsite);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "My students", level: 2 })).toBeVisible();
  await expect(page.getByRole("button", { name: "Apply filters" })).toHaveCount(0);
  await expect(page.locator("#rag-chart")).toHaveCount(0);
});
