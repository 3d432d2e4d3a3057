/** @jest-environment node */
import { useTestDatabase } from "../support/test-database";
import { buildWorld, type World } from "../support/world";
import {
  buildPanelSample,
  changePanelStatus,
  createPanel,
  getPanel,
  getPanelItem,
  listPanels,
  mayCreatePanels,
  panelDecisionsOfPlacement,
  setPanelLead,
} from "@/lib/panels/panels";
import { panelReportPdf } from "@/lib/panels/panel-pdf";
import { listPlacements } from "@/lib/placements/list-placements";
import { getPlacement } from "@/lib/placements/get-placement";
import { getChild, listChildren } from "@/lib/children/children";
import { search } from "@/lib/search/search";
import { getSupervisionLog } from "@/lib/supervision/get-supervision-log";
import { getFinalAssessment } from "@/lib/portfolio/get-final-assessment";
import { getPad } from "@/lib/portfolio/pad";
import { listPlacementEvidence } from "@/lib/portfolio/read-evidence";
import { listRegister } from "@/lib/pe-register/register";
import { qaplBoard } from "@/lib/qapl/qapl";
import { listOwnSchoolRequests, listSchoolRequestsToTriage } from "@/lib/schools/school-requests";
import { loadImpactReport } from "@/lib/impact/impact-report";
import { createUser, listUsers } from "@/lib/users/users";
import { toAppError } from "@/lib/errors";
import { addDays, fromIsoDate } from "@/lib/dates";
import type { SessionUser } from "@/lib/auth/session-user";

// The panel lead permission, and the accounts that exist for one job: a
// panel's guests (external examiner, service user or carer representative)
// and the council's leadership (docs/domain.md "Practice Assessment Panels",
// "Impact report").

const { db } = useTestDatabase();

let world: World;
let examiner: SessionUser;
let representative: SessionUser;
let otherExaminer: SessionUser;
let leadership: SessionUser;
let tutorA2: SessionUser;
let childId: string;
let finalAssessmentId: string;

async function statusOf(promise: Promise<unknown>) {
  try {
    await promise;
    return 200;
  } catch (error) {
    const appError = toAppError(error);
    if (!appError) throw error;
    return appError.status;
  }
}

async function account(key: string, role: SessionUser["role"], organisationId: string): Promise<SessionUser> {
  const row = await db().user.create({
    data: { name: `Test ${key}`, email: `${key}@test.example.org`, role, organisationId, passwordHash: "x" },
  });
  return { id: row.id, email: row.email, name: row.name, role: row.role, organisationId };
}

beforeAll(async () => {
  world = await buildWorld();
  await db().user.update({ where: { id: world.users.tutorA.id }, data: { panelLead: true } });
  await db().user.update({ where: { id: world.users.tutorB.id }, data: { panelLead: true } });
  examiner = await account("examiner", "EXTERNAL_EXAMINER", world.uniA.id);
  representative = await account("representative", "SERVICE_USER_REPRESENTATIVE", world.uniA.id);
  otherExaminer = await account("otherExaminer", "EXTERNAL_EXAMINER", world.uniB.id);
  leadership = await account("leadership", "LEADERSHIP", world.team.id);
  tutorA2 = await account("tutorA2", "UNIVERSITY_TUTOR", world.uniA.id);
  const signed = fromIsoDate(addDays(world.today, -5));
  finalAssessmentId = (
    await db().finalAssessment.create({
      data: {
        placementId: world.placementA.id,
        practiceEducatorId: world.users.peA.id,
        recommendation: "REFER",
        status: "COMPLETE",
        holisticSummary: "Worked with child C-1001 on feelings.",
        peSignedAt: signed,
        studentSignedAt: signed,
      },
    })
  ).id;
  childId = (
    await db().child.create({
      data: {
        code: "C-1001",
        teamId: world.team.id,
        firstName: "Amelia",
        lastName: "Secret",
        dateOfBirth: fromIsoDate("2015-03-01"),
      },
    })
  ).id;
});

