/** @jest-environment node */
import { useTestDatabase } from "../support/test-database";
import { buildWorld, type World } from "../support/world";
import { buildChildren, type ChildrenWorld } from "../support/children-world";
import { allocateChildren } from "@/lib/children/allocations";
import { getAssessment, updateAssessment } from "@/lib/children/assessments";
import {
  getLifeStoryWork,
  signOffLifeStoryWork,
  updateLifeStoryStage,
  LIFE_STORY_NOT_SIGNED_OFF,
} from "@/lib/children/life-story";
import {
  listOpenSafeguardingConcerns,
  raiseSafeguardingConcern,
  recordSafeguardingResponse,
} from "@/lib/children/safeguarding";
import { listNotifications, markAllNotificationsRead, markNotificationRead } from "@/lib/notifications/notifications";
import { sendEmail } from "@/lib/notifications/email";
import { addWorkingDays } from "@/lib/calendar/working-days";
import { assessmentDueDate } from "@/lib/children/assessment-due";
import { addDays, fromIsoDate, toIsoDate } from "@/lib/dates";
import { toAppError } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/session-user";

// Email is mocked at the transport: the tests see what would have been sent, and nothing leaves the machine.
const mockSendMail = jest.fn();
const mockCreateTransport = jest.fn((_url: string) => ({ sendMail: mockSendMail, close: jest.fn() }));
jest.mock("nodemailer", () => ({
  __esModule: true,
  createTransport: (url: string) => mockCreateTransport(url),
  default: { createTransport: (url: string) => mockCreateTransport(url) },
}));

const { db } = useTestDatabase();

let world: World;
let children: ChildrenWorld;
let assessmentId: string;
let assessmentStart: string;
let lifeStoryId: string;

beforeAll(async () => {
  world = await buildWorld();
  children = await buildChildren(world);
  // childA (already in direct work with studentA) is also allocated to studentA for an assessment and for life story work, overseen by peA.
  assessmentStart = addDays(world.today, -10);
  const base = {
    childIds: [children.childA.id],
    placementId: world.placementA.id,
    overseeingPeId: world.users.peA.id,
    startDate: assessmentStart,
  };
  const {
    ids: [assessmentAllocation],
  } = await allocateChildren(world.users.admin, { ...base, kind: "ASSESSMENT" });
  const {
    ids: [lifeStoryAllocation],
  } = await allocateChildren(world.users.admin, { ...base, kind: "LIFE_STORY" });
  assessmentId = (await db().childAssessment.findUniqueOrThrow({ where: { allocationId: assessmentAllocation } })).id;
  lifeStoryId = (await db().lifeStoryWork.findUniqueOrThrow({ where: { allocationId: lifeStoryAllocation } })).id;
});

afterEach(() => {
  delete process.env.SMTP_URL;
  mockSendMail.mockReset();
  mockCreateTransport.mockClear();
});

async function counts() {
  const [assessments, stages, concerns, notifications, audit] = await Promise.all([
    db().childAssessment.findMany({ select: { status: true, outcome: true, completedOn: true, version: true } }),
    db().lifeStoryStage.findMany({
      select: { startedOn: true, completedOn: true, notes: true },
      orderBy: { id: "asc" },
    }),
    db().safeguardingConcern.findMany({ select: { status: true, actionTaken: true }, orderBy: { id: "asc" } }),
    db().notification.count(),
    db().auditLog.count({ where: { action: { not: "VIEW" } } }),
  ]);
  return { assessments, stages, concerns, notifications, audit };
}

/** A call expected to fail: returns the user-facing error, and checks that nothing changed. */
async function rejected(call: () => Promise<unknown>) {
  const before = await counts();
  const error = await call().then(
    () => null,
    (caught) => toAppError(caught),
  );
  if (!error) throw new Error("Expected a user-facing error");
  expect(await counts()).toEqual(before);
  return error;
}

const completed = (version: number, extra: object = {}) => ({
  status: "COMPLETED",
  outcome: "EARLY_HELP",
  completedOn: world.today,
  version,
  ...extra,
});

