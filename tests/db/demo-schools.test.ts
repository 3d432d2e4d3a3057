/** @jest-environment node */
import { useTestDatabase } from "../support/test-database";
import { seedDemoWorld } from "@/prisma/seed/demo-world";
import { addDays, todayInUk } from "@/lib/dates";
import type { SessionUser } from "@/lib/auth/session-user";
import { listOwnSchoolRequests } from "@/lib/schools/school-requests";
import { loadImpactReport } from "@/lib/impact/impact-report";

// The demo world's partner schools: a contact each, requests at every stage,
// and enough finished programmes for the impact report to show a distribution.

const { db } = useTestDatabase();
const today = todayInUk();

beforeAll(async () => {
  await seedDemoWorld(db(), today);
}, 180_000);

const asSession = (user: {
  id: string;
  email: string;
  name: string;
  role: SessionUser["role"];
  organisationId: string;
}) => ({
  id: user.id,
  email: user.email,
  name: user.name,
  role: user.role,
  organisationId: user.organisationId,
});

it("gives each of the two schools a contact who sees their own requests, one pending and one declined among them", async () => {
  const contacts = await db().user.findMany({ where: { role: "SCHOOL_CONTACT" }, orderBy: { name: "asc" } });
  expect(contacts).toHaveLength(2);
  const statuses = new Set<string>();
  for (const contact of contacts) {
    const { school, requests } = await listOwnSchoolRequests(asSession(contact));
    expect(school?.id).toBe(contact.schoolId);
    expect(requests.length).toBeGreaterThan(3);
    for (const request of requests) statuses.add(request.status);
  }
  expect([...statuses]).toEqual(expect.arrayContaining(["RECEIVED", "DECLINED", "RUNNING", "FINISHED"]));
});

it("gives the impact report a real distribution of outcomes and some quotes", async () => {
  const admin = await db().user.findFirstOrThrow({ where: { role: "ADMIN" } });
  const report = await loadImpactReport(asSession(admin), { from: addDays(today, -365), to: today, audience: "team" });
  const all = report.outcomes.at(-1)!;
  expect(all.children.value).toBeGreaterThanOrEqual(5);
  const bands = all.bands.map((band) => band.cell.value ?? 0);
  expect(bands.filter((count) => count > 0).length).toBeGreaterThanOrEqual(3);
  expect(report.quotes.length).toBeGreaterThan(0);
  expect(report.quotes.join(" ")).not.toMatch(/C-\d/);
});
