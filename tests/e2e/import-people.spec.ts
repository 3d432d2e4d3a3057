import { expect, test, type Page } from "@playwright/test";
import { DEMO, signIn } from "./support";

// Bulk import of people from a CSV: upload, a preview with every row's problems, then the valid rows imported.

async function shoot(page: Page, name: string) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `test-results/screenshots/import-${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

const CSV = [
  "name,email,role,university,programme,cohort,year,level,peps stage",
  "Imani Clarke,imani.clarke@students.severnside.example.ac.uk,student,Severnside University,MA Social Work,2025 intake,1,first,",
  "Joel Price,joel.price@severnside.example.ac.uk,tutor,Severnside University,,,,,",
  "Kit Morgan,kit.morgan@students.severnside.example.ac.uk,student,Severnside University,MA Social Work,2031 intake,1,first,",
  `Priya Again,${DEMO.pe},practice educator,,,,,,2`,
  "Lee,not-an-email,wizard,,,,,,",
].join("\n");

test("the team manager imports people from a CSV: a preview with each row's problems, then the valid rows", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page, DEMO.admin);
  await page.goto("/admin/users");
  await page.getByRole("link", { name: "Import people from a CSV file" }).click();
  await expect(page.getByRole("heading", { name: "Import people from a CSV file" })).toBeVisible();
  await page
    .getByLabel("CSV file")
    .setInputFiles({ name: "people.csv", mimeType: "text/csv", buffer: Buffer.from(CSV) });
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByText("2 of 5 rows are ready to import")).toBeVisible();
  const problems = page.getByRole("list", { name: "Rows with problems" });
  await expect(problems).toContainText("Line 4");
  await expect(problems).toContainText("no cohort called “2031 intake”");
  await expect(problems).toContainText("Already has an account: left as it is");
  await expect(problems).toContainText("Enter an email address like name@example.org");
  await shoot(page, "preview");

  await page.getByRole("button", { name: "Import 2 people and leave out the rest" }).click();
  await expect(page.getByRole("status").filter({ hasText: "2 people imported" })).toBeVisible();
  await page.goto("/admin/users?q=Imani");
  await expect(page.getByRole("row", { name: /Imani Clarke/ })).toContainText("Invited");

  // The same file again adds nobody.
  await page.goto("/admin/users/import");
  await page
    .getByLabel("CSV file")
    .setInputFiles({ name: "people.csv", mimeType: "text/csv", buffer: Buffer.from(CSV) });
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByText("0 of 5 rows are ready to import")).toBeVisible();

  // A file that is not a list of people: a clear message, nothing imported.
  await page.getByLabel("CSV file").setInputFiles({
    name: "wrong.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("full name,mail\nA,b@c.org\n"),
  });
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByText("Missing: name, email, role").first()).toBeVisible();
});

// A row the tutor may not import: the role is checked once the row is otherwise sound (a new email).
const TUTOR_CSV = [
  "name,email,role,university,programme,cohort,year,level,peps stage",
  "Zara Educator,zara.educator@pop.example.org,practice educator,,,,,,2",
].join("\n");

test("a tutor may import, only for their own university; a practice educator may not", async ({ page }) => {
  await signIn(page, DEMO.tutorSevernside);
  await page.goto("/admin/users/import");
  await page
    .getByLabel("CSV file")
    .setInputFiles({ name: "people.csv", mimeType: "text/csv", buffer: Buffer.from(TUTOR_CSV) });
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByRole("list", { name: "Rows with problems" })).toContainText(
    "You cannot import a practice educator",
  );
  await page.getByRole("button", { name: "Sign out" }).click();
  await signIn(page, DEMO.pe);
  const response = await page.goto("/admin/users/import");
  expect(response?.status()).toBe(404);
});
