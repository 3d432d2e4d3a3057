/** @jest-environment node */
import { useTestDatabase } from "../support/test-database";
import { buildWorld, type World } from "../support/world";
import { buildChildren, type ChildrenWorld } from "../support/children-world";
import { createChild, updateChild } from "@/lib/children/child-records";
import { decideReferral, recordReferral } from "@/lib/children/referrals";
import { allocateChildren, endAllocation } from "@/lib/children/allocations";
import { updateAssessment } from "@/lib/children/assessments";
import { signOffLifeStoryWork, updateLifeStoryStage } from "@/lib/children/life-story";
import { raiseSafeguardingConcern, recordSafeguardingResponse } from "@/lib/children/safeguarding";
import { createDirectWorkProgramme, extendDirectWorkProgramme } from "@/lib/children/direct-work/plans";
import { addDirectWorkSession, recordDirectWorkSession } from "@/lib/children/direct-work/sessions";
import { scoreDirectWorkGoal, setDirectWorkGoals } from "@/lib/children/direct-work/goals";
import { submitFeedbackInPerson, submitFeedbackWithLink } from "@/lib/children/direct-work/feedback";
import { addTheme } from "@/lib/children/direct-work/themes";
import { DEFAULT_THEMES, MAX_SESSIONS_IN_ALL } from "@/lib/validations/direct-work";
import { toAppError } from "@/lib/errors";
import { addDays, fromIsoDate } from "@/lib/dates";

// Issue 10: every write of children's work against hostile input. Impossible
// and implausible dates, NUL and control characters, huge numbers, long
// strings, wrong types, other teams' ids: a 4xx with a message, never a 500,
// and nothing written (every row of every children's table is compared).

const { db } = useTestDatabase();

let world: World;
let kids: ChildrenWorld;
let ids: {
  programmeId: string;
  sessionId: string;
  goalId: string;
  assessmentId: string;
  lifeStoryId: string;
  concernId: string;
  referralId: string;
  otherTeamSchoolId: string;
  otherTeamPeId: string;
  otherTeamChildId: string;
  otherTeamPlacementId: string;
  childBAssessmentId: string;
};

beforeAll(async () => {
  world = await buildWorld();
  kids = await buildChildren(world);
  const start = addDays(world.today, -14);
  const { id: programmeId } = await createDirectWorkProgramme(world.users.studentA, kids.allocationA.id, {
    startDate: start,
    plannedSessions: 2,
    themes: [DEFAULT_THEMES[0], DEFAULT_THEMES[1]],
  });
  const session = await db().programmeSession.findFirstOrThrow({ where: { programmeId, number: 1 } });
  const {
    ids: [goalId],
  } = await setDirectWorkGoals(world.users.studentA, programmeId, { goals: ["Feel calmer in lessons"] });
  const {
    ids: [lifeStoryAllocation],
  } = await allocateChildren(world.users.admin, {
    childIds: [kids.childA.id],
    placementId: world.placementA.id,
    kind: "LIFE_STORY",
    startDate: start,
  });
  const lifeStory = await db().lifeStoryWork.findUniqueOrThrow({ where: { allocationId: lifeStoryAllocation } });
  await signOffLifeStoryWork(world.users.peA, lifeStory.id);
  const { id: concernId } = await raiseSafeguardingConcern(world.users.studentA, {
    childId: kids.childA.id,
    description: "A worry to act on.",
  });
  const { id: referralId } = await recordReferral(world.users.admin, {
    childId: kids.childA.id,
    receivedOn: world.today,
    referrerName: "Ms Head",
    referrerRole: "Designated safeguarding lead",
    reason: "Low mood",
    parentConsent: "GIVEN",
    childAgreement: true,
  });
  const otherSchool = await db().school.create({ data: { teamId: world.otherTeam.id, name: "Elsewhere School" } });
  const otherPe = await db().user.create({
    data: {
      name: "Other council PE",
      email: "other-pe@test.example.org",
      role: "PRACTICE_EDUCATOR",
      organisationId: world.otherTeam.id,
      passwordHash: "not used: this PE never signs in",
    },
  });
  const otherChild = await db().child.create({
    data: {
      code: "C-9009",
      teamId: world.otherTeam.id,
      firstName: "Olly",
      lastName: "Other",
      dateOfBirth: fromIsoDate("2014-02-02"),
    },
  });
  const otherPlacement = await db().placement.create({
    data: {
      studentId: world.users.studentOther.id,
      teamId: world.otherTeam.id,
      setting: "Another council",
      level: "FIRST",
      status: "ACTIVE",
      startDate: fromIsoDate(addDays(world.today, -30)),
      endDate: fromIsoDate(addDays(world.today, 60)),
      requiredDays: 70,
    },
  });
  const childBAssessment = await db().childAssessment.findUniqueOrThrow({
    where: { allocationId: kids.allocationB.id },
  });
  ids = {
    programmeId,
    sessionId: session.id,
    goalId,
    assessmentId: childBAssessment.id,
    lifeStoryId: lifeStory.id,
    concernId,
    referralId,
    otherTeamSchoolId: otherSchool.id,
    otherTeamPeId: otherPe.id,
    otherTeamChildId: otherChild.id,
    otherTeamPlacementId: otherPlacement.id,
    childBAssessmentId: childBAssessment.id,
  };
});

