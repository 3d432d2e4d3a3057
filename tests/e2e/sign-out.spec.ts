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