describe("child and family assessments", () => {
  it("is due 45 working days after its start, with the child named only to those who may identify them", async () => {
    const view = await getAssessment(world.users.studentA, assessmentId);
    expect(view.assessment.startDate).toBe(assessmentStart);
    expect(view.assessment.dueDate).toBe(addWorkingDays(assessmentStart, 45));
    expect(view.assessment.dueDate).toBe(assessmentDueDate(assessmentStart));
    expect(view.assessment.due).toMatchObject({ state: "ON_TRACK" });
    expect(view.child).toMatchObject({ code: "C-1001", name: "Alfie Archer" });
    expect(view.permissions.canEdit).toBe(true);
    // The name was shown: the read is audited.
    expect(
      await db().auditLog.count({
        where: { actorId: world.users.studentA.id, action: "VIEW", entity: "Child", entityId: children.childA.id },
      }),
    ).toBeGreaterThan(0);

    // The on-site supervisor sees the work by code only, and may not change it.
    const onsite = await getAssessment(world.users.onsiteA, assessmentId);
    expect(onsite.child).toMatchObject({ code: "C-1001", name: null, label: "C-1001" });
    expect(onsite.permissions.canEdit).toBe(false);
    expect((await rejected(() => updateAssessment(world.users.onsiteA, assessmentId, completed(1)))).status).toBe(403);
  });

  it("counts the 45 working days from the child's accepted referral, not from the allocation", async () => {
    const referredOn = addDays(world.today, -20);
    // A declined referral after the accepted one does not move the clock.
    await db().referral.createMany({
      data: [
        {
          childId: children.childUnallocated.id,
          receivedOn: fromIsoDate(referredOn),
          referrerName: "Ms Hart",
          referrerRole: "DSL",
          reason: "Worries at home",
          decision: "ACCEPTED",
        },
        {
          childId: children.childUnallocated.id,
          receivedOn: fromIsoDate(addDays(world.today, -15)),
          referrerName: "Ms Hart",
          referrerRole: "DSL",
          reason: "Again",
          decision: "DECLINED",
        },
      ],
    });
    const {
      ids: [allocationId],
    } = await allocateChildren(world.users.admin, {
      childIds: [children.childUnallocated.id],
      placementId: world.placementA.id,
      overseeingPeId: world.users.peA.id,
      startDate: addDays(world.today, -5),
      kind: "ASSESSMENT",
    });
    const assessment = await db().childAssessment.findUniqueOrThrow({ where: { allocationId } });
    expect(toIsoDate(assessment.startDate)).toBe(referredOn);
    expect(toIsoDate(assessment.dueDate)).toBe(addWorkingDays(referredOn, 45));
  });

  it("refuses to complete without an outcome, in the future or before the start", async () => {
    const noOutcome = await rejected(() =>
      updateAssessment(world.users.studentA, assessmentId, completed(1, { outcome: "" })),
    );
    expect(noOutcome.status).toBe(422);
    expect(noOutcome.fieldErrors?.outcome?.[0]).toMatch(/outcome/);
    const noDate = await rejected(() =>
      updateAssessment(world.users.studentA, assessmentId, completed(1, { completedOn: null })),
    );
    expect(noDate.fieldErrors?.completedOn?.[0]).toEqual(expect.any(String));
    const future = await rejected(() =>
      updateAssessment(world.users.studentA, assessmentId, completed(1, { completedOn: addDays(world.today, 1) })),
    );
    expect(future.fieldErrors?.completedOn?.[0]).toMatch(/future/);
    const beforeStart = await rejected(() =>
      updateAssessment(world.users.studentA, assessmentId, completed(1, { completedOn: addDays(assessmentStart, -1) })),
    );
    expect(beforeStart.fieldErrors?.completedOn?.[0]).toMatch(/before it started/);
    const unknownOutcome = await rejected(() =>
      updateAssessment(world.users.studentA, assessmentId, completed(1, { outcome: "ADOPTION" })),
    );
    expect(unknownOutcome.fieldErrors?.outcome?.[0]).toEqual(expect.any(String));
  });

  it("completes with an outcome and a date, audited; a stale version is a conflict", async () => {
    const result = await updateAssessment(
      world.users.studentA,
      assessmentId,
      completed(1, { outcome: "CHILD_IN_NEED_PLAN" }),
    );
    expect(result).toMatchObject({ version: 2, changed: expect.arrayContaining(["status", "outcome", "completedOn"]) });
    const view = await getAssessment(world.users.peA, assessmentId);
    expect(view.assessment).toMatchObject({
      status: "COMPLETED",
      outcome: "CHILD_IN_NEED_PLAN",
      completedOn: world.today,
      version: 2,
    });
    expect(view.assessment.due.state).toBe("COMPLETED");
    const audit = await db().auditLog.findFirstOrThrow({
      where: { entity: "ChildAssessment", entityId: assessmentId, action: "UPDATE" },
    });
    expect(audit.actorId).toBe(world.users.studentA.id);
    expect(audit.changes).toMatchObject({
      status: { from: "IN_PROGRESS", to: "COMPLETED" },
      outcome: { from: null, to: "CHILD_IN_NEED_PLAN" },
    });

    const stale = await rejected(() =>
      updateAssessment(world.users.peA, assessmentId, completed(1, { outcome: "EARLY_HELP" })),
    );
    expect(stale.status).toBe(409);
    // The PE reopens it: outcome and date are cleared.
    await updateAssessment(world.users.peA, assessmentId, {
      status: "IN_PROGRESS",
      outcome: "",
      completedOn: "",
      version: 2,
    });
    expect((await getAssessment(world.users.admin, assessmentId)).assessment).toMatchObject({
      status: "IN_PROGRESS",
      outcome: null,
      completedOn: null,
      version: 3,
    });
  });
});

