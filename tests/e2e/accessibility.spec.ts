import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { apiAs, DEMO, placementIdOf, useSessionOf } from "./support";

// Every page each demo role can reach, at a phone's width (390px) and a
// desktop's (1280px): axe-core finds no WCAG 2.0/2.1/2.2 A or AA violation,
// and nothing scrolls sideways (the document is no wider than the screen;
// a wide table scrolls inside its own region instead).
//
// The pages are found the way a user finds them: from the home page, the
// main menu and the links on each page, one page of each kind (a record's
// address with its id counts once: "/placements/:id"), so a new page is
// checked as soon as something links to it. One test per role and width,
// run in parallel workers.

const WIDTHS = [390, 1280] as const;
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];
/** Enough for every kind of page a role has (about 40 for the team manager), and a stop if links ever multiply. */
const MAX_PAGES_PER_ROLE = 60;

/** "/placements/cabc…/supervision?x=1" → "/placements/:id/supervision": one page of each kind. */
function pageKind(path: string): string {
  return path
    .replace(/[?#].*$/, "")
    .replace(/\/(?:c[a-z0-9]{20,}|[0-9a-f-]{36}|fw_[a-z0-9_]+)(?=\/|$)/g, "/:id")
    .replace(/\/reviews\/[a-z-]+$/, "/reviews/:kind");
}

/** Links a user could follow to another page of the app (not downloads, the API or signing out). */
async function linksOn(page: Page): Promise<string[]> {
  const hrefs = await page.evaluate(() =>
    [...document.querySelectorAll("a[href]")]
      .filter((anchor) => !anchor.hasAttribute("download"))
      .map((anchor) => anchor.getAttribute("href") ?? ""),
  );
  return hrefs.filter(
    (href) =>
      href.startsWith("/") &&
      !href.startsWith("//") &&
      !href.startsWith("/api/") &&
      !href.startsWith("/sign-out") &&
      !/\.(csv|pdf)(\?|$)/.test(href),
  );
}

type Finding = { path: string; width: number; problem: string };

async function checkPage(page: Page, path: string, width: number, findings: Finding[]) {
  const response = await page.goto(path);
  const status = response?.status() ?? 0;
  if (status >= 400) {
    findings.push({ path, width, problem: `answered ${status}` });
    return;
  }
  const { scrollWidth, viewport } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    viewport: window.innerWidth,
  }));
  if (scrollWidth > viewport)
    findings.push({ path, width, problem: `scrolls sideways: ${scrollWidth}px wide in a ${viewport}px window` });
  const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  for (const violation of violations)
    findings.push({
      path,
      width,
      problem: `axe ${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
        .slice(0, 3)
        .map((node) => node.target.join(" "))
        .join("; ")}`,
    });
}

const ROLES = [
  { role: "team manager", email: DEMO.admin },
  { role: "practice educator", email: DEMO.pe },
  { role: "on-site supervisor", email: DEMO.onsite },
  { role: "university tutor", email: DEMO.tutorSevernside },
  { role: "student", email: DEMO.studentAmira },
] as const;

