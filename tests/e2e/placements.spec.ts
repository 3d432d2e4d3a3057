import { expect, test, type Page } from "@playwright/test";
import {
  addDays,
  addStudentThroughUi,
  apiAs,
  DEMO,
  formatDate,
  placementIdOf,
  SEVERNSIDE_STUDENTS,
  signIn,
  SIGN_IN_FAILURE,
  THREE_COUNTIES_STUDENTS,
  todayInUk,
  uniqueSuffix,
  useSessionOf,
} from "./support";

// Placements through the real UI, as each role sees them.

/** The student names linked from the placement table with this caption. */
async function studentsInTable(page: Page, caption: string) {
  const table = page.getByRole("table", { name: caption });
  await expect(table).toBeVisible();
  return (await table.locator("tbody tr td:first-child a").allTextContents()).map((name) => name.trim()).sort();
}

test("the admin adds a student and a placement, starts it, and logs a day", async ({ page }) => {
  const suffix = uniqueSuffix();
  const name = `Rosa Lindqvist ${suffix}`;
  const today = todayInUk();

  await test.step("sign in", async () => {
    await signIn(page, DEMO.admin);
    await expect(page.getByRole("heading", { name: "Hello, Morgan", level: 1 })).toBeVisible();
  });

  await test.step("add the student at /admin/users/new", async () => {
    await addStudentThroughUi(page, {
      name,
      email: `rosa.lindqvist.${suffix}@students.severnside.example.ac.uk`,
      university: "Severnside University",
      programme: "BA (Hons) Social Work",
      yearOfStudy: 2,
      level: "First placement",
    });
    const row = page.getByRole("row").filter({ has: page.getByRole("link", { name, exact: true }) });
    await expect(row).toContainText("Student social worker");
    await expect(row).toContainText("Severnside University");
  });

  await test.step("add a placement for them at /placements/new", async () => {
    await page.goto("/placements/new");
    await expect(page.getByRole("heading", { name: "Add a placement", level: 1 })).toBeVisible();
    await page.getByLabel("Student", { exact: true }).selectOption({ label: name });
    await page.getByLabel("Setting or team").fill("Early help and life story work");
    await expect(page.getByLabel("Placement level")).toHaveValue("FIRST");
    await expect(page.getByLabel("Start date")).toHaveValue(today);
    await page.getByLabel("Planned end date").fill(addDays(today, 150));
    await expect(page.getByLabel("Required days")).toHaveValue("70");
    await page.getByLabel("Practice educator").selectOption({ label: "Grace Adeyemi (PEPS stage 1)" });
    await page.getByLabel("University tutor (optional)").selectOption({ label: "Dr Helen Marsh" });
    await page.getByRole("button", { name: "Add placement" }).click();

    await expect(page).toHaveURL(/\/placements\/(?!new)[^/]+$/);
    await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
    await expect(page.getByText("Planned", { exact: true })).toBeVisible();
    await expect(page.getByText("0 of 70 (0%)", { exact: true })).toBeVisible();
    await expect(page.getByText("Grace Adeyemi (PEPS stage 1)")).toBeVisible();
    await expect(page.getByText("No days logged yet.")).toBeVisible();
    // Days are logged only once the placement is active.
    await expect(page.getByRole("heading", { name: "Log a day" })).toHaveCount(0);
  });
  const placementUrl = page.url();

  await test.step("make it active at /placements/:id/edit", async () => {
    await page.getByRole("link", { name: "Edit placement or change status" }).click();
    await expect(page).toHaveURL(`${placementUrl}/edit`);
    await expect(page.getByRole("heading", { name: "Edit placement", level: 1 })).toBeVisible();
    const status = page.getByLabel("Status", { exact: true });
    await expect(status).toHaveValue("PLANNED");
    // Only the moves the rules allow are offered.
    await expect(status.locator("option")).toHaveText(["Planned", "Active", "Ended early"]);
    await status.selectOption({ label: "Active" });
    await page.getByRole("button", { name: "Save changes" }).click();

    await expect(page).toHaveURL(placementUrl);
    await expect(page.getByText("Active", { exact: true })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Log a day" })).toBeVisible();
  });

  await test.step("log today and see the progress move", async () => {
    const progress = page.getByRole("progressbar", { name: "Placement days completed" });
    await expect(page.getByText("0 of 70 (0%)", { exact: true })).toBeVisible();
    await expect(progress).toHaveAttribute("aria-valuenow", "0");
    await expect(page.getByLabel("Date", { exact: true })).toHaveValue(today);
    await expect(page.getByLabel("Kind of day")).toHaveValue("PLACEMENT_DAY");
    await page.getByRole("button", { name: "Log day" }).click();

    await expect(page.getByRole("status").filter({ hasText: `Logged ${formatDate(today)}.` })).toBeVisible();
    await expect(page.getByText("1 of 70 (1%)", { exact: true })).toBeVisible();
    await expect(progress).toHaveAttribute("aria-valuenow", "1");
    await expect(page.getByText("69", { exact: true })).toBeVisible(); // days to go
    const logged = page
      .getByRole("region", { name: "Days logged" })
      .getByRole("row")
      .filter({ hasText: formatDate(today) });
    await expect(logged).toContainText("Placement day");
    await expect(logged).toContainText("Morgan Ellis");
  });

  await test.step("a day in the future is refused beside the date", async () => {
    const date = page.getByLabel("Date", { exact: true });
    await date.fill(addDays(today, 1));
    await page.getByRole("button", { name: "Log day" }).click();

    await expect(page.locator("#date-error")).toHaveText("Error: Days can only be logged once they have happened");
    await expect(date).toHaveAttribute("aria-invalid", "true");
    await expect(date).toHaveAttribute("aria-describedby", "date-error");
    const summary = page.getByRole("alert").filter({ hasText: "Days can only be logged once they have happened" });
    await expect(summary).toBeVisible();
    await expect(summary.getByRole("link")).toHaveAttribute("href", "#date");
    // Nothing more was logged.
    await expect(page.getByText("1 of 70 (1%)", { exact: true })).toBeVisible();
  });
});

test("signing in with a wrong password shows one generic message", async ({ page }) => {
  for (const email of ["nadia.kowalski@pop.example.org", "nobody@pop.example.org"]) {
    await page.goto("/sign-in");
    await page.getByRole("textbox", { name: "Email address" }).fill(email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();

    // The same words whether or not the account exists.
    const alert = page.getByRole("alert", { name: SIGN_IN_FAILURE });
    await expect(alert).toBeVisible();
    await expect(alert).toBeFocused();
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(page.getByRole("button", { name: "Sign out" })).toHaveCount(0);
  }
});

test("a practice educator sees their students under My students", async ({ page }) => {
  await signIn(page, DEMO.pe);
  await expect(page.getByRole("heading", { name: "Hello, Priya", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "My students", level: 2 })).toBeVisible();
  // Current students only: Jade Robinson's placement with Priya is completed.
  // One section per student (no table repeating them).
  const sections = page.locator("main section").filter({ has: page.getByRole("heading", { level: 3 }) });
  expect(
    (await sections.getByRole("heading", { level: 3 }).allTextContents()).map((name) => name.trim()).sort(),
  ).toEqual(["Amira Hussain", "Ella Thompson"]);
  await expect(page.getByRole("table", { name: "My students" })).toHaveCount(0);
  // No admin links.
  await expect(page.getByRole("link", { name: "People" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Add a placement" })).toHaveCount(0);

  await page.getByRole("link", { name: "All placements you have supervised" }).click();
  await expect(page).toHaveURL(/\/placements$/);
  expect(await studentsInTable(page, "Placements")).toEqual(["Amira Hussain", "Ella Thompson", "Jade Robinson"]);

  await page.getByRole("link", { name: "Amira Hussain" }).click();
  await expect(page.getByRole("heading", { name: "Amira Hussain", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Log a day" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Edit placement or change status" })).toHaveCount(0);
});

test("a tutor sees only their own university's students", async ({ page }) => {
  await signIn(page, DEMO.tutorSevernside);
  await expect(page.getByText("Your university's students on placement with the team.")).toBeVisible();
  const home = page.getByRole("table", { name: "Active and suspended placements" });
  await expect(home.getByRole("link", { name: "Amira Hussain" })).toBeVisible();

  await page.getByRole("link", { name: "Placements", exact: true }).click();
  await expect(page).toHaveURL(/\/placements$/);
  const names = await studentsInTable(page, "Placements");
  expect(names).toEqual(expect.arrayContaining([...SEVERNSIDE_STUDENTS]));
  for (const other of THREE_COUNTIES_STUDENTS)
    expect(names, `${other} (Three Counties) is not listed`).not.toContain(other);
  await expect(page.locator("main")).not.toContainText("Three Counties");
  // The university filter offers only their own.
  await expect(page.getByLabel("University").locator("option")).toHaveText(["Any university", "Severnside University"]);

  // Searching for another university's student finds nothing.
  await page.getByLabel("Search").fill("Chloe");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByText("No placements match these filters.")).toBeVisible();
});

test("the home page greets a tutor by name, not by title", async ({ page, baseURL }) => {
  await useSessionOf(page, baseURL!, DEMO.tutorSevernside);
  await page.goto("/");
  const greeting = page.getByRole("heading", { level: 1 });
  await expect(greeting).toHaveText(/^Hello, /);
  expect(await greeting.textContent()).not.toBe("Hello, Dr");
});

test("a student sees their own placement and no one else's", async ({ page, baseURL }) => {
  const admin = await apiAs(baseURL!, DEMO.admin);
  const chloeId = await placementIdOf(admin, "Chloe Davies");
  await admin.dispose();

  await signIn(page, DEMO.studentAmira);
  await expect(page.getByRole("heading", { name: "Hello, Amira", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "My placement", level: 2 })).toBeVisible();
  expect(await studentsInTable(page, "My placement")).toEqual(["Amira Hussain"]);

  await page.getByRole("link", { name: "Open my placement: days, practice educator and attendance" }).click();
  await expect(page.getByRole("heading", { name: "Amira Hussain", level: 1 })).toBeVisible();
  await expect(page.getByText("Priya Shah (PEPS stage 2)")).toBeVisible();
  await expect(page.getByText(/^\d+ of 70 \(\d+%\)$/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Log a day" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Edit placement or change status" })).toHaveCount(0);
  await expect(page.getByText("Change practice educator")).toHaveCount(0);

  await page.goto("/placements");
  expect(await studentsInTable(page, "Placements")).toEqual(["Amira Hussain"]);

  await page.goto(`/placements/${chloeId}`);
  await expect(page.getByRole("heading", { name: "Page not found", level: 1 })).toBeVisible();
  await expect(page.locator("main")).not.toContainText("Chloe");
});
