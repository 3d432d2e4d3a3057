import path from "node:path";
import { expect, request as playwrightRequest, test } from "@playwright/test";
import { baseURL } from "../../playwright.config";
import { anonymousApi, apiAs, DEMO, SEVERNSIDE_STUDENTS, signIn, THREE_COUNTIES_STUDENTS } from "./support";

// The university integration API end to end: the team manager issues a token
// in the UI, a university system reads with it over real HTTP (its own
// students only, never writing), the manager revokes it, and it stops working.

const SCREENSHOTS = path.resolve(__dirname, "..", "..", "screenshots");
const INVALID = "The API token is not valid: check it, or ask the team manager for a new one.";

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

test("a Severnside token reads only Severnside's placements, cannot write, and stops working when revoked", async ({
  page,
}) => {
  const tokenName = `Severnside records e2e ${Date.now()}`;
  await signIn(page, DEMO.admin);
  await page.getByRole("link", { name: "API tokens" }).click();
  await expect(page.getByRole("heading", { name: "API tokens", level: 1 })).toBeVisible();

  // Issue, through the form.
  await page.getByLabel("University").selectOption({ label: "Severnside University" });
  await page.getByLabel("Name", { exact: true }).fill(tokenName);
  await page.getByRole("button", { name: "Issue token" }).click();
  await expect(
    page.getByRole("heading", { name: "Token issued for Severnside University: copy it now" }),
  ).toBeFocused();
  await expect(page.getByText("this token will not be shown again")).toBeVisible();
  const token = await page.getByTestId("new-api-token").inputValue();
  expect(token).toMatch(/^pt_[A-Za-z0-9_-]{43}$/);
  const row = page.getByRole("row", { name: new RegExp(tokenName) });
  await expect(row).toContainText(token.slice(0, 11));
  await expect(row).toContainText("Active");
  await expect(row).toContainText("Never");
  // The list never holds the token itself.
  await expect(page.locator("table")).not.toContainText(token);
  await page.screenshot({ path: path.join(SCREENSHOTS, "api-tokens-issued.png"), fullPage: true });

  // Read with it: a client with no session at all.
  const system = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: bearer(token) });
  const admin = await apiAs(baseURL, DEMO.admin);
  try {
    const listed = await system.get("/api/v1/placements?limit=500");
    expect(listed.status()).toBe(200);
    const body = (await listed.json()) as {
      placements: Array<{ id: string; studentName: string; universityName: string }>;
      nextCursor: string | null;
    };
    expect(body.nextCursor).toBeNull();
    const names = new Set(body.placements.map((placement) => placement.studentName));
    expect(names.has("Amira Hussain")).toBe(true);
    for (const name of THREE_COUNTIES_STUDENTS)
      expect(names.has(name), `${name} (Three Counties) is not listed`).toBe(false);
    for (const placement of body.placements) expect(placement.universityName).toBe("Severnside University");
    expect(
      [...names].filter((name) => (SEVERNSIDE_STUDENTS as readonly string[]).includes(name)).length,
    ).toBeGreaterThan(0);

    const amira = body.placements.find((placement) => placement.studentName === "Amira Hussain")!;
    expect((await system.get(`/api/v1/placements/${amira.id}`)).status()).toBe(200);
    const adminList = (await (await admin.get("/api/v1/placements?limit=500")).json()).placements as Array<{
      id: string;
      studentName: string;
    }>;
    const chloe = adminList.find((placement) => placement.studentName === "Chloe Davies")!;
    expect((await system.get(`/api/v1/placements/${chloe.id}`)).status()).toBe(404);
    expect((await system.get("/api/v1/milestones")).status()).toBe(200);

    // Paging: two at a time reaches the same rows.
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page2 = await system.get(`/api/v1/placements?limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      const json = (await page2.json()) as { placements: Array<{ id: string }>; nextCursor: string | null };
      paged.push(...json.placements.map((placement) => placement.id));
      cursor = json.nextCursor;
    } while (cursor);
    expect(paged.sort()).toEqual(body.placements.map((placement) => placement.id).sort());

    // Never a write, never an unflagged route.
    const post = await system.post("/api/v1/placements", { data: { setting: "From a token" } });
    expect(post.status()).toBe(403);
    expect(await post.json()).toEqual({
      error: { code: "forbidden", message: "API tokens are read-only: they can only make GET requests." },
    });
    const children = await system.get("/api/v1/children");
    expect(children.status()).toBe(401);
    expect(await children.json()).toEqual({
      error: { code: "unauthenticated", message: "This route does not accept API tokens." },
    });

    // A Bearer header decides alone: the admin's session cookie does not rescue a bad token.
    const withCookie = await admin.get("/api/v1/placements", { headers: bearer("pt_" + "x".repeat(43)) });
    expect(withCookie.status()).toBe(401);
    expect(await withCookie.json()).toEqual({ error: { code: "unauthenticated", message: INVALID } });

    // The description is public.
    const anonymous = await anonymousApi(baseURL);
    const openapi = await anonymous.get("/api/v1/openapi.json");
    expect(openapi.status()).toBe(200);
    expect((await openapi.json()).openapi).toMatch(/^3\.1/);
    await anonymous.dispose();

    // Revoke in the UI, with the two-step confirm.
    await page.reload();
    const listedRow = page.getByRole("row", { name: new RegExp(tokenName) });
    await expect(listedRow).not.toContainText("Never");
    await listedRow.getByRole("button", { name: `Revoke “${tokenName}”` }).click();
    await expect(page.getByRole("heading", { name: `Revoke “${tokenName}”?` })).toBeFocused();
    await listedRow.getByLabel("Reason (optional)").fill("End-to-end test finished");
    await page.screenshot({ path: path.join(SCREENSHOTS, "api-tokens-revoke-confirm.png"), fullPage: true });
    await listedRow.getByRole("button", { name: "Yes, revoke it" }).click();
    await expect(listedRow).toContainText("Revoked");
    await expect(listedRow.getByRole("button", { name: /Revoke/ })).toHaveCount(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, "api-tokens-list.png"), fullPage: true });

    const afterRevoke = await system.get("/api/v1/placements");
    expect(afterRevoke.status()).toBe(401);
    expect(await afterRevoke.json()).toEqual({ error: { code: "unauthenticated", message: INVALID } });
  } finally {
    await system.dispose();
    await admin.dispose();
  }
});

test("only the team manager reaches the API tokens page", async ({ page }) => {
  await signIn(page, DEMO.tutorSevernside);
  const response = await page.goto("/admin/api-tokens");
  expect(response?.status()).toBe(404);
});
