import { expect, request as playwrightRequest, type APIRequestContext, type Page } from "@playwright/test";
import { addDays, formatDate, todayInUk } from "../../lib/dates";

// Dates as the app computes them: calendar days in the UK, shown as "23 Nov 2026".
export { addDays, formatDate, todayInUk };

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

/** The demo world's students (prisma/seed/demo-world.ts), by university. */
export const SEVERNSIDE_STUDENTS = [
  "Amira Hussain",
  "Ben Carter",
  "Ella Thompson",
  "George Williams",
  "Isaac Mensah",
  "Kieran Walsh",
] as const;
export const THREE_COUNTIES_STUDENTS = [
  "Chloe Davies",
  "Daniel Okafor",
  "Farah Begum",
  "Hannah Price",
  "Jade Robinson",
  "Lucy Nowak",
] as const;
export const DEMO_STUDENTS: readonly string[] = [...SEVERNSIDE_STUDENTS, ...THREE_COUNTIES_STUDENTS].sort();

/** The message every sign-in failure shows (app/(auth)/sign-in/sign-in-form.tsx). */
export const SIGN_IN_FAILURE =
  "The email or password is not right, or this account is temporarily locked after repeated attempts. Try again in a few minutes.";

/** Signs in through the real sign-in form. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

/** An HTTP client signed in as `email` through the sign-in endpoint (POST /api/auth/sign-in). */
export async function apiAs(baseURL: string, email: string, password = DEMO_PASSWORD): Promise<APIRequestContext> {
  const api = await playwrightRequest.newContext({ baseURL });
  const response = await api.post("/api/auth/sign-in", { data: { email, password } });
  expect(response.ok()).toBeTruthy();
  const session = await (await api.get("/api/auth/session")).json();
  expect(session?.user?.email).toBe(email);
  return api;
}

/** An HTTP client with no session. */
export function anonymousApi(baseURL: string): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL });
}

/**
 * Gives the page's browser context the session of `email` (signed in over
 * HTTP, which is quicker than the form): for tests about what a role sees
 * rather than about signing in.
 */
export async function useSessionOf(page: Page, baseURL: string, email: string) {
  const api = await apiAs(baseURL, email);
  const { cookies } = await api.storageState();
  await api.dispose();
  await page.context().clearCookies();
  await page.context().addCookies(cookies);
}

/** A row of GET /api/v1/placements. */
export type PlacementRow = {
  id: string;
  studentName: string;
  universityName: string | null;
  status: "PLANNED" | "ACTIVE" | "SUSPENDED" | "COMPLETED" | "ENDED_EARLY";
  startDate: string;
  endDate: string;
  requiredDays: number;
  daysCompleted: number;
  practiceEducatorName: string | null;
};

/** GET /api/v1/placements/:id's placement (the parts the tests use). */
export type PlacementDetail = {
  id: string;
  student: { id: string; name: string; email: string };
  university: { id: string; name: string } | null;
  setting: string;
  level: "FIRST" | "FINAL";
  startDate: string;
  endDate: string;
  requiredDays: number;
  status: PlacementRow["status"];
  statusReason: string | null;
  version: number;
  onsiteSupervisor: { id: string; name: string } | null;
  tutor: { id: string; name: string } | null;
  practiceEducators: Array<{
    id: string;
    practiceEducatorId: string;
    name: string;
    startDate: string;
    endDate: string | null;
  }>;
  currentPracticeEducator: { id: string; name: string } | null;
  attendance: Array<{ id: string; date: string; kind: string; note: string | null }>;
  days: { required: number; completed: number };
  permissions: { canManage: boolean; canRecordAttendance: boolean };
};

export async function listPlacements(api: APIRequestContext, query = ""): Promise<PlacementRow[]> {
  const response = await api.get(`/api/v1/placements${query}`);
  expect(response.status()).toBe(200);
  return (await response.json()).placements;
}

/** The id of a student's placement, found in the admin's list. With several, the earliest (the demo world's). */
export async function placementIdOf(adminApi: APIRequestContext, studentName: string): Promise<string> {
  const rows = (await listPlacements(adminApi)).filter((row) => row.studentName === studentName);
  expect(rows.length, `a placement for ${studentName}`).toBeGreaterThan(0);
  return rows.sort((a, b) => a.startDate.localeCompare(b.startDate))[0].id;
}

export async function getPlacement(api: APIRequestContext, id: string): Promise<PlacementDetail> {
  const response = await api.get(`/api/v1/placements/${id}`);
  expect(response.status()).toBe(200);
  return (await response.json()).placement;
}

/** The PATCH body that leaves a placement exactly as it is (at its current version). */
export function unchangedPatchBody(placement: PlacementDetail) {
  return {
    setting: placement.setting,
    startDate: placement.startDate,
    endDate: placement.endDate,
    requiredDays: placement.requiredDays,
    status: placement.status,
    statusReason: placement.statusReason,
    onsiteSupervisorId: placement.onsiteSupervisor?.id ?? null,
    tutorId: placement.tutor?.id ?? null,
    version: placement.version,
  };
}

/** A short suffix that keeps names and emails made by a test run unique. */
export function uniqueSuffix() {
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
}

/**
 * Adds a student through the admin's "Add a person" form (the page must be
 * signed in as the admin) and waits for the people list to show them.
 */
export async function addStudentThroughUi(
  page: Page,
  student: {
    name: string;
    email: string;
    university: string;
    programme: string;
    yearOfStudy: number;
    level: "First placement" | "Final (last) placement";
  },
) {
  await page.goto("/admin/users/new");
  await expect(page.getByRole("heading", { name: "Add a person", level: 1 })).toBeVisible();
  await page.getByLabel("Full name").fill(student.name);
  await page.getByLabel("Email address").fill(student.email);
  await page.getByLabel("Role", { exact: true }).selectOption({ label: "Student social worker" });
  await page.getByLabel("University", { exact: true }).selectOption({ label: student.university });
  await page.getByLabel("Programme", { exact: true }).selectOption({ label: student.programme });
  await page.getByLabel("Year of study").fill(String(student.yearOfStudy));
  await page.getByLabel("Placement level").selectOption({ label: student.level });
  await page.getByLabel("Password (optional)").fill("Kestrel-orchard-47-lantern");
  await page.getByRole("button", { name: "Add person" }).click();
  await expect(page).toHaveURL(/\/admin\/users$/);
  await expect(page.getByRole("link", { name: student.name, exact: true })).toBeVisible();
}