describe("life story work", () => {
  it("refuses every stage until the practice educator has signed the work off", async () => {
    const view = await getLifeStoryWork(world.users.studentA, lifeStoryId);
    expect(view.stages.map((row) => row.stage)).toEqual([
      "GATHERING_INFORMATION",
      "DIRECT_SESSIONS",
      "DRAFTING",
      "CHECKING",
      "HANDING_OVER",
      "FOLLOW_UP",
    ]);
    expect(view.allocation.signedOff).toBeNull();
    expect(view.permissions).toMatchObject({ canEdit: false, canEditAfterSignOff: true, canSignOff: false });
    for (const user of [world.users.studentA, world.users.peA, world.users.admin]) {
      const error = await rejected(() =>
        updateLifeStoryStage(user, lifeStoryId, "GATHERING_INFORMATION", {
          startedOn: world.today,
          completedOn: "",
          notes: "Met the foster carers.",
        }),
      );
      expect(error.status).toBe(409);
      expect(error.message).toBe(LIFE_STORY_NOT_SIGNED_OFF);
    }
    expect((await getLifeStoryWork(world.users.peA, lifeStoryId)).permissions.canSignOff).toBe(true);
  });

  it("only the overseeing practice educator signs it off, once", async () => {
    expect((await rejected(() => signOffLifeStoryWork(world.users.studentA, lifeStoryId))).status).toBe(403);
    expect((await rejected(() => signOffLifeStoryWork(world.users.admin, lifeStoryId))).status).toBe(403);
    expect((await rejected(() => signOffLifeStoryWork(world.users.onsiteA, lifeStoryId))).status).toBe(403);
    expect((await rejected(() => signOffLifeStoryWork(world.users.peOther, lifeStoryId))).status).toBe(404);
    expect((await rejected(() => signOffLifeStoryWork(world.users.pePast, lifeStoryId))).status).toBe(404);
    await signOffLifeStoryWork(world.users.peA, lifeStoryId);
    const view = await getLifeStoryWork(world.users.studentA, lifeStoryId);
    expect(view.allocation.signedOff).toMatchObject({ byName: world.users.peA.name });
    expect(view.permissions).toMatchObject({ canEdit: true, canSignOff: false });
    expect((await rejected(() => signOffLifeStoryWork(world.users.peA, lifeStoryId))).status).toBe(409);
  });

  it("after the sign-off, records a stage's dates and notes, audited, with the dates checked", async () => {
    const started = addDays(world.today, -3);
    const saved = await updateLifeStoryStage(world.users.studentA, lifeStoryId, "GATHERING_INFORMATION", {
      startedOn: started,
      completedOn: world.today,
      notes: "Met the foster carers; photographs gathered.",
    });
    expect(saved.changed).toEqual(expect.arrayContaining(["startedOn", "completedOn", "notes"]));
    const view = await getLifeStoryWork(world.users.peA, lifeStoryId);
    expect(view.stages[0]).toMatchObject({
      stage: "GATHERING_INFORMATION",
      startedOn: started,
      completedOn: world.today,
      notes: "Met the foster carers; photographs gathered.",
    });
    expect(
      await db().auditLog.count({
        where: { entity: "LifeStoryStage", entityId: saved.id, action: "UPDATE", actorId: world.users.studentA.id },
      }),
    ).toBe(1);

    const backwards = await rejected(() =>
      updateLifeStoryStage(world.users.studentA, lifeStoryId, "DIRECT_SESSIONS", {
        startedOn: world.today,
        completedOn: addDays(world.today, -1),
        notes: "",
      }),
    );
    expect(backwards.status).toBe(422);
    expect(backwards.fieldErrors?.completedOn?.[0]).toMatch(/before it started/);
    const noStart = await rejected(() =>
      updateLifeStoryStage(world.users.studentA, lifeStoryId, "DIRECT_SESSIONS", {
        startedOn: "",
        completedOn: world.today,
      }),
    );
    expect(noStart.fieldErrors?.startedOn?.[0]).toEqual(expect.any(String));
    const future = await rejected(() =>
      updateLifeStoryStage(world.users.studentA, lifeStoryId, "DIRECT_SESSIONS", {
        startedOn: world.today,
        completedOn: addDays(world.today, 2),
      }),
    );
    expect(future.fieldErrors?.completedOn?.[0]).toMatch(/future/);
    const unknownStage = await rejected(() =>
      updateLifeStoryStage(world.users.studentA, lifeStoryId, "PUBLISHING", { startedOn: world.today }),
    );
    // The stage is part of the address, like an id: one that is not a stage is not found.
    expect(unknownStage.status).toBe(404);
    // Someone else saved the stage after this editor opened it.
    const stale = await rejected(() =>
      updateLifeStoryStage(world.users.peA, lifeStoryId, "GATHERING_INFORMATION", {
        startedOn: started,
        notes: "Overwrite",
        updatedAt: "2020-01-01T00:00:00.000Z",
      }),
    );
    expect(stale.status).toBe(409);
    // The on-site supervisor reads by code, never writes.
    expect((await getLifeStoryWork(world.users.onsiteA, lifeStoryId)).child.name).toBeNull();
    expect(
      (
        await rejected(() =>
          updateLifeStoryStage(world.users.onsiteA, lifeStoryId, "DRAFTING", { startedOn: world.today }),
        )
      ).status,
    ).toBe(403);
  });
});

