import { mkdirSync } from "node:fs";
import path from "node:path";
import { expect, test, type Locator, type Page } from "@playwright/test";
import {
  apiAs,
  DEMO,
  DEMO_PASSWORD,
  getPlacement,
  placementIdOf,
  SIGN_IN_FAILURE,
  todayInUk,
  useSessionOf,
} from "./support";

// (a) The sign-in form works from the keyboard alone, with a focus ring you can see.
// (b) Full-page screenshots of every screen, as the role that uses it, for a
//     person to look over: written to screenshots/ (git-ignored).

const SCREENSHOTS = path.resolve(__dirname, "..", "..", "screenshots");

/** The focused element shows an outline (the app's :focus-visible ring), not just a colour change. */
async function expectVisibleFocus(locator: Locator) {
  await expect(locator).toBeFocused();
  const style = await locator.evaluate((element) => {
    const computed = getComputedStyle(element);
    return {
      focusVisible: element.matches(":focus-visible"),
      outlineStyle: computed.outlineStyle,
      outlineWidth: parseFloat(computed.outlineWidth),
    };
  });
  expect(style.focusVisible, "the element matches :focus-visible").toBe(true);
  expect(style.outlineStyle, "outline-style of the focused element").not.toBe("none");
  expect(style.outlineWidth, "outline-width of the focused element (px)").toBeGreaterThanOrEqual(2);
}

test("the sign-in form can be completed with the keyboard alone, and focus is always visible", async ({ page }) => {
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { name: "Sign in", level: 1 })).toBeVisible();

  // The first Tab reaches the skip link, which appears and shows its focus.
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expectVisibleFocus(skip);
  await expect(skip).toBeInViewport();

  // Tab on until the email field: no more than a few stops.
  const email = page.getByRole("textbox", { name: "Email address" });
  for (let stops = 0; stops < 5 && !(await email.evaluate((element) => element === document.activeElement)); stops++)
    await page.keyboard.press("Tab");
  await expectVisibleFocus(email);
  await page.keyboard.type(DEMO.admin);

  await page.keyboard.press("Tab");
  const password = page.getByLabel("Password");
  await expectVisibleFocus(password);
  await page.keyboard.type(DEMO_PASSWORD);

  await page.keyboard.press("Tab");
  await expectVisibleFocus(page.getByRole("button", { name: "Sign in" }));

  // Back to the password and submit with Enter.
  await page.keyboard.press("Shift+Tab");
  await expect(password).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { name: "Hello, Morgan", level: 1 })).toBeVisible();
});

test("after a failed sign-in the error summary has focus, and Tab leads back into the form", async ({ page }) => {
  await page.goto("/sign-in");
  const email = page.getByRole("textbox", { name: "Email address" });
  await email.focus();
  await page.keyboard.type(DEMO.admin);
  await page.keyboard.press("Tab");
  await page.keyboard.type("not-the-password");
  await page.keyboard.press("Enter");

  const summary = page.getByRole("alert", { name: SIGN_IN_FAILURE });
  await expect(summary).toBeFocused();
  await page.keyboard.press("Tab");
  await expectVisibleFocus(email);
  await expect(email).toHaveValue(DEMO.admin);
});

test("the first failed submit of an empty sign-in form moves focus to the error summary", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByRole("textbox", { name: "Email address" }).focus();
  await page.keyboard.press("Enter");
  const summary = page.getByRole("alert", { name: "There is a problem" });
  await expect(summary.getByRole("link", { name: "Enter your email address" })).toHaveAttribute("href", "#email");
  await expect(summary).toBeFocused({ timeout: 1_500 });
});

// ---------------------------------------------------------------------------

/** A full-page screenshot once the page has settled: no pending requests, fonts loaded, no focus ring or hover left over. */
async function snap(page: Page, name: string) {
  await page.waitForLoadState("networkidle");
  await page.evaluate(() => document.fonts.ready);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur?.());
  await page.mouse.move(0, 0);
  await page.screenshot({
    path: path.join(SCREENSHOTS, `${name}.png`),
    fullPage: true,
    animations: "disabled",
    caret: "hide",
  });
}

