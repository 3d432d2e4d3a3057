/** @jest-environment node */
import { useTestDatabase } from "../support/test-database";
import { buildWorld, type World } from "../support/world";
import { buildChildren, type ChildrenWorld } from "../support/children-world";
import type { SessionUser } from "@/lib/auth/session-user";
import { listOwnSchoolRequests, listSchoolRequestsToTriage, requestSupport } from "@/lib/schools/school-requests";
import { decideReferral } from "@/lib/children/referrals";
import { getChild, listChildren } from "@/lib/children/children";
import { allocateChildren, listCaseload } from "@/lib/children/allocations";
import { listPlacements } from "@/lib/placements/list-placements";
import { loadImpactReport } from "@/lib/impact/impact-report";
import { AppError } from "@/lib/errors";
import { addDays, fromIsoDate } from "@/lib/dates";

const { db } = useTestDatabase();

let world: World;
let kids: ChildrenWorld;
let contactA: SessionUser;
let contactB: SessionUser;
let otherSchoolId: string;

async function statusOf(promise: Promise<unknown>) {
  try {
    await promise;
    return 200;
  } catch (error) {
    if (error instanceof AppError) return error.status;
    throw error;
  }
}

async function contact(key: string, schoolId: string): Promise<SessionUser> {
  const user = await db().user.create({
    data: {
      name: `Contact ${key}`,
      email: `${key}@school.example.org`,
      role: "SCHOOL_CONTACT",
      organisationId: world.team.id,
      schoolId,
      passwordHash: "x",
    },
  });
  return { id: user.id, email: user.email, name: user.name, role: user.role, organisationId: user.organisationId };
}

const request = (overrides: Record<string, unknown> = {}) => ({
  firstName: "Robin",
  lastName: "Reed",
  dateOfBirth: "2015-02-03",
  yearGroup: "6",
  reason: "Robin has become withdrawn since a bereavement and struggles in class.",
  parentConsent: true,
  parentConsentOn: addDays(world.today, -1),
  childAgreement: true,
  ...overrides,
});

async function counts() {
  const [children, referrals] = await Promise.all([db().child.count(), db().referral.count()]);
  return { children, referrals };
}

beforeAll(async () => {
  world = await buildWorld();
  kids = await buildChildren(world);
  const other = await db().school.create({ data: { teamId: world.team.id, name: "Other Primary" } });
  otherSchoolId = other.id;
  contactA = await contact("contact-a", kids.school.id);
  contactB = await contact("contact-b", other.id);
});