describe("safeguarding concerns", () => {
  let concernId: string;

  it("notifies the overseeing PE and every admin of the team at once, and nobody else", async () => {
    await markAllNotificationsRead(world.users.peA);
    const result = await raiseSafeguardingConcern(world.users.studentA, {
      childId: children.childA.id,
      description: "Alfie said he is scared to go home.",
      sourceEntity: "LifeStoryWork",
      sourceId: lifeStoryId,
    });
    concernId = result.id;
    expect(result).toMatchObject({ notified: 2, emailed: 0 });
    const rows = await db().notification.findMany({ where: { kind: "SAFEGUARDING_CONCERN" } });
    expect(rows.map((row) => row.userId).sort()).toEqual([world.users.peA.id, world.users.admin.id].sort());
    for (const row of rows) {
      expect(row.title).toContain("C-1001");
      expect(`${row.title} ${row.body}`).not.toMatch(/Alfie|Archer|scared/);
      expect(row.link).toBe(`/safeguarding#concern-${concernId}`);
    }
    for (const user of [
      world.users.tutorA,
      world.users.peOther,
      world.users.peB,
      world.users.pePast,
      world.users.otherAdmin,
      world.users.onsiteA,
      world.users.studentA,
    ]) {
      expect(
        (await listNotifications(user)).notifications.filter((row) => row.kind === "SAFEGUARDING_CONCERN"),
      ).toHaveLength(0);
    }
    const peA = await listNotifications(world.users.peA);
    expect(peA.unread).toBe(1);
    expect(peA.notifications[0]).toMatchObject({ kind: "SAFEGUARDING_CONCERN", read: false });
    expect(
      await db().auditLog.count({
        where: {
          entity: "SafeguardingConcern",
          entityId: concernId,
          action: "CREATE",
          actorId: world.users.studentA.id,
        },
      }),
    ).toBe(1);
  });

  it("may be raised by anyone who can see the child's record, the on-site supervisor included", async () => {
    const { id } = await raiseSafeguardingConcern(world.users.onsiteA, {
      childId: children.childA.id,
      description: "Bruising noticed on his arm.",
    });
    // Handled at once, to keep the rest of the test about the first concern.
    await recordSafeguardingResponse(world.users.peA, id, {
      actionTaken: "Discussed with the duty manager; referred to the front door the same day.",
    });
  });

  it("stays on the open list of the admin and the overseeing PE until the action is recorded", async () => {
    const forAdmin = await listOpenSafeguardingConcerns(world.users.admin);
    expect(forAdmin.map((row) => row.id)).toEqual([concernId]);
    expect(forAdmin[0]).toMatchObject({
      child: { code: "C-1001", name: "Alfie Archer" },
      raisedByName: world.users.studentA.name,
      description: "Alfie said he is scared to go home.",
    });
    expect((await listOpenSafeguardingConcerns(world.users.peA)).map((row) => row.id)).toEqual([concernId]);
    for (const user of [
      world.users.peOther,
      world.users.peB,
      world.users.tutorA,
      world.users.studentA,
      world.users.onsiteA,
      world.users.otherAdmin,
    ]) {
      expect(await listOpenSafeguardingConcerns(user)).toEqual([]);
    }

    const blank = await rejected(() => recordSafeguardingResponse(world.users.admin, concernId, { actionTaken: "  " }));
    expect(blank.fieldErrors?.actionTaken?.[0]).toEqual(expect.any(String));
    expect(
      (
        await rejected(() =>
          recordSafeguardingResponse(world.users.studentA, concernId, { actionTaken: "I told my PE." }),
        )
      ).status,
    ).toBe(403);
    expect(
      (await rejected(() => recordSafeguardingResponse(world.users.onsiteA, concernId, { actionTaken: "Noted." })))
        .status,
    ).toBe(403);

    // Still open after all that.
    expect(await listOpenSafeguardingConcerns(world.users.admin)).toHaveLength(1);
    await recordSafeguardingResponse(world.users.admin, concernId, {
      actionTaken: "Strategy discussion held with the council's front door; the child's social worker is informed.",
    });
    expect(await listOpenSafeguardingConcerns(world.users.admin)).toEqual([]);
    expect(await listOpenSafeguardingConcerns(world.users.peA)).toEqual([]);
    const concern = await db().safeguardingConcern.findUniqueOrThrow({ where: { id: concernId } });
    expect(concern).toMatchObject({ status: "ACTIONED", actionRecordedById: world.users.admin.id });
    expect(
      (await rejected(() => recordSafeguardingResponse(world.users.peA, concernId, { actionTaken: "Again" }))).status,
    ).toBe(409);
    // The student who raised it hears that it was handled.
    const actioned = (await listNotifications(world.users.studentA)).notifications.find(
      (row) => row.kind === "SAFEGUARDING_ACTIONED",
    );
    expect(actioned).toMatchObject({ link: `/children/${children.childA.id}` });
    expect(actioned?.title).not.toMatch(/Alfie|Archer/);
  });
});

