import { expect, test, type Page } from "@playwright/test";
import { apiAs, DEMO, useSessionOf } from "./support";

// Search from the header (issue 6): placements, students and, for those who
// work with them, children — by code, or by name where the user may see it.

async function searchFromHeader(page: Page, query: string) {
  const header = page.getByRole("banner");
  // On a phone the search box is behind the header's Menu button.
  const menu = header.getByRole("button", { name: "Menu" });
  if (await menu.isVisible()) await menu.click();
  await header.getByLabel("Find", { exact: true }).fill(query);
  await header.getByLabel("Find", { exact: true }).press("Enter");
  await expect(page).toHaveURL(new RegExp(`/search\\?q=${encodeURIComponent(query).replace(/%20/g, "\\+")}$`));
  await expect(page.getByRole("heading", { name: "Search", level: 1 })).toBeVisible();
}

const group = (page: Page, name: string) => page.getByRole("region", { name: new RegExp(`^${name} \\(\\d+\\)$`) });

test("the PE finds a student and a child from the header and opens them; the tutor's search for the child finds nothing", async ({
  page,
  baseURL,
}) => {
  // A child Priya works with, whose name she may see.
  const peApi = await apiAs(baseURL!, DEMO.pe);
  const children: Array<{ id: string; code: string; name: string | null }> = (
    await (await peApi.get("/api/v1/children")).json()
  ).children;
  const child = children.find((row) => row.name !== null);
  expect(child, "a child the PE works with").toBeTruthy();

  await useSessionOf(page, baseURL!, DEMO.pe);
  await page.goto("/");
  await searchFromHeader(page, "amira");
  await expect(group(page, "Placements").getByRole("link", { name: /^Amira Hussain — / })).toBeVisible();
  await expect(group(page, "Children")).toBeVisible();
  await group(page, "Students").getByRole("link", { name: "Amira Hussain" }).click();
  await expect(page).toHaveURL(/\/placements\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Amira Hussain");

  // The keyboard alone: focus the header box, type, Enter; then Tab to the first result.
  await page.getByRole("banner").getByLabel("Find", { exact: true }).focus();
  await page.keyboard.type(child!.code.toLowerCase());
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=/);
  const childLink = group(page, "Children").getByRole("link", { name: `${child!.name} (${child!.code})` });
  await expect(childLink).toBeVisible();
  await expect(page.getByRole("heading", { name: "Children (1)" })).toBeVisible();
  await childLink.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/children/${child!.id}$`));

  // Tutors never see children: no Children group, and the code finds nothing at all.
  await useSessionOf(page, baseURL!, DEMO.tutorSevernside);
  await page.goto("/");
  await searchFromHeader(page, child!.code);
  await expect(page.getByText(`Nothing matches “${child!.code}”.`)).toBeVisible();
  await expect(group(page, "Children")).toHaveCount(0);
  await expect(page.getByText(child!.name!.split(" ")[0])).toHaveCount(0);
  // …and the tutor still finds their own university's students.
  await searchFromHeader(page, "amira");
  await expect(group(page, "Students").getByRole("link", { name: "Amira Hussain" })).toBeVisible();
});

test("too short a query looks nothing up, and wildcards are literal", async ({ page, baseURL }) => {
  await useSessionOf(page, baseURL!, DEMO.admin);
  await page.goto("/search?q=a");
  await expect(page.getByText("“a” is too short: type at least 2 characters.")).toBeVisible();
  await page.goto("/search?q=%25%25");
  await expect(page.getByText("Nothing matches “%%”.")).toBeVisible();
});

test("screenshots of search results on a desktop and a phone", async ({ page, baseURL }) => {
  await useSessionOf(page, baseURL!, DEMO.pe);
  for (const [name, viewport] of [
    ["desktop", { width: 1280, height: 900 }],
    ["phone", { width: 390, height: 844 }],
  ] as const) {
    await page.setViewportSize(viewport);
    await page.goto("/");
    await searchFromHeader(page, "am");
    await expect(group(page, "Placements")).toBeVisible();
    // Nothing may scroll sideways on a phone.
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `screenshots/search-results-${name}.png`, fullPage: true });
  }
});
