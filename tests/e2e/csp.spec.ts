import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { DEMO, useSessionOf } from "./support";

// Issue 10: every page carries a Content-Security-Policy with a fresh nonce,
// and the pages still work under it: the sign-in form signs in, and a form
// page's client-side checks run (its scripts were allowed). Any CSP violation
// the browser reports, or a console error about the policy, fails the test.
// Screenshots at 1280 and 390 px go to screenshots/csp-*.png for a person to look at.

const SCREENSHOTS = path.resolve(__dirname, "..", "..", "screenshots");

/** Records the browser's CSP violation reports and console errors for the page's whole life. */
async function watchForViolations(page: Page) {
  const problems: string[] = [];
  page.on("console", (message) => {
    // A failed load is not the policy's doing; it is annotated below with its address instead.
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource"))
      problems.push(`console: ${message.text()}`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400)
      test.info().annotations.push({ type: "failed load", description: `${response.status()} ${response.url()}` });
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  await page.exposeFunction("__reportCspViolation", (text: string) => problems.push(`violation: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { __reportCspViolation: (text: string) => void }).__reportCspViolation(
        `${event.violatedDirective} blocked ${event.blockedURI || "inline"}`,
      );
    });
  });
  return problems;
}

function expectStrictPolicy(policy: string | undefined) {
  expect(policy).toBeDefined();
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
  for (const directive of ["default-src 'self'", "object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'"])
    expect(policy).toContain(directive);
  expect(policy).not.toContain("unsafe-eval");
}

async function shoot(page: Page, name: string) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: path.join(SCREENSHOTS, `csp-${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("the sign-in page has a nonce CSP, a fresh nonce each time, and signing in works under it", async ({ page }) => {
  const problems = await watchForViolations(page);
  const first = await page.goto("/sign-in");
  const policy = first!.headers()["content-security-policy"];
  expectStrictPolicy(policy);
  const nonce = policy.match(/'nonce-([^']+)'/)![1];
  // Next put the nonce on its scripts, and no script runs without it.
  const scripts = await page
    .locator("script")
    .evaluateAll((nodes) =>
      nodes.map((node) => ({ nonce: (node as HTMLScriptElement).nonce, src: (node as HTMLScriptElement).src })),
    );
  expect(scripts.length).toBeGreaterThan(0);
  for (const script of scripts) expect(script.nonce, script.src || "an inline script").toBe(nonce);
  const second = await page.request.get("/sign-in");
  expect(second.headers()["content-security-policy"]).not.toContain(nonce);
  expect(second.headers()["x-frame-options"]).toBe("DENY");
  expect(second.headers()["x-content-type-options"]).toBe("nosniff");

  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  await shoot(page, "sign-in");
  await page.getByLabel("Email address").fill(DEMO.admin);
  await page.getByLabel("Password").fill("demo-password-2026");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  expect(problems).toEqual([]);
});

test("a form page works under the CSP: its client-side checks run and nothing is blocked", async ({
  page,
}, testInfo) => {
  const problems = await watchForViolations(page);
  await useSessionOf(page, testInfo.project.use.baseURL!, DEMO.admin);
  const response = await page.goto("/placements/new");
  expectStrictPolicy(response!.headers()["content-security-policy"]);
  await expect(page.getByRole("heading", { name: "Add a placement", level: 1 })).toBeVisible();
  // Submitting an empty form: the form's own script (useActionForm, the zod schema) shows the error summary.
  await page.getByLabel("Planned end date").fill("");
  await page.getByRole("button", { name: "Add placement" }).click();
  await expect(page.getByRole("alert").first()).toBeVisible();
  await expect(page).toHaveURL(/\/placements\/new$/);
  await shoot(page, "add-a-placement");
  expect(problems).toEqual([]);
});