describe("notifications", () => {
  it("a user sees and marks only their own", async () => {
    const mine = (await listNotifications(world.users.peA)).notifications[0];
    expect((await rejected(() => markNotificationRead(world.users.admin, mine.id))).status).toBe(404);
    expect((await rejected(() => markNotificationRead(world.users.peOther, mine.id))).status).toBe(404);
    expect(await markNotificationRead(world.users.peA, mine.id)).toMatchObject({ id: mine.id, read: true });
    expect((await listNotifications(world.users.peA)).notifications.find((row) => row.id === mine.id)?.read).toBe(true);
    // The admin's own copy is untouched.
    expect((await listNotifications(world.users.admin)).unread).toBeGreaterThan(0);
  });
});

describe("people with nothing to do with the child", () => {
  const outsiders = (): Array<[string, SessionUser]> => [
    ["an unrelated student", world.users.studentOther],
    ["another placement's student", world.users.studentB],
    ["the student's own tutor", world.users.tutorA],
    ["another tutor", world.users.tutorB],
    ["a PE with no part in the work", world.users.peOther],
    ["another student's PE", world.users.peB],
    ["another council's admin", world.users.otherAdmin],
  ];

  it("get a 404 on every read and write", async () => {
    const concern = await db().safeguardingConcern.findFirstOrThrow({ where: { childId: children.childA.id } });
    for (const [, user] of outsiders()) {
      const calls: Array<() => Promise<unknown>> = [
        () => getAssessment(user, assessmentId),
        () => updateAssessment(user, assessmentId, completed(3)),
        () => getLifeStoryWork(user, lifeStoryId),
        () => updateLifeStoryStage(user, lifeStoryId, "DRAFTING", { startedOn: world.today }),
        () => signOffLifeStoryWork(user, lifeStoryId),
        () => raiseSafeguardingConcern(user, { childId: children.childA.id, description: "A worry" }),
        () => recordSafeguardingResponse(user, concern.id, { actionTaken: "Something" }),
      ];
      for (const call of calls) expect((await rejected(call)).status).toBe(404);
    }
  });

  it("unknown ids are a 404 too", async () => {
    expect((await rejected(() => getAssessment(world.users.admin, "nope"))).status).toBe(404);
    expect((await rejected(() => getLifeStoryWork(world.users.admin, "nope"))).status).toBe(404);
    expect(
      (await rejected(() => recordSafeguardingResponse(world.users.admin, "nope", { actionTaken: "x" }))).status,
    ).toBe(404);
    expect(
      (await rejected(() => raiseSafeguardingConcern(world.users.admin, { childId: "nope", description: "x" }))).status,
    ).toBe(404);
  });
});