/** Every row of every table of children's work, and the audit log's writes: what a refused call must leave as it was. */
async function everything() {
  const d = db();
  const byId = { orderBy: { id: "asc" as const } };
  return JSON.stringify(
    await Promise.all([
      d.child.findMany(byId),
      d.childContact.findMany(byId),
      d.referral.findMany(byId),
      d.allocation.findMany(byId),
      d.directWorkProgramme.findMany(byId),
      d.programmeSession.findMany(byId),
      d.outcomeGoal.findMany(byId),
      d.childFeedback.findMany(byId),
      d.feedbackLink.findMany(byId),
      d.directWorkTheme.findMany(byId),
      d.childAssessment.findMany(byId),
      d.lifeStoryStage.findMany(byId),
      d.safeguardingConcern.findMany(byId),
      d.notification.count(),
      d.auditLog.count({ where: { action: { not: "VIEW" } } }),
    ]),
  );
}

async function refused(call: () => Promise<unknown>) {
  const before = await everything();
  const outcome = await call().then(
    () => null,
    (error: unknown) => error,
  );
  const error = toAppError(outcome);
  if (!error)
    throw new Error(`Expected a refusal with a message, got ${outcome === null ? "success" : String(outcome)}`);
  expect(await everything()).toEqual(before);
  return error;
}

const NUL = "Al\u0000fie";
const LONE_SURROGATE = "Al\uD800fie";
const tomorrow = () => addDays(world.today, 1);

const child = (change: Record<string, unknown> = {}) => ({
  firstName: "Dylan",
  lastName: "Day",
  dateOfBirth: "2012-01-31",
  ...change,
});
const referral = (change: Record<string, unknown> = {}) => ({
  childId: kids.childA.id,
  receivedOn: world.today,
  referrerName: "Mr Hughes",
  referrerRole: "Head of year",
  reason: "Worried about attendance",
  parentConsent: "PENDING",
  childAgreement: false,
  ...change,
});
const allocation = (change: Record<string, unknown> = {}) => ({
  childIds: [kids.childUnallocated.id],
  placementId: world.placementA.id,
  kind: "DIRECT_WORK",
  startDate: world.today,
  ...change,
});

type Case = [string, () => Promise<unknown>, number, string?];