describe("a school contact's request for support", () => {
  let referralId: string;

  it("creates the pupil's record with a code and a referral from the school, and tells the team manager", async () => {
    const { id } = await requestSupport(contactA, request());
    referralId = id;
    const referral = await db().referral.findUniqueOrThrow({ where: { id }, include: { child: true } });
    expect(referral).toMatchObject({
      schoolId: kids.school.id,
      requestedById: contactA.id,
      parentConsent: "GIVEN",
      childAgreement: true,
      decision: "PENDING",
    });
    expect(referral.child.code).toMatch(/^C-\d+$/);
    expect(referral.child.schoolId).toBe(kids.school.id);
    const notes = await db().notification.findMany({ where: { userId: world.users.admin.id, kind: "school-request" } });
    expect(notes).toHaveLength(1);
    expect(notes[0].title).not.toMatch(/Robin|Reed/);
    const audit = await db().auditLog.findMany({ where: { actorId: contactA.id, action: "CREATE" } });
    expect(audit.map((row) => row.entity).sort()).toEqual(["Child", "Referral"]);
    expect(JSON.stringify(audit)).not.toMatch(/Robin|Reed|bereavement/);
  });

  it("refuses a request without the parent's consent or the pupil's agreement, saving nothing", async () => {
    const before = await counts();
    for (const overrides of [{ parentConsent: false }, { childAgreement: false }, { parentConsentOn: "" }]) {
      const error = await requestSupport(contactA, request({ firstName: "Sam", ...overrides })).catch((e) => e);
      expect(error).toBeInstanceOf(AppError);
      expect(error.status).toBe(422);
    }
    expect(await counts()).toEqual(before);
  });

  it("refuses a request naming another school, or for a pupil the team has at another school", async () => {
    const before = await counts();
    const named = await requestSupport(contactA, request({ firstName: "Sam", schoolId: otherSchoolId })).catch(
      (e) => e,
    );
    expect(named.status).toBe(422);
    expect(named.fieldErrors?.schoolId?.[0]).toMatch(/own school/);
    // Alfie Archer is at Test Academy: school B cannot ask for him.
    const elsewhere = await requestSupport(
      contactB,
      request({ firstName: "alfie", lastName: "ARCHER", dateOfBirth: "2013-05-04" }),
    ).catch((e) => e);
    expect(elsewhere.status).toBe(422);
    expect(await counts()).toEqual(before);
  });

  it("is refused to anyone but a school contact", async () => {
    for (const user of [world.users.admin, world.users.tutorA, world.users.studentA, world.users.peA])
      expect(await statusOf(requestSupport(user, request({ firstName: "Sam" })))).toBe(403);
  });

  it("shows each school its own requests only, and audits every name shown", async () => {
    const own = await listOwnSchoolRequests(contactA);
    expect(own.requests.map((row) => row.pupil)).toEqual(["Robin Reed"]);
    expect(own.requests[0].status).toBe("RECEIVED");
    const other = await listOwnSchoolRequests(contactB);
    expect(other.requests).toEqual([]);
    expect(JSON.stringify(other)).not.toMatch(/Robin|Reed|Alfie/);
    const views = await db().auditLog.count({ where: { actorId: contactA.id, action: "VIEW", entity: "Child" } });
    expect(views).toBeGreaterThan(0);
    for (const user of [world.users.admin, world.users.tutorA, world.users.peA])
      expect(await statusOf(listOwnSchoolRequests(user))).toBe(403);
  });

  it("gives a school contact no child record, caseload or placement", async () => {
    expect(await listChildren(contactA)).toEqual([]);
    expect(await listCaseload(contactA)).toEqual([]);
    expect(await statusOf(getChild(contactA, kids.childA.id))).toBe(404);
    expect(await listPlacements(contactA)).toEqual([]);
  });

  it("follows the status from received to accepted, allocated, running and finished, with the summary for school", async () => {
    expect((await listSchoolRequestsToTriage(world.users.admin)).pending.map((row) => row.id)).toContain(referralId);
    expect(await statusOf(listSchoolRequestsToTriage(world.users.tutorA))).toBe(403);
    await decideReferral(world.users.admin, referralId, { decision: "ACCEPTED", decidedOn: world.today });
    expect((await listOwnSchoolRequests(contactA)).requests[0].status).toBe("ACCEPTED");
    const told = await db().notification.findMany({ where: { userId: contactA.id } });
    expect(told.map((note) => note.title)).toEqual(["The team has accepted your request for support"]);

    const referral = await db().referral.findUniqueOrThrow({ where: { id: referralId } });
    const { ids } = await allocateChildren(world.users.admin, {
      childIds: [referral.childId],
      placementId: world.placementA.id,
      kind: "DIRECT_WORK",
      startDate: world.today,
      overseeingPeId: world.users.peA.id,
    });
    const allocation = await db().allocation.findUniqueOrThrow({ where: { id: ids[0] } });
    expect((await listOwnSchoolRequests(contactA)).requests[0].status).toBe("ALLOCATED");
    // The school hears that a student now works with its pupil; the other school hears nothing.
    const allocated = await db().notification.findMany({
      where: { userId: contactA.id },
      orderBy: { createdAt: "asc" },
    });
    expect(allocated.at(-1)).toMatchObject({ kind: "school-request-allocated", link: "/school" });
    expect(JSON.stringify(allocated)).not.toMatch(/Robin|Reed/);
    expect(await db().notification.count({ where: { userId: contactB.id, kind: "school-request-allocated" } })).toBe(0);
    const programme = await db().directWorkProgramme.create({
      data: {
        allocationId: allocation.id,
        startDate: fromIsoDate(world.today),
        endDate: fromIsoDate(addDays(world.today, 41)),
        sessions: {
          create: { number: 1, plannedOn: fromIsoDate(world.today), theme: "Loss", status: "ATTENDED" },
        },
      },
    });
    expect((await listOwnSchoolRequests(contactA)).requests[0].status).toBe("RUNNING");
    await db().directWorkProgramme.update({
      where: { id: programme.id },
      data: {
        closedAt: new Date(),
        closingSummary: "Case detail",
        summaryForSchool: "Six sessions on loss went well.",
      },
    });
    const finished = (await listOwnSchoolRequests(contactA)).requests[0];
    expect(finished.status).toBe("FINISHED");
    expect(finished.summaryForSchool).toBe("Six sessions on loss went well.");
    expect(JSON.stringify(finished)).not.toMatch(/Case detail/);
  });

  it("tells the school the reason when the team declines", async () => {
    const { id } = await requestSupport(contactB, request({ firstName: "Jo", lastName: "Lee" }));
    await decideReferral(world.users.admin, id, {
      decision: "DECLINED",
      decisionReason: "The school nurse is the better service for this.",
      decidedOn: world.today,
    });
    const [row] = (await listOwnSchoolRequests(contactB)).requests;
    expect(row.status).toBe("DECLINED");
    expect(row.declineReason).toBe("The school nurse is the better service for this.");
    const told = await db().notification.findFirstOrThrow({ where: { userId: contactB.id } });
    expect(told.body).toMatch(/school nurse/);
  });
});

