import { expect, request as playwrightRequest, type APIRequestContext, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "demo-password-2026";

export const DEMO = {
  admin: "manager@pop.example.org",
  pe: "priya.shah@pop.example.org", // PE of Amira Hussain and Ella Thompson
  peTom: "tom.fletcher@pop.example.org", // PE of Ben Carter, Farah Begum, now Daniel Okafor
  peOwen: "owen.pritchard@pop.example.org", // Daniel Okafor's previous PE
  onsite: "sam.rivers@pop.example.org", // on-site supervisor of Amira Hussain and Farah Begum
  tutorSevernside: "h.marsh@severnside.example.ac.uk",
  tutorThreeCounties: "k.asante@threecounties.example.ac.uk",
  studentAmira: "amira.hussain@students.severnside.example.ac.uk", // Severnside, active, PE Priya
  studentChloe: "chloe.davies@students.threecounties.example.ac.uk", // Three Counties, active
} as const;

/** Signs in through the real sign-in form. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

/** An HTTP client signed in as `email` through next-auth's own credentials endpoint. */
export async function apiAs(baseURL: string, email: string): Promise<APIRequestContext> {
  const api = await playwrightRequest.newContext({ baseURL });
  const { csrfToken } = await (await api.get("/api/auth/csrf")).json();
  const response = await api.post("/api/auth/callback/credentials", { form: { csrfToken, email, password: DEMO_PASSWORD, json: "true" } });
  expect(response.ok()).toBeTruthy();
  const session = await (await api.get("/api/auth/session")).json();
  expect(session?.user?.email).toBe(email);
  return api;
}
