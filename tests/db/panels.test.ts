/** @jest-environment node */
import { useTestDatabase } from "../support/test-database";
import { buildWorld, type World } from "../support/world";
import {
  answerPanelReturn,
  buildPanelSample,
  changePanelStatus,
  createPanel,
  getPanel,
  getPanelItem,
  panelOutcomesForPlacement,
  recordPanelDecision,
  setPanelLead,
} from "@/lib/panels/panels";
import { toAppError } from "@/lib/errors";
import { addDays, fromIsoDate } from "@/lib/dates";
import type { SessionUser } from "@/lib/auth/session-user";

const { db } = useTestDatabase();

let world: World;
let tutorA2: SessionUser;
let tutorA3: SessionUser;
/** Final assessment ids: placementA's (a refer, PE peA), placementB's (Uni B), and five plain passes in programme A. */
let faA: string;
let faB: string;
const passes: string[] = [];

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

async function tutor(key: string, organisationId: string): Promise<SessionUser> {
  const row = await db().user.create({
    data: {
      name: `Test ${key}`,
      email: `${key}@test.example.org`,
      role: "UNIVERSITY_TUTOR",
      organisationId,
      passwordHash: "x",
    },
  });
  return { id: row.id, email: row.email, name: row.name, role: row.role, organisationId };
}

async function completeAssessment(
  placementId: string,
  practiceEducatorId: string,
  recommendation: "PASS" | "REFER",
  signedDaysAgo: number,
) {
  const signed = fromIsoDate(addDays(world.today, -signedDaysAgo));
  const row = await db().finalAssessment.create({
    data: {
      placementId,
      practiceEducatorId,
      recommendation,
      status: "COMPLETE",
      holisticSummary: "A thorough report. Child AB-1234 is named by code only.",
      peSignedAt: signed,
      studentSignedAt: signed,
    },
  });
  return row.id;
}

beforeAll(async () => {
  world = await buildWorld();
  // The tutors who set panels up hold the panel lead permission.
  await db().user.updateMany({
    where: { id: { in: [world.users.tutorA.id, world.users.tutorB.id] } },
    data: { panelLead: true },
  });
  tutorA2 = await tutor("tutorA2", world.uniA.id);
  tutorA3 = await tutor("tutorA3", world.uniA.id);
  // Five finished placements of programme A students, assessed by the experienced peOther (passes).
  for (let index = 0; index < 5; index++) {
    const student = await db().user.create({
      data: {
        name: `Test finished${index}`,
        email: `finished${index}@test.example.org`,
        role: "STUDENT",
        organisationId: world.uniA.id,
        passwordHash: "x",
        studentProfile: {
          create: {
            universityId: world.uniA.id,
            programmeId: world.programmeA.id,
            yearOfStudy: 3,
            placementLevel: "FINAL",
          },
        },
      },
    });
    const placement = await db().placement.create({
      data: {
        studentId: student.id,
        teamId: world.team.id,
        setting: "Child in need",
        level: "FINAL",
        startDate: fromIsoDate(addDays(world.today, -200)),
        endDate: fromIsoDate(addDays(world.today, -20)),
        requiredDays: 100,
        status: "COMPLETED",
        practiceEducators: {
          create: { practiceEducatorId: world.users.peOther.id, startDate: fromIsoDate(addDays(world.today, -200)) },
        },
      },
    });
    passes.push(await completeAssessment(placement.id, world.users.peOther.id, "PASS", 30 - index));
  }
  faA = await completeAssessment(world.placementA.id, world.users.peA.id, "REFER", 10);
  faB = await completeAssessment(world.placementB.id, world.users.peB.id, "PASS", 10);
});

async function newPanel(
  lead: SessionUser,
  extra: Partial<{ randomPercent: number; memberIds: string[]; programmeId: string }> = {},
) {
  return createPanel(lead, {
    programmeId: extra.programmeId ?? world.programmeA.id,
    name: "Spring practice assessment panel",
    sitsOn: addDays(world.today, 7),
    memberIds: extra.memberIds ?? [tutorA2.id],
    externalExaminerName: "Prof. Ada External",
    randomPercent: extra.randomPercent ?? 0,
  });
}

const decision = (version: number, decisionName: string, feedbackForPe = "") => ({
  evidenceSufficient: "no",
  holisticJudgementSupported: "yes",
  pcfDomainsEvidenced: "yes",
  serviceUserFeedbackPresent: "no",
  signaturesComplete: "yes",
  decision: decisionName,
  decisionReasons: "The panel read the report and the evidence in full.",
  feedbackForPe,
  version,
});