describe("the impact report's access", () => {
  it("gives the team manager every number and a school contact only their own school's, small numbers hidden", async () => {
    const period = { from: addDays(world.today, -30), to: world.today, audience: "team" as const };
    const team = await loadImpactReport(world.users.admin, period);
    const referred = team.totals.find((total) => total.key === "referred")!.cell;
    expect(referred).toEqual({ value: 2, suppressed: false });
    expect(team.bySchool.rows.map((row) => row.label)).toEqual(["Other Primary", "Test Academy", "All"]);

    const school = await loadImpactReport(contactA, period);
    expect(school.bySchool.rows.map((row) => row.label)).toEqual(["Test Academy"]);
    expect(school.byCohort).toBeNull();
    // One child referred from the school: hidden, never "1".
    expect(school.totals.find((total) => total.key === "referred")!.cell).toEqual({ value: null, suppressed: true });
    expect(JSON.stringify(school)).not.toMatch(/Other Primary|Robin|Reed|C-\d/);

    const shared = await loadImpactReport(world.users.admin, { ...period, audience: "shared" });
    expect(shared.totals.find((total) => total.key === "referred")!.cell.suppressed).toBe(true);

    for (const user of [world.users.tutorA, world.users.peA, world.users.studentA])
      expect(await statusOf(loadImpactReport(user, period))).toBe(403);
    const elsewhere = await loadImpactReport(world.users.otherAdmin, period);
    expect(elsewhere.totals.every((total) => total.cell.value === 0)).toBe(true);
  });

  it("quotes only words marked shareable, with the child's name taken out", async () => {
    const allocation = await db().allocation.findFirstOrThrow({ where: { id: kids.allocationA.id } });
    await db().directWorkProgramme.create({
      data: {
        allocationId: allocation.id,
        startDate: fromIsoDate(addDays(world.today, -7)),
        endDate: fromIsoDate(addDays(world.today, 35)),
        sessions: {
          create: [
            {
              number: 1,
              plannedOn: fromIsoDate(addDays(world.today, -7)),
              theme: "Anger",
              status: "ATTENDED",
              childsWords: "Alfie says the breathing helps",
              childsWordsShareable: true,
            },
            {
              number: 2,
              plannedOn: fromIsoDate(world.today),
              theme: "Anger",
              status: "ATTENDED",
              childsWords: "Private words",
            },
          ],
        },
      },
    });
    const report = await loadImpactReport(world.users.admin, {
      from: addDays(world.today, -30),
      to: world.today,
      audience: "team",
    });
    expect(report.quotes).toEqual(["[name] says the breathing helps"]);
  });
});