describe("the panel lead permission", () => {
  it("lets only panel leads set up panels; the team manager or a lead of the same university grants it, audited", async () => {
    const input = {
      programmeId: world.programmeA.id,
      name: "Summer panel",
      sitsOn: addDays(world.today, 10),
      memberIds: [],
      randomPercent: 0,
    };
    expect(await mayCreatePanels(tutorA2)).toBe(false);
    expect(await statusOf(createPanel(tutorA2, input))).toBe(403);
    // A tutor without the permission cannot grant it; another university's lead cannot reach the tutor.
    expect(await statusOf(setPanelLead(tutorA2, tutorA2.id, { panelLead: true, version: 1 }))).toBe(403);
    expect(await statusOf(setPanelLead(world.users.tutorB, tutorA2.id, { panelLead: true, version: 1 }))).toBe(404);
    expect(await statusOf(setPanelLead(world.users.peA, tutorA2.id, { panelLead: true, version: 1 }))).toBe(404);
    // Only tutors lead panels.
    expect(
      await statusOf(setPanelLead(world.users.admin, world.users.studentA.id, { panelLead: true, version: 1 })),
    ).toBe(404);

    await setPanelLead(world.users.admin, tutorA2.id, { panelLead: true, version: 1 });
    const audit = await db().auditLog.findFirstOrThrow({ where: { entity: "User", entityId: tutorA2.id } });
    expect(audit).toMatchObject({ action: "UPDATE", actorId: world.users.admin.id });
    expect(await mayCreatePanels(tutorA2)).toBe(true);
    const panel = await createPanel(tutorA2, input);
    // Taken away by a lead of the same university: no more panels, and no more samples on their own.
    await setPanelLead(world.users.tutorA, tutorA2.id, { panelLead: false, version: 2 });
    expect(await statusOf(createPanel(tutorA2, input))).toBe(403);
    expect(await statusOf(buildPanelSample(tutorA2, panel.id, { version: 1 }))).toBe(403);
    // Nobody takes away their own.
    expect(
      await statusOf(setPanelLead(world.users.tutorA, world.users.tutorA.id, { panelLead: false, version: 1 })),
    ).toBe(409);
  });
});

describe("a panel's guests", () => {
  let panelId: string;
  let itemId: string;

  it("sit on a panel only when named; another university's examiner cannot be", async () => {
    const base = {
      programmeId: world.programmeA.id,
      name: "Examined panel",
      sitsOn: addDays(world.today, 7),
      randomPercent: 0,
    };
    expect(await statusOf(createPanel(world.users.tutorA, { ...base, memberIds: [otherExaminer.id] }))).toBe(422);
    ({ id: panelId } = await createPanel(world.users.tutorA, {
      ...base,
      memberIds: [examiner.id, representative.id, world.users.pePast.id],
    }));
    await buildPanelSample(world.users.tutorA, panelId, { version: 1 });
    itemId = (await db().panelSampleItem.findFirstOrThrow({ where: { panelId } })).id;
  });

  it("read nothing before the panel sits", async () => {
    for (const guest of [examiner, representative, world.users.pePast]) {
      expect(await listPanels(guest)).toEqual([]);
      expect(await statusOf(getPanel(guest, panelId))).toBe(404);
      expect(await statusOf(getPanelItem(guest, panelId, itemId))).toBe(404);
    }
  });

  it("read the sample and the panel's record while it sits, each read audited, with no decision to make", async () => {
    await changePanelStatus(world.users.tutorA, panelId, "OPEN", { version: 2 });
    for (const guest of [examiner, representative, world.users.pePast]) {
      expect((await listPanels(guest)).map((panel) => panel.id)).toEqual([panelId]);
      const record = await getPanel(guest, panelId);
      expect(record.permissions).toMatchObject({ canReadSample: true, canDecide: false, canManage: false });
      const before = await db().auditLog.count({ where: { actorId: guest.id, action: "VIEW" } });
      const item = await getPanelItem(guest, panelId, itemId);
      expect(item.canDecide).toBe(false);
      expect(JSON.stringify(item)).not.toContain("Amelia");
      expect(await db().auditLog.count({ where: { actorId: guest.id, action: "VIEW" } })).toBe(before + 1);
    }
    expect(await statusOf(getPanel(otherExaminer, panelId))).toBe(404);
  });

  it("read nothing once it has closed", async () => {
    await db().panelSampleItem.updateMany({
      where: { panelId },
      data: { decision: "CONFIRMED", decidedAt: new Date(), evidenceSufficient: false },
    });
    await changePanelStatus(world.users.tutorA, panelId, "CLOSED", { version: 3 });
    for (const guest of [examiner, representative]) {
      expect(await listPanels(guest)).toEqual([]);
      expect(await statusOf(getPanel(guest, panelId))).toBe(404);
      expect(await statusOf(getPanelItem(guest, panelId, itemId))).toBe(404);
    }
  });
});

