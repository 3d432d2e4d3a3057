import { expect, test, type Page } from "@playwright/test";
import { baseURL, oidcPort, ssoProvider } from "../../playwright.config";
import { startOidcProvider } from "../support/oidc-provider";
import { DEMO } from "./support";

// Single sign-on through a REAL OpenID Connect provider (oidc-provider) started
// here on a local port; the app's SSO_PROVIDERS (playwright.config.ts) points at it.

let idp: Awaited<ReturnType<typeof startOidcProvider>>;
test.beforeAll(async () => {
  idp = await startOidcProvider({
    port: oidcPort,
    clientId: ssoProvider.clientId,
    clientSecret: ssoProvider.clientSecret,
    redirectUri: `${baseURL}/api/auth/sso/${ssoProvider.id}/callback`,
    accounts: {
      priya: { email: DEMO.pe, email_verified: true },
      "priya-unverified": { email: DEMO.pe, email_verified: false },
      stranger: { email: "not.invited@pop.example.org", email_verified: true },
      // A real person, but of a university: not this provider's organisation.
      tutor: { email: DEMO.tutorSevernside, email_verified: true },
    },
  });
});
test.afterAll(async () => {
  await idp.close();
});
test.describe.configure({ mode: "serial" });

async function shoot(page: Page, name: string) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `test-results/screenshots/sso-${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** Through the provider's own sign-in and consent pages, as `login`. */
async function signInAtProvider(page: Page, login: string) {
  await page.goto("/sign-in");
  await page.getByRole("link", { name: `Sign in with ${ssoProvider.label}` }).click();
  await expect(page).toHaveURL(new RegExp(`^http://127\\.0\\.0\\.1:${oidcPort}/interaction/`));
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("the provider checks this, not the app");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
}

test("an invited person signs in through their organisation's provider", async ({ page }) => {
  await page.goto("/sign-in");
  await expect(page.getByRole("link", { name: `Sign in with ${ssoProvider.label}` })).toBeVisible();
  await shoot(page, "sign-in");
  await signInAtProvider(page, "priya");
  await expect(page).toHaveURL(`${baseURL}/`);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  const session = await (await page.request.get("/api/auth/session")).json();
  expect(session.user.email).toBe(DEMO.pe);
});

test("an unverified email, an uninvited email and another organisation's person are refused, nothing created", async ({
  page,
}) => {
  for (const [login, words] of [
    ["priya-unverified", "did not confirm your email address"],
    ["stranger", "no Placement Tracker account for the email address"],
    ["tutor", "no Placement Tracker account for the email address"],
  ] as const) {
    await page.context().clearCookies();
    await signInAtProvider(page, login);
    await expect(page).toHaveURL(/\/sign-in\?sso=/);
    await expect(page.getByRole("alert").filter({ hasText: words })).toBeVisible();
    expect((await (await page.request.get("/api/auth/session")).json()).user).toBeNull();
    if (login === "stranger") await shoot(page, "refused");
  }
});

test("a callback with a wrong state, or without the browser's attempt, is refused", async ({ page }) => {
  await page.context().clearCookies();
  // No attempt started in this browser.
  await page.goto(`/api/auth/sso/${ssoProvider.id}/callback?code=made-up&state=made-up`);
  await expect(page).toHaveURL(/\/sign-in\?sso=expired$/);
  await expect(page.getByRole("alert").filter({ hasText: "started in another browser" })).toBeVisible();
  // An attempt started, then a callback with a state that is not its own.
  await page.getByRole("link", { name: `Sign in with ${ssoProvider.label}` }).click();
  await expect(page).toHaveURL(new RegExp(`^http://127\\.0\\.0\\.1:${oidcPort}/`));
  await page.goto(`/api/auth/sso/${ssoProvider.id}/callback?code=made-up&state=tampered`);
  await expect(page).toHaveURL(/\/sign-in\?sso=failed$/);
  await expect(page.getByRole("alert").filter({ hasText: "did not complete" })).toBeVisible();
  expect((await (await page.request.get("/api/auth/session")).json()).user).toBeNull();
});