describe("setting up a panel", () => {
  it("refuses anyone but a university tutor, and another university's programme, saving nothing", async () => {
    const before = await db().assessmentPanel.count();
    expect(await statusOf(newPanel(world.users.peA))).toBe(403);
    expect(await statusOf(newPanel(world.users.tutorA, { programmeId: world.programmeB.id }))).toBe(422);
    expect(await statusOf(newPanel(world.users.tutorA, { memberIds: [world.users.tutorB.id] }))).toBe(422);
    expect(await db().assessmentPanel.count()).toBe(before);
  });

  it("refuses a sample when no completed assessment waits, in words", async () => {
    const student = world.programmeB.id;
    const { id } = await newPanel(world.users.tutorB, { programmeId: student, memberIds: [] });
    // Programme B's only completed assessment is placementB's: sample it, then a second panel has none left.
    await buildPanelSample(world.users.tutorB, id, { version: 1 });
    const second = await newPanel(world.users.tutorB, { programmeId: world.programmeB.id, memberIds: [] });
    await expect(buildPanelSample(world.users.tutorB, second.id, { version: 1 })).rejects.toThrow(
      /No completed final assessments of MA Social Work are waiting/,
    );
    expect(await db().panelSampleItem.count({ where: { panelId: second.id } })).toBe(0);
  });
});

