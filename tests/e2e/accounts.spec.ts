import { expect, test, type Page } from "@playwright/test";
import { smtpPort } from "../../playwright.config";
import { linkToken, startMailbox } from "../support/mailbox";
import { DEMO, signIn } from "./support";
import { totpAt } from "../../lib/auth/totp";

// Accounts end to end (issue 11), with the app's emails received on a real SMTP server.

let mailbox: Awaited<ReturnType<typeof startMailbox>>;
test.beforeAll(async () => {
  mailbox = await startMailbox(smtpPort);
});
test.afterAll(async () => {
  await mailbox.close();
});

const ROSA = { name: "Rosa Okonjo", email: "rosa.okonjo@pop.example.org" };
const FIRST_PASSWORD = "harbour lantern quince orbit";
const SECOND_PASSWORD = "copper kettle walks sideways";

async function shoot(page: Page, name: string) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `test-results/screenshots/accounts-${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function setPassword(page: Page, password: string) {
  await page.getByLabel("New password", { exact: true }).fill(password);
  await page.getByLabel("New password again").fill(password);
  await page.getByRole("button", { name: "Save password" }).click();
  await expect(page).toHaveURL(/\/sign-in\?password=set$/);
  await expect(page.getByRole("status")).toContainText("Your password has been saved");
}

// Each test walks several pages and emails: slow on a loaded 2-core machine.
test.describe.configure({ mode: "serial", timeout: 150_000 });

test("invite → email → set password → sign in; the people list shows the status", async ({ page }) => {
  await signIn(page, DEMO.admin);
  await page.goto("/admin/users/new");
  await page.getByLabel("Full name").fill(ROSA.name);
  await page.getByLabel("Email address").fill(ROSA.email);
  await page.getByLabel("Role", { exact: true }).selectOption({ label: "On-site supervisor" });
  await page.getByRole("button", { name: "Add person" }).click();
  await expect(page).toHaveURL(/\/admin\/users$/);
  const row = page.getByRole("row", { name: new RegExp(ROSA.name) });
  await expect(row).toContainText("Invited");
  await expect(row).toContainText("Never");
  await shoot(page, "people-list");

  const invitation = await mailbox.waitFor(ROSA.email);
  expect(invitation.raw).toContain("Subject: Your Placement Tracker account");
  expect(invitation.raw).toMatch(/text\/html/);
  const token = linkToken(invitation);
  await page.getByRole("button", { name: "Sign out" }).click();

  await page.goto(`/set-password/${token}`);
  await expect(page.getByRole("heading", { name: "Welcome to Placement Tracker" })).toBeVisible();
  // A weak password is refused in words, beside the field.
  await page.getByLabel("New password", { exact: true }).fill("password1234");
  await page.getByLabel("New password again").fill("password1234");
  await page.getByRole("button", { name: "Save password" }).click();
  await expect(page.getByText("This password is too easy to guess").first()).toBeVisible();
  await shoot(page, "set-password");
  await setPassword(page, FIRST_PASSWORD);
  await signIn(page, ROSA.email, FIRST_PASSWORD);

  // Used once: the link now says so, and changes nothing.
  await page.goto(`/set-password/${token}`);
  await expect(page.getByRole("heading", { name: "This link does not work" })).toBeVisible();
  await expect(page.getByText("already been used")).toBeVisible();
});

test("change password, the sessions page, and 'sign out everywhere' ending another browser's session", async ({
  page,
  browser,
}) => {
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, ROSA.email, FIRST_PASSWORD);
  await signIn(page, ROSA.email, FIRST_PASSWORD);

  await page.getByRole("link", { name: /Your account/ }).click();
  await expect(page.getByRole("heading", { name: "Your account", level: 1 })).toBeVisible();
  // Three sessions of Rosa's (the first test's, the other browser's, this one), a header row besides.
  await expect(page.getByRole("table", { name: "Your sessions" }).getByRole("row")).toHaveCount(4);
  await expect(page.getByText("This browser", { exact: true })).toBeVisible();
  await shoot(page, "sessions");

  await page.getByRole("link", { name: "Change your password" }).click();
  await page.getByLabel("Current password").fill("not my password");
  await page.getByLabel("New password", { exact: true }).fill(SECOND_PASSWORD);
  await page.getByLabel("New password again").fill(SECOND_PASSWORD);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Your current password is not right").first()).toBeVisible();
  await shoot(page, "change-password");
  await page.getByLabel("Current password").fill(FIRST_PASSWORD);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("status")).toContainText("Your password has been changed");
  // The other browser was signed out by the change; this one stays.
  expect((await otherPage.request.get("/api/v1/placements")).status()).toBe(401);
  expect((await page.request.get("/api/auth/session")).ok()).toBe(true);

  // Sign out everywhere from this browser ends the other browser's new session too.
  await signIn(otherPage, ROSA.email, SECOND_PASSWORD);
  await page.goto("/account");
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await otherPage.goto("/");
  await expect(otherPage).toHaveURL(/\/sign-in/);
  await other.close();
});

test("forgotten password: the link by email sets a new one; the answer is the same for an unknown address", async ({
  page,
}) => {
  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
  await page.getByLabel("Email address").fill("nobody.here@pop.example.org");
  await page.getByRole("button", { name: "Send me a link" }).click();
  const unknownAnswer = await page.getByRole("status").innerText();

  await page.goto("/forgot-password");
  await page.getByLabel("Email address").fill(ROSA.email);
  const before = mailbox.received.length;
  await page.getByRole("button", { name: "Send me a link" }).click();
  await expect(page.getByRole("status")).toContainText("Check your email");
  expect((await page.getByRole("status").innerText()).replace(ROSA.email, "X")).toBe(
    unknownAnswer.replace("nobody.here@pop.example.org", "X"),
  );
  await expect.poll(() => mailbox.received.length).toBeGreaterThan(before);
  const reset = await mailbox.waitFor(ROSA.email);
  expect(reset.raw).toContain("Subject: Reset your Placement Tracker password");
  expect(mailbox.received.some((mail) => mail.to.includes("nobody.here@pop.example.org"))).toBe(false);

  await page.goto(`/set-password/${linkToken(reset)}`);
  await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  await setPassword(page, FIRST_PASSWORD + " again");
  await signIn(page, ROSA.email, FIRST_PASSWORD + " again");
});

test("the sign-in page offers 'Forgot your password?'", async ({ page }) => {
  await page.goto("/sign-in");
  await expect(page.getByRole("link", { name: "Forgot your password?" })).toBeVisible();
  await shoot(page, "sign-in");
  await page.goto("/set-password/not-a-real-token-at-all-xxxxxxxx");
  await expect(page.getByText("This link is not valid")).toBeVisible();
  await shoot(page, "bad-link");
});

test("two-factor sign-in: set up with a code from the app, then sign in with a code, then with a recovery code", async ({
  page,
}) => {
  const password = FIRST_PASSWORD + " again";
  await signIn(page, ROSA.email, password);
  await page.goto("/account");
  await page.getByRole("link", { name: "Off: set up two-factor sign-in" }).click();
  await expect(page.getByRole("heading", { name: "Set up two-factor sign-in" })).toBeVisible();
  await expect(page.getByRole("img", { name: /QR code for your authenticator app/ })).toBeVisible();
  const secret = await page.getByTestId("totp-secret").getAttribute("data-secret");
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await shoot(page, "two-factor-set-up");
  // A wrong code is refused beside the field.
  await page.getByLabel("Code from your app").fill("000000");
  await page.getByRole("button", { name: "Confirm and finish" }).click();
  await expect(page.getByText("That code is not right").first()).toBeVisible();
  // The code an authenticator app would show now, computed here from the key the page showed.
  await page.getByLabel("Code from your app").fill(totpAt(secret!, new Date()));
  await page.getByRole("button", { name: "Confirm and finish" }).click();
  await expect(page.getByRole("heading", { name: "Two-factor sign-in is set up" })).toBeVisible();
  const recoveryCodes = await page.getByTestId("recovery-code").allInnerTexts();
  expect(recoveryCodes).toHaveLength(10);
  await shoot(page, "two-factor-recovery-codes");
  await page.getByRole("link", { name: /continue/ }).click();
  await expect(page.getByRole("link", { name: "On: manage two-factor sign-in" })).toBeVisible();
  await page.getByRole("button", { name: "Sign out", exact: true }).click();

  // The password alone no longer signs in: the code step comes next.
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(ROSA.email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/sign-in\/code$/);
  expect((await (await page.request.get("/api/auth/session")).json()).user).toBeNull();
  await page.getByLabel("Code from your app").fill("123456");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByText("That code is not right").first()).toBeVisible();
  await shoot(page, "two-factor-code");
  // The set-up used this time step's code; the app's next one (accepted a step early) signs in.
  await page.getByLabel("Code from your app").fill(totpAt(secret!, new Date(Date.now() + 30_000)));
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("button", { name: "Sign out", exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Sign out", exact: true }).click();

  // A lost phone: a recovery code signs in once.
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(ROSA.email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("button", { name: "Lost your phone? Use a recovery code" }).click();
  await page.getByLabel("Recovery code").fill(recoveryCodes[0]);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await page.goto("/account/two-factor");
  await expect(page.getByText("9 recovery codes left")).toBeVisible();
});