const cases = (): Case[] => [
  // A child's record
  [
    "a child born in 9999",
    () => createChild(world.users.admin, child({ dateOfBirth: "9999-01-01" })),
    422,
    "dateOfBirth",
  ],
  [
    "a child born on 30 February",
    () => createChild(world.users.admin, child({ dateOfBirth: "2013-02-30" })),
    422,
    "dateOfBirth",
  ],
  [
    "a child born tomorrow",
    () => createChild(world.users.admin, child({ dateOfBirth: tomorrow() })),
    422,
    "dateOfBirth",
  ],
  ["a NUL in a name", () => createChild(world.users.admin, child({ firstName: NUL })), 422, "firstName"],
  [
    "half a character in a name",
    () => createChild(world.users.admin, child({ lastName: LONE_SURROGATE })),
    422,
    "lastName",
  ],
  [
    "a name of 10,000 letters",
    () => createChild(world.users.admin, child({ firstName: "A".repeat(10_000) })),
    422,
    "firstName",
  ],
  ["a name that is a number", () => createChild(world.users.admin, child({ firstName: 5 })), 422, "firstName"],
  ["a year group of 2^31", () => createChild(world.users.admin, child({ yearGroup: 2 ** 31 })), 422, "yearGroup"],
  [
    "another council's school",
    () => createChild(world.users.admin, child({ schoolId: ids.otherTeamSchoolId })),
    422,
    "schoolId",
  ],
  [
    "a school id with a slash",
    () => createChild(world.users.admin, child({ schoolId: "../schools" })),
    422,
    "schoolId",
  ],
  [
    "seven family contacts",
    () =>
      createChild(
        world.users.admin,
        child({ contacts: new Array(7).fill({ name: "A", relationship: "Aunt", consent: "GIVEN" }) }),
      ),
    422,
    "contacts",
  ],
  [
    "consent recorded in 9999",
    () =>
      createChild(
        world.users.admin,
        child({
          contacts: [{ name: "Dana Day", relationship: "Mother", consent: "GIVEN", consentRecordedOn: "9999-12-31" }],
        }),
      ),
    422,
    "contacts.0.consentRecordedOn",
  ],
  [
    "consent recorded tomorrow",
    () =>
      createChild(
        world.users.admin,
        child({
          contacts: [{ name: "Dana Day", relationship: "Mother", consent: "GIVEN", consentRecordedOn: tomorrow() }],
        }),
      ),
    422,
    "contacts.0.consentRecordedOn",
  ],
  ["a body that is a list", () => createChild(world.users.admin, [child()]), 422],
  ["a body that is text", () => createChild(world.users.admin, "Dylan Day"), 422],
  [
    "a version of 2^40",
    () => updateChild(world.users.admin, kids.childA.id, { ...child(), version: 2 ** 40 }),
    422,
    "version",
  ],
  [
    "a correction moving the child to another council's school",
    () => updateChild(world.users.admin, kids.childA.id, { ...child(), schoolId: ids.otherTeamSchoolId, version: 1 }),
    422,
    "schoolId",
  ],
  // Referrals
  [
    "a referral received tomorrow",
    () => recordReferral(world.users.admin, referral({ receivedOn: tomorrow() })),
    422,
    "receivedOn",
  ],
  [
    "consent to a referral given in 9999",
    () => recordReferral(world.users.admin, referral({ parentConsentOn: "9999-01-01" })),
    422,
    "parentConsentOn",
  ],
  [
    "a reason of 6,000 characters",
    () => recordReferral(world.users.admin, referral({ reason: "x".repeat(6_000) })),
    422,
    "reason",
  ],
  [
    "the child's agreement as the word yes",
    () => recordReferral(world.users.admin, referral({ childAgreement: "yes" })),
    422,
    "childAgreement",
  ],
  [
    "a referral for another council's child",
    () => recordReferral(world.users.admin, referral({ childId: ids.otherTeamChildId })),
    422,
    "childId",
  ],
  [
    "a referral for a child id with a NUL",
    () => recordReferral(world.users.admin, referral({ childId: "ab\u0000cd" })),
    404,
  ],
  [
    "a decision dated tomorrow",
    () => decideReferral(world.users.admin, ids.referralId, { decision: "ACCEPTED", decidedOn: tomorrow() }),
    422,
    "decidedOn",
  ],
  [
    "a decision that is not one",
    () => decideReferral(world.users.admin, ids.referralId, { decision: "MAYBE", decidedOn: world.today }),
    422,
    "decision",
  ],
  // Allocations
  [
    "thirteen children in a group",
    () => allocateChildren(world.users.admin, allocation({ childIds: new Array(13).fill(kids.childUnallocated.id) })),
    422,
    "childIds",
  ],
  ["no children", () => allocateChildren(world.users.admin, allocation({ childIds: [] })), 422, "childIds"],
  [
    "another council's child",
    () => allocateChildren(world.users.admin, allocation({ childIds: [ids.otherTeamChildId] })),
    422,
    "childIds",
  ],
  [
    "another council's PE overseeing",
    () => allocateChildren(world.users.admin, allocation({ overseeingPeId: ids.otherTeamPeId })),
    422,
    "overseeingPeId",
  ],
  [
    "another council's placement",
    () => allocateChildren(world.users.admin, allocation({ placementId: ids.otherTeamPlacementId })),
    422,
    "placementId",
  ],
  [
    "work ending after the placement",
    () => allocateChildren(world.users.admin, allocation({ endDate: addDays(world.today, 365) })),
    422,
    "endDate",
  ],
  [
    "work starting in 9999",
    () => allocateChildren(world.users.admin, allocation({ startDate: "9999-01-01" })),
    422,
    "startDate",
  ],
  [
    "a kind of work that does not exist",
    () => allocateChildren(world.users.admin, allocation({ kind: "FOSTERING" })),
    422,
    "kind",
  ],
  [
    "an allocation ended tomorrow",
    () => endAllocation(world.users.admin, kids.allocationA.id, { endDate: tomorrow() }),
    422,
    "endDate",
  ],
  // Direct work
  [
    "a plan starting in 9999",
    () =>
      createDirectWorkProgramme(world.users.admin, kids.allocationA.id, {
        startDate: "9999-01-01",
        plannedSessions: 1,
        themes: [DEFAULT_THEMES[0]],
      }),
    422,
    "startDate",
  ],
  [
    "a plan agreed with the school as yes",
    () =>
      createDirectWorkProgramme(world.users.admin, kids.allocationA.id, {
        startDate: world.today,
        plannedSessions: 1,
        themes: [DEFAULT_THEMES[0]],
        agreedWithSchool: "yes",
      }),
    422,
    "agreedWithSchool",
  ],
  [
    "2^31 more sessions",
    () => extendDirectWorkProgramme(world.users.studentA, ids.programmeId, { additionalSessions: 2 ** 31, version: 1 }),
    422,
    "additionalSessions",
  ],
  [
    "a session planned in 9999",
    () =>
      addDirectWorkSession(world.users.studentA, ids.programmeId, {
        plannedOn: "9999-01-01",
        theme: DEFAULT_THEMES[0],
      }),
    422,
    "plannedOn",
  ],
  [
    "a theme with a NUL",
    () =>
      addDirectWorkSession(world.users.studentA, ids.programmeId, { plannedOn: world.today, theme: `Self${"\u0000"}` }),
    422,
    "theme",
  ],
  [
    "a session held in 9999",
    () =>
      recordDirectWorkSession(world.users.studentA, ids.sessionId, {
        status: "ATTENDED",
        heldOn: "9999-12-31",
        version: 1,
      }),
    422,
    "heldOn",
  ],
  [
    "a rating of 2^31",
    () =>
      recordDirectWorkSession(world.users.studentA, ids.sessionId, {
        status: "ATTENDED",
        heldOn: world.today,
        childRating: 2 ** 31,
        version: 1,
      }),
    422,
    "childRating",
  ],
  [
    "a record of 20,000 characters",
    () =>
      recordDirectWorkSession(world.users.studentA, ids.sessionId, {
        status: "ATTENDED",
        heldOn: world.today,
        whatWasDone: "x".repeat(20_000),
        version: 1,
      }),
    422,
    "whatWasDone",
  ],
  [
    "a version of -1",
    () =>
      recordDirectWorkSession(world.users.studentA, ids.sessionId, {
        status: "CANCELLED",
        cancelledBy: "CHILD",
        version: -1,
      }),
    422,
    "version",
  ],
  [
    "four goals",
    () => setDirectWorkGoals(world.users.studentA, ids.programmeId, { goals: ["a", "b", "c", "d"] }),
    422,
    "goals",
  ],
  [
    "a score as a huge number in text",
    () => scoreDirectWorkGoal(world.users.studentA, ids.goalId, { stage: "START", score: "1e9" }),
    422,
    "score",
  ],
  [
    "feedback with a NUL",
    () => submitFeedbackInPerson(world.users.studentA, ids.sessionId, { rating: 3, whatWasGood: NUL }),
    422,
    "whatWasGood",
  ],
  ["feedback rated 6 through a link", () => submitFeedbackWithLink("x".repeat(40), { rating: 6 }), 422, "rating"],
  ["a theme on two lines", () => addTheme(world.users.admin, { name: "Bereavement\nand loss" }), 422, "name"],
  // Assessments and life story work
  [
    "an assessment completed in 9999",
    () =>
      updateAssessment(world.users.admin, ids.assessmentId, {
        status: "COMPLETED",
        outcome: "EARLY_HELP",
        completedOn: "9999-01-01",
        version: 1,
      }),
    422,
    "completedOn",
  ],
  [
    "a version sent as text",
    () => updateAssessment(world.users.admin, ids.assessmentId, { status: "IN_PROGRESS", version: "1" }),
    422,
    "version",
  ],
  [
    "a stage started tomorrow",
    () => updateLifeStoryStage(world.users.studentA, ids.lifeStoryId, "DRAFTING", { startedOn: tomorrow() }),
    422,
    "startedOn",
  ],
  [
    "notes of 20,001 characters",
    () => updateLifeStoryStage(world.users.studentA, ids.lifeStoryId, "DRAFTING", { notes: "x".repeat(20_001) }),
    422,
    "notes",
  ],
  [
    "a stage's last change that is not a time",
    () => updateLifeStoryStage(world.users.studentA, ids.lifeStoryId, "DRAFTING", { updatedAt: "yesterday" }),
    422,
    "updatedAt",
  ],
  // Safeguarding
  [
    "a concern about another council's child",
    () => raiseSafeguardingConcern(world.users.admin, { childId: ids.otherTeamChildId, description: "A worry" }),
    404,
  ],
  [
    "a concern raised from another child's assessment",
    () =>
      raiseSafeguardingConcern(world.users.admin, {
        childId: kids.childA.id,
        description: "A worry",
        sourceEntity: "ChildAssessment",
        sourceId: ids.childBAssessmentId,
      }),
    422,
    "sourceId",
  ],
  [
    "a concern raised from a record of no kind",
    () =>
      raiseSafeguardingConcern(world.users.admin, {
        childId: kids.childA.id,
        description: "A worry",
        sourceId: kids.childA.id,
      }),
    422,
    "sourceId",
  ],
  [
    "a concern raised from a kind of record that does not exist",
    () =>
      raiseSafeguardingConcern(world.users.admin, {
        childId: kids.childA.id,
        description: "A worry",
        sourceEntity: "Placement",
        sourceId: world.placementA.id,
      }),
    422,
    "sourceEntity",
  ],
  [
    "a concern of 5,001 characters",
    () => raiseSafeguardingConcern(world.users.admin, { childId: kids.childA.id, description: "x".repeat(5_001) }),
    422,
    "description",
  ],
  [
    "an action taken with a NUL",
    () => recordSafeguardingResponse(world.users.admin, ids.concernId, { actionTaken: NUL }),
    422,
    "actionTaken",
  ],
];