describe("email", () => {
  it("is a no-op without SMTP_URL", async () => {
    delete process.env.SMTP_URL;
    expect(await sendEmail({ to: "someone@test.example.org", subject: "Hello", text: "Hi" })).toEqual({
      sent: false,
      skipped: "not-configured",
    });
    expect(mockCreateTransport).not.toHaveBeenCalled();
    expect(mockSendMail).not.toHaveBeenCalled();
  });

  it("with SMTP configured, goes to the PE and the admins after the commit, naming the child by code only", async () => {
    process.env.SMTP_URL = "smtp://mail.test.example.org:587";
    mockSendMail.mockResolvedValue({ messageId: "1" });
    const { id, emailed } = await raiseSafeguardingConcern(world.users.studentA, {
      childId: children.childA.id,
      description: "Alfie Archer mentioned a new adult at home.",
    });
    expect(emailed).toBe(2);
    expect(mockCreateTransport.mock.calls[0][0]).toMatch(/^smtp:\/\/mail\.test\.example\.org:587/);
    const message = mockSendMail.mock.calls[0][0] as { to: string[]; subject: string; text: string };
    expect(message.to.sort()).toEqual([world.users.peA.email, world.users.admin.email].sort());
    expect(message.subject).toContain("C-1001");
    expect(message.text).toContain("/safeguarding");
    expect(`${message.subject} ${message.text}`).not.toMatch(/Alfie|Archer|new adult/);
    expect(message.text).toContain("call the police on 999");
    await recordSafeguardingResponse(world.users.admin, id, { actionTaken: "Shared with the child's social worker." });
  });

  it("a failed email is logged and never fails the concern", async () => {
    process.env.SMTP_URL = "smtp://mail.test.example.org:587";
    mockSendMail.mockRejectedValue(new Error("connect ECONNREFUSED"));
    const logged = jest.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const { id, notified, emailed } = await raiseSafeguardingConcern(world.users.studentA, {
        childId: children.childA.id,
        description: "Another worry.",
      });
      expect({ notified, emailed }).toEqual({ notified: 2, emailed: 0 });
      expect(await db().safeguardingConcern.findUnique({ where: { id } })).toMatchObject({ status: "OPEN" });
      expect(logged).toHaveBeenCalledWith(expect.stringMatching(/could not be sent: connect ECONNREFUSED/));
    } finally {
      logged.mockRestore();
    }
  });
});