describe("the panel's report and its decisions on the placement", () => {
  it("prints the sample, decisions and themes as a PDF; the API gives the decisions to those who see the placement", async () => {
    const panel = (await listPanels(world.users.tutorA)).find((row) => row.name === "Examined panel")!;
    const { fileName, bytes } = await panelReportPdf(await getPanel(world.users.tutorA, panel.id));
    expect(fileName).toMatch(/^panel-report-examined-panel-\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    const { decisions } = await panelDecisionsOfPlacement(world.users.tutorA, world.placementA.id);
    expect(decisions).toEqual([expect.objectContaining({ decision: "CONFIRMED", panelName: "Examined panel" })]);
    expect(await statusOf(panelDecisionsOfPlacement(world.users.tutorB, world.placementA.id))).toBe(404);
    expect(await statusOf(panelDecisionsOfPlacement(examiner, world.placementA.id))).toBe(404);
  });
});

describe("accounts with one job see nothing else", () => {
  it.each([
    ["an external examiner", () => examiner],
    ["a service user or carer representative", () => representative],
    ["the council's leadership", () => leadership],
  ])("%s: every other list is empty and every record a 404 or 403", async (_label, who) => {
    const user = who();
    const placementId = world.placementA.id;
    expect(await listPlacements(user)).toEqual([]);
    const found = await search(user, "Test");
    expect(found.placements.total + found.students.total).toBe(0);
    expect(found.children).toBeNull();
    for (const read of [
      () => getPlacement(user, placementId),
      () => getSupervisionLog(user, placementId),
      () => getFinalAssessment(user, placementId),
      () => getPad(user, placementId),
      () => listPlacementEvidence(user, placementId),
      () => getChild(user, childId),
    ])
      expect([403, 404]).toContain(await statusOf(read()));
    expect(await listChildren(user)).toHaveLength(0);
    expect(await listRegister(user)).toEqual([]);
    expect(await statusOf(qaplBoard(user))).toBe(403);
    expect([403, 404]).toContain(await statusOf(listOwnSchoolRequests(user)));
    expect([403, 404]).toContain(await statusOf(listSchoolRequestsToTriage(user)));
    expect([403, 404]).toContain(await statusOf(listUsers(user)));
    expect(finalAssessmentId).toBeTruthy();
  });

  it("gives the leadership the impact report, suppressed and across the team's schools; the panel's guests none", async () => {
    const report = await loadImpactReport(leadership, {
      from: addDays(world.today, -90),
      to: world.today,
      audience: "team",
    });
    expect(report).toMatchObject({ audience: "leadership", suppressed: true, scopeName: "The team" });
    expect(
      await db().auditLog.count({ where: { actorId: leadership.id, action: "VIEW", entity: "ImpactReport" } }),
    ).toBe(1);
    for (const guest of [examiner, representative])
      expect(
        await statusOf(loadImpactReport(guest, { from: addDays(world.today, -90), to: world.today, audience: "team" })),
      ).toBe(403);
  });
});

describe("the team manager creates the accounts", () => {
  it("makes a school contact for one of the team's schools, with an invitation; another team's school is refused", async () => {
    const school = await db().school.create({ data: { teamId: world.team.id, name: "Test Primary" } });
    const elsewhere = await db().school.create({ data: { teamId: world.otherTeam.id, name: "Elsewhere Primary" } });
    const base = { name: "Pat Teacher", email: "pat.teacher@test.example.org", role: "SCHOOL_CONTACT" as const };
    expect(await statusOf(createUser(world.users.admin, base))).toBe(422);
    expect(await statusOf(createUser(world.users.admin, { ...base, schoolId: elsewhere.id }))).toBe(422);
    const { id, invited } = await createUser(world.users.admin, { ...base, schoolId: school.id });
    expect(invited).toBe(true);
    expect(await db().user.findUniqueOrThrow({ where: { id } })).toMatchObject({
      role: "SCHOOL_CONTACT",
      schoolId: school.id,
      organisationId: world.team.id,
    });
    expect(await db().accountLink.count({ where: { userId: id, purpose: "INVITATION" } })).toBe(1);
    const examinerId = (
      await createUser(world.users.admin, {
        name: "Prof. New Examiner",
        email: "new.examiner@test.example.org",
        role: "EXTERNAL_EXAMINER",
        universityId: world.uniA.id,
      })
    ).id;
    expect((await db().user.findUniqueOrThrow({ where: { id: examinerId } })).organisationId).toBe(world.uniA.id);
  });
});