describe("hostile input to children's work", () => {
  it.each(cases().map(([name], index) => [name, index] as const))(
    "refuses %s with a 4xx naming the field, and writes nothing",
    async (_name, index) => {
      const [, call, status, field] = cases()[index];
      const error = await refused(call);
      expect(error.status).toBe(status);
      if (field) expect(Object.keys(error.fieldErrors ?? {})).toContain(field);
    },
  );
});

describe("what hostile input cannot change", () => {
  it("ignores fields a child's record does not have: another team, a chosen code", async () => {
    const { id, code } = await createChild(world.users.admin, {
      ...child({ firstName: "Ezra" }),
      teamId: world.otherTeam.id,
      code: "C-0001",
      anonymisedAt: new Date().toISOString(),
    });
    const saved = await db().child.findUniqueOrThrow({ where: { id } });
    expect(saved).toMatchObject({ teamId: world.team.id, code, anonymisedAt: null });
    expect(code).not.toBe("C-0001");
  });

  it("allocates a child named twice in a group once", async () => {
    const { ids: created } = await allocateChildren(world.users.admin, {
      childIds: [kids.childUnallocated.id, kids.childUnallocated.id],
      placementId: world.placementB.id,
      kind: "LIFE_STORY",
      startDate: world.today,
    });
    expect(created).toHaveLength(1);
    expect(
      await db().allocation.count({
        where: { childId: kids.childUnallocated.id, placementId: world.placementB.id, kind: "LIFE_STORY" },
      }),
    ).toBe(1);
  });

  it(`stops extending a plan at ${MAX_SESSIONS_IN_ALL} sessions in all`, async () => {
    const version = async () =>
      (await db().directWorkProgramme.findUniqueOrThrow({ where: { id: ids.programmeId } })).version;
    // 2 planned: four extensions of 12 make 50, and a fifth of 3 would pass 52.
    for (let step = 0; step < 4; step++)
      await extendDirectWorkProgramme(world.users.studentA, ids.programmeId, {
        additionalSessions: 12,
        version: await version(),
      });
    const error = await refused(() =>
      extendDirectWorkProgramme(world.users.studentA, ids.programmeId, { additionalSessions: 3, version: 5 }),
    );
    expect(error.fieldErrors?.additionalSessions?.[0]).toMatch(/at most 52 sessions in all/);
    const exactly = await extendDirectWorkProgramme(world.users.studentA, ids.programmeId, {
      additionalSessions: 2,
      version: 5,
    });
    expect(exactly.plannedSessions).toBe(MAX_SESSIONS_IN_ALL);
  });
});