describe("a panel's sample, access over time, decisions and a return", () => {
  let panelId: string;
  let itemA: string;

  it("samples every refer and new PE, never another university's PAD, reproducibly by seed", async () => {
    ({ id: panelId } = await newPanel(world.users.tutorA, { randomPercent: 40 }));
    const first = await buildPanelSample(world.users.tutorA, panelId, { seed: "spring", version: 1 });
    const firstIds = (await db().panelSampleItem.findMany({ where: { panelId } }))
      .map((i) => i.finalAssessmentId)
      .sort();
    await buildPanelSample(world.users.tutorA, panelId, { seed: "spring", version: 2 });
    const items = await db().panelSampleItem.findMany({ where: { panelId } });
    expect(items.map((i) => i.finalAssessmentId).sort()).toEqual(firstIds);
    expect(first.seed).toBe("spring");
    const byAssessment = new Map(items.map((item) => [item.finalAssessmentId, item.reasons]));
    expect(byAssessment.get(faA)).toEqual(["FAIL_OR_REFER", "NEW_PRACTICE_EDUCATOR"]);
    // peOther's first completed assessment makes them new to the role; the rest are passes by an experienced PE.
    expect(byAssessment.get(passes[0])).toEqual(["NEW_PRACTICE_EDUCATOR"]);
    expect(byAssessment.has(faB)).toBe(false);
    // 40% of the four remaining passes, rounded up: 2 random.
    expect(items.filter((item) => item.reasons[0] === "RANDOM")).toHaveLength(2);
    itemA = items.find((item) => item.finalAssessmentId === faA)!.id;
  });

  it("lets members read the sample only while the panel sits, audited; others never", async () => {
    expect(await statusOf(getPanelItem(tutorA2, panelId, itemA))).toBe(403); // not opened yet
    expect(await statusOf(getPanel(world.users.tutorB, panelId))).toBe(404);
    await changePanelStatus(world.users.tutorA, panelId, "OPEN", { version: 3 });

    const views = await db().auditLog.count({ where: { action: "VIEW", entity: "FinalAssessment", entityId: faA } });
    const read = await getPanelItem(tutorA2, panelId, itemA);
    expect(read.assessment.recommendation).toBe("REFER");
    expect(read.canDecide).toBe(false);
    expect(await db().auditLog.count({ where: { action: "VIEW", entity: "FinalAssessment", entityId: faA } })).toBe(
      views + 1,
    );
    expect(await statusOf(getPanelItem(tutorA3, panelId, itemA))).toBe(403); // a colleague, not a member
    expect(await statusOf(getPanelItem(world.users.tutorB, panelId, itemA))).toBe(404); // another university
    expect(await statusOf(getPanelItem(world.users.peA, panelId, itemA))).toBe(404);
  });

  it("takes the lead's decision only, on a PAD in the sample, with feedback when returning", async () => {
    expect(await statusOf(recordPanelDecision(tutorA2, panelId, itemA, decision(1, "CONFIRMED")))).toBe(403);
    expect(await statusOf(recordPanelDecision(world.users.tutorB, panelId, itemA, decision(1, "CONFIRMED")))).toBe(404);
    const foreignItem = await db().panelSampleItem.findFirstOrThrow({ where: { finalAssessmentId: faB } });
    expect(
      await statusOf(recordPanelDecision(world.users.tutorA, panelId, foreignItem.id, decision(1, "CONFIRMED"))),
    ).toBe(404);
    const audit = await db().auditLog.count();
    expect(
      await statusOf(recordPanelDecision(world.users.tutorA, panelId, itemA, decision(1, "RETURNED_FOR_EVIDENCE"))),
    ).toBe(422);
    expect(await db().auditLog.count()).toBe(audit);
    expect((await db().panelSampleItem.findUniqueOrThrow({ where: { id: itemA } })).decision).toBeNull();

    const notifications = await db().notification.count({ where: { userId: world.users.peA.id } });
    await recordPanelDecision(
      world.users.tutorA,
      panelId,
      itemA,
      decision(
        1,
        "RETURNED_FOR_EVIDENCE",
        "Please add the service-user feedback from the second half of the placement.",
      ),
    );
    const saved = await db().panelSampleItem.findUniqueOrThrow({ where: { id: itemA } });
    expect(saved).toMatchObject({ decision: "RETURNED_FOR_EVIDENCE", evidenceSufficient: false, version: 2 });
    expect(await db().auditLog.count({ where: { entity: "PanelSampleItem", entityId: itemA, action: "UPDATE" } })).toBe(
      1,
    );
    expect(await db().notification.count({ where: { userId: world.users.peA.id } })).toBe(notifications + 1);
    // A stale version is a conflict naming who changed it.
    await expect(recordPanelDecision(world.users.tutorA, panelId, itemA, decision(1, "CONFIRMED"))).rejects.toThrow(
      /Test tutorA changed/,
    );
  });

  it("shows the outcome to the placement's student and PE; the PE answers, once", async () => {
    const forStudent = await panelOutcomesForPlacement(world.users.studentA, world.placementA.id);
    expect(forStudent).toEqual([expect.objectContaining({ decision: "RETURNED_FOR_EVIDENCE", canAnswer: false })]);
    const forPe = await panelOutcomesForPlacement(world.users.peA, world.placementA.id);
    expect(forPe[0].canAnswer).toBe(true);
    expect(await panelOutcomesForPlacement(world.users.studentB, world.placementA.id)).toEqual([]);
    expect(await panelOutcomesForPlacement(world.users.admin, world.placementA.id)).toEqual([]);

    expect(
      await statusOf(answerPanelReturn(world.users.peOther, itemA, { peResponse: "Added the feedback.", version: 2 })),
    ).toBe(404);
    expect(
      await statusOf(answerPanelReturn(world.users.studentA, itemA, { peResponse: "Added the feedback.", version: 2 })),
    ).toBe(403);
    await answerPanelReturn(world.users.peA, itemA, {
      peResponse: "I have added two pieces of carer feedback to the portfolio.",
      version: 2,
    });
    expect(
      await statusOf(answerPanelReturn(world.users.peA, itemA, { peResponse: "And again, once more.", version: 3 })),
    ).toBe(409);
  });

  it("closes only when every PAD has a decision; members then read nothing; the return goes to the next panel", async () => {
    await expect(changePanelStatus(world.users.tutorA, panelId, "CLOSED", { version: 4 })).rejects.toThrow(
      /have no decision yet/,
    );
    const rest = await db().panelSampleItem.findMany({ where: { panelId, decision: null } });
    for (const item of rest) await recordPanelDecision(world.users.tutorA, panelId, item.id, decision(1, "CONFIRMED"));
    await changePanelStatus(world.users.tutorA, panelId, "CLOSED", { version: 4 });
    expect(await statusOf(getPanelItem(tutorA2, panelId, itemA))).toBe(403);
    expect(await statusOf(recordPanelDecision(world.users.tutorA, panelId, itemA, decision(2, "CONFIRMED")))).toBe(403);

    // A panel lead of the same university lets tutorA2 lead the next panel.
    await setPanelLead(world.users.tutorA, tutorA2.id, { panelLead: true, version: 1 });
    const next = await newPanel(tutorA2, { memberIds: [], randomPercent: 0 });
    await buildPanelSample(tutorA2, next.id, { version: 1 });
    const sample = await db().panelSampleItem.findMany({ where: { panelId: next.id } });
    const confirmed = rest.map((item) => item.finalAssessmentId);
    expect(sample.find((item) => item.finalAssessmentId === faA)?.reasons).toEqual([
      "RETURNED_FROM_EARLIER_PANEL",
      "FAIL_OR_REFER",
      "NEW_PRACTICE_EDUCATOR",
    ]);
    expect(sample.some((item) => confirmed.includes(item.finalAssessmentId))).toBe(false);
    // The next panel reads what the last one asked and what the PE answered.
    await changePanelStatus(tutorA2, next.id, "OPEN", { version: 2 });
    const read = await getPanelItem(tutorA2, next.id, sample.find((item) => item.finalAssessmentId === faA)!.id);
    expect(read.earlier).toEqual([
      expect.objectContaining({
        decision: "RETURNED_FOR_EVIDENCE",
        peResponse: expect.stringMatching(/carer feedback/),
      }),
    ]);
  });
});