test.describe("screenshots", () => {
  // A UK user's browser. (Date inputs still read mm/dd/yyyy: Debian's chromium
  // ships only the en-US locale, without chromium-l10n.)
  test.use({ locale: "en-GB", timezoneId: "Europe/London" });

  test.beforeAll(() => {
    mkdirSync(SCREENSHOTS, { recursive: true });
  });

  test("sign-in page, and its error", async ({ page }) => {
    await page.goto("/sign-in");
    await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
    await snap(page, "sign-in");

    await page.getByRole("textbox", { name: "Email address" }).fill(DEMO.admin);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert", { name: SIGN_IN_FAILURE })).toBeVisible();
    await snap(page, "sign-in-error");
  });

  const homes: Array<{ shot: string; email: string; greeting: string; shows: string }> = [
    { shot: "admin-home", email: DEMO.admin, greeting: "Hello, Morgan", shows: "Active and suspended placements" },
    { shot: "pe-home", email: DEMO.pe, greeting: "Hello, Priya", shows: "My students" },
    { shot: "onsite-home", email: DEMO.onsite, greeting: "Hello, Sam", shows: "My students" },
    {
      shot: "tutor-home",
      email: DEMO.tutorSevernside,
      greeting: "Hello, Helen",
      shows: "Active and suspended placements",
    },
    { shot: "student-home", email: DEMO.studentAmira, greeting: "Hello, Amira", shows: "My placement" },
  ];
  for (const home of homes) {
    test(`home page: ${home.shot}`, async ({ page, baseURL }) => {
      await useSessionOf(page, baseURL!, home.email);
      await page.goto("/");
      await expect(page.getByRole("heading", { name: home.greeting, level: 1 })).toBeVisible();
      await expect(page.getByRole("region", { name: /^To do/ })).toBeVisible();
      // The PE's and on-site supervisor's homes list students as sections, not a table.
      await expect(
        page
          .getByRole("table", { name: home.shows })
          .or(page.getByRole("heading", { name: home.shows, level: 2 }))
          .first(),
      ).toBeVisible();
      await snap(page, home.shot);
    });
  }

  test("the admin's placement screens", async ({ page, baseURL }) => {
    await useSessionOf(page, baseURL!, DEMO.admin);

    await page.goto("/placements");
    await expect(page.getByRole("heading", { name: "Placements", level: 1 })).toBeVisible();
    await expect(
      page.getByRole("table", { name: "Placements" }).getByRole("link", { name: "Amira Hussain" }),
    ).toBeVisible();
    await snap(page, "admin-placements");

    await page.getByRole("table", { name: "Placements" }).getByRole("link", { name: "Amira Hussain" }).click();
    await expect(page.getByRole("heading", { name: "Amira Hussain", level: 1 })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Log a day" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Days logged" })).toBeVisible();
    await snap(page, "admin-placement-detail");

    await page.getByRole("link", { name: "Edit placement or change status" }).click();
    await expect(page.getByRole("heading", { name: "Edit placement", level: 1 })).toBeVisible();
    await expect(page.getByLabel("Setting or team")).not.toHaveValue("");
    await snap(page, "admin-placement-edit");

    // A placement that changed hands: the PE history has two rows.
    await page.goto("/placements?q=Daniel");
    await page.getByRole("table", { name: "Placements" }).getByRole("link", { name: "Daniel Okafor" }).click();
    await expect(page.getByRole("heading", { name: "Daniel Okafor", level: 1 })).toBeVisible();
    await expect(page.getByRole("table", { name: "Who was practice educator when" }).getByRole("row")).toHaveCount(3);
    // Open the "Change practice educator" disclosure to show its form (nothing is submitted).
    await page.locator("summary", { hasText: "Change practice educator" }).click();
    await expect(page.getByLabel("New practice educator")).toBeVisible();
    await snap(page, "admin-placement-detail-pe-history");

    await page.goto("/placements/new");
    await expect(page.getByRole("heading", { name: "Add a placement", level: 1 })).toBeVisible();
    await expect(
      page.getByLabel("Student", { exact: true }).locator("option", { hasText: "Amira Hussain" }),
    ).toHaveCount(1);
    await snap(page, "admin-placement-new");

    await page.getByRole("button", { name: "Add placement" }).click();
    await expect(page.getByRole("alert", { name: "There is a problem: check the highlighted fields." })).toBeVisible();
    await expect(page.locator("#studentId-error")).toBeVisible();
    await snap(page, "admin-placement-new-errors");
  });

  test("the admin's people, universities and audit screens", async ({ page, baseURL }) => {
    await useSessionOf(page, baseURL!, DEMO.admin);

    await page.goto("/admin/users");
    await expect(page.getByRole("heading", { name: "People", level: 1 })).toBeVisible();
    await expect(page.getByRole("link", { name: "Morgan Ellis", exact: true })).toBeVisible();
    await snap(page, "admin-users");

    await page.getByRole("link", { name: "Add a person" }).click();
    await expect(page.getByRole("heading", { name: "Add a person", level: 1 })).toBeVisible();
    await expect(page.getByLabel("Full name")).toBeEditable();
    await snap(page, "admin-user-new");

    // The student fields appear once the role is chosen.
    await page.getByLabel("Role", { exact: true }).selectOption({ label: "Student social worker" });
    await page.getByLabel("University", { exact: true }).selectOption({ label: "Severnside University" });
    await expect(
      page.getByLabel("Programme", { exact: true }).locator("option", { hasText: "BA (Hons) Social Work" }),
    ).toHaveCount(1);
    await snap(page, "admin-user-new-student");

    await page.goto("/admin/users?q=amira");
    await page.getByRole("link", { name: "Amira Hussain" }).click();
    await expect(page.getByRole("heading", { name: "Edit Amira Hussain", level: 1 })).toBeVisible();
    await expect(page.getByLabel("Programme", { exact: true })).not.toHaveValue("");
    await snap(page, "admin-user-edit");

    await page.goto("/admin/universities");
    await expect(page.getByRole("heading", { name: "Universities", level: 1 })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Three Counties University" })).toBeVisible();
    await snap(page, "admin-universities");

    // Give the audit log something to show even on a fresh database: a day logged on Amira's placement and removed again.
    const admin = await apiAs(baseURL!, DEMO.admin);
    try {
      const amira = await getPlacement(admin, await placementIdOf(admin, "Amira Hussain"));
      const logged = new Set(amira.attendance.map((day) => day.date));
      if (!logged.has(todayInUk())) {
        const posted = await admin.post(`/api/v1/placements/${amira.id}/attendance`, {
          data: { date: todayInUk(), kind: "SKILLS_DAY", note: "Logged by mistake" },
        });
        expect(posted.status()).toBe(201);
        expect(
          (await admin.delete(`/api/v1/placements/${amira.id}/attendance/${(await posted.json()).id}`)).status(),
        ).toBe(200);
      }
    } finally {
      await admin.dispose();
    }

    await page.goto("/admin/audit");
    await expect(page.getByRole("heading", { name: "Audit log", level: 1 })).toBeVisible();
    await expect(page.getByRole("table", { name: "Audit log, newest first" }).getByRole("row").nth(1)).toBeVisible();
    await snap(page, "admin-audit");
  });

  test("the student's placement, a tutor's list and a page that is not theirs", async ({ page, baseURL }) => {
    await useSessionOf(page, baseURL!, DEMO.studentAmira);
    await page.goto("/");
    await page.getByRole("link", { name: "Open my placement: days, practice educator and attendance" }).click();
    await expect(page.getByRole("heading", { name: "Amira Hussain", level: 1 })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Log a day" })).toBeVisible();
    await snap(page, "student-placement-detail");

    await useSessionOf(page, baseURL!, DEMO.tutorSevernside);
    await page.goto("/placements");
    await expect(
      page.getByRole("table", { name: "Placements" }).getByRole("link", { name: "Amira Hussain" }),
    ).toBeVisible();
    await snap(page, "tutor-placements");

    await page.goto("/admin/users");
    await expect(page.getByRole("heading", { name: "Page not found", level: 1 })).toBeVisible();
    await snap(page, "tutor-not-found");
  });
});