test.describe("accessibility and reflow of every page", () => {
  test.use({ locale: "en-GB", timezoneId: "Europe/London" });
  // Read-only (it follows links and never submits a form), so each role at each width is its own test and
  // they run side by side in parallel workers against the one server (`npm run test:a11y`, CI step 1c).
  test.describe.configure({ mode: "parallel" });

  for (const { role, email } of ROLES)
    for (const width of WIDTHS)
      test(`every page the ${role} reaches passes axe and never scrolls sideways at ${width}px`, async ({
        page,
        baseURL,
      }) => {
        test.setTimeout(25 * 60_000);
        await page.setViewportSize({ width, height: width < 640 ? 844 : 900 });
        await useSessionOf(page, baseURL!, email);
        const seen = new Set<string>();
        const queue = ["/"];
        while (queue.length > 0 && seen.size < MAX_PAGES_PER_ROLE) {
          const path = queue.shift()!;
          const kind = pageKind(path);
          if (seen.has(kind)) continue;
          seen.add(kind);
          const findings: Finding[] = [];
          await checkPage(page, path, width, findings);
          // Soft: every page's findings are reported, even when a later page fails or the test runs out of time.
          expect
            .soft(
              findings.map((finding) => finding.problem),
              `${path} at ${width}px`,
            )
            .toEqual([]);
          for (const link of await linksOn(page)) if (!seen.has(pageKind(link))) queue.push(link);
        }
        if (width < 640) {
          // The phone's header menu, open: its links and search pass too.
          await page.goto("/");
          const menu = page.getByRole("banner").getByRole("button", { name: "Menu" });
          await expect(menu).toHaveAttribute("aria-expanded", "false");
          await menu.click();
          await expect(menu).toHaveAttribute("aria-expanded", "true");
          await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
          const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
          expect
            .soft(
              violations.map((violation) => `axe ${violation.id}: ${violation.help}`),
              `/ (menu open) at ${width}px`,
            )
            .toEqual([]);
        }
        test
          .info()
          .annotations.push({ type: "pages", description: `${seen.size} kinds of page: ${[...seen].join(", ")}` });
        expect(seen.size, "pages found from the home page").toBeGreaterThan(5);
      });
});

test("the phone's menu button opens and closes the menu from the keyboard", async ({ page, baseURL }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await useSessionOf(page, baseURL!, DEMO.pe);
  await page.goto("/");
  const menu = page.getByRole("banner").getByRole("button", { name: "Menu" });
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav).toBeHidden();
  // The header is one line: the page's heading shows without scrolling.
  await expect(page.getByRole("heading", { level: 1 })).toBeInViewport();
  await menu.focus();
  await page.keyboard.press("Enter");
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await expect(nav).toBeVisible();
  await page.keyboard.press("Tab");
  await expect(nav.getByRole("link", { name: "Home" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(nav).toBeHidden();
  await expect(menu).toBeFocused();
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  // At a desktop's width the links are in the header and the button is gone.
  await page.setViewportSize({ width: 1280, height: 900 });
  await expect(nav).toBeVisible();
  await expect(menu).toBeHidden();
});

test("on a phone, tabbing through the supervision draft never hides the focused field behind the 'Save draft now' bar", async ({
  page,
  baseURL,
}) => {
  // Sixty key presses, each measured: slow beside the crawl's parallel workers.
  test.setTimeout(3 * 60_000);
  await page.setViewportSize({ width: 390, height: 844 });
  const adminApi = await apiAs(baseURL!, DEMO.admin);
  const placementId = await placementIdOf(adminApi, "Amira Hussain");
  await adminApi.dispose();
  await useSessionOf(page, baseURL!, DEMO.pe);
  await page.goto(`/placements/${placementId}/supervision`);
  // The demo world's latest session of Amira's is a draft of Priya's.
  await page
    .getByRole("row", { name: /Draft/ })
    .first()
    .getByRole("link", { name: /20\d\d/ })
    .click();
  const bar = page.getByRole("button", { name: "Save draft now" }).locator("xpath=..");
  await expect(bar).toBeVisible();
  await page.getByRole("heading", { level: 1 }).click();
  let fields = 0;
  for (let stop = 0; stop < 60; stop++) {
    await page.keyboard.press("Tab");
    const focus = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      const sticky = document.querySelector(".sticky-form-actions");
      if (!element || element === document.body || !sticky || sticky.contains(element)) return null;
      if (!element.closest("form")) return null;
      const field = element.getBoundingClientRect();
      const barBox = sticky.getBoundingClientRect();
      return {
        name: element.getAttribute("name") ?? element.textContent?.trim().slice(0, 40),
        hidden: field.bottom > barBox.top && field.top < barBox.bottom,
      };
    });
    if (!focus) continue;
    fields++;
    expect(focus.hidden, `${focus.name} is behind the sticky bar`).toBe(false);
  }
  expect(fields, "fields reached with Tab").toBeGreaterThan(10);
});
