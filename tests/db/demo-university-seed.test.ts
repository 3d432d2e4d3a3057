/** @jest-environment node */
import { useTestDatabase } from "../support/test-database";
import { seedDemoWorld } from "@/prisma/seed/demo-world";
import { todayInUk } from "@/lib/dates";
import { listRegister } from "@/lib/pe-register/register";
import { listPanels } from "@/lib/panels/panels";
import { qaplDueFor } from "@/lib/qapl/qapl";
import type { SessionUser } from "@/lib/auth/session-user";

// The demo world's university side (prisma/seed/demo-university.ts): what the
// e2e journeys and the screenshots rely on.

const { db } = useTestDatabase();
const today = todayInUk();

beforeAll(async () => {
  await seedDemoWorld(db(), today);
}, 120_000);

async function signedIn(email: string): Promise<SessionUser> {
  const user = await db().user.findUniqueOrThrow({ where: { email } });
  return { id: user.id, email: user.email, name: user.name, role: user.role, organisationId: user.organisationId };
}

test("Three Counties has a past panel with a decision and a panel sitting today; Severnside one being prepared", async () => {
  const kwame = await signedIn("k.asante@threecounties.example.ac.uk");
  const panels = await listPanels(kwame);
  expect(panels.map((panel) => [panel.status, panel.decided, panel.sampled])).toEqual([
    ["OPEN", 0, 1],
    ["CLOSED", 1, 1],
  ]);
  const helen = await signedIn("h.marsh@severnside.example.ac.uk");
  expect((await listPanels(helen)).map((panel) => panel.status)).toEqual(["PLANNED"]);
});

test("finished placements have QAPL evaluations, Lucy Nowak's own still due", async () => {
  expect(await db().qaplEvaluation.count()).toBeGreaterThanOrEqual(7);
  const lucy = await signedIn("lucy.nowak@students.threecounties.example.ac.uk");
  expect((await qaplDueFor(lucy)).map((item) => item.studentName)).toEqual(["Lucy Nowak"]);
});

test("the register has one lapsed refresher", async () => {
  const admin = await signedIn("manager@pop.example.org");
  const overdue = (await listRegister(admin, today)).filter((entry) => entry.refresher.state === "OVERDUE");
  expect(overdue.map((entry) => entry.name)).toEqual(["Tom Fletcher"]);
});
