import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "./support";

test("signing out ends the session: the home page then asks to sign in", async ({ page }) => {
  await signIn(page, DEMO.pe);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole("button", { name: "Sign out" })).toHaveCount(0);
  const api = await page.request.get("/api/v1/placements");
  expect(api.status()).toBe(401);
});

test("a copy of the session cookie taken before signing out is refused afterwards (issue 10)", async ({
  page,
  browser,
}) => {
  await signIn(page, DEMO.pe);
  const copied = await page.context().cookies();
  const session = copied.find((cookie) => cookie.name === "pt_session");
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });

  // Another browser holding the copy is signed in…
  const thief = await browser.newContext();
  await thief.addCookies(copied);
  const thiefPage = await thief.newPage();
  expect((await thiefPage.request.get("/api/v1/placements")).status()).toBe(200);

  // …until the owner signs out: the session is gone on the server, not only from the owner's browser.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  expect((await thiefPage.request.get("/api/v1/placements")).status()).toBe(401);
  await thiefPage.goto("/");
  await expect(thiefPage).toHaveURL(/\/sign-in/);
  await thief.close();
});
