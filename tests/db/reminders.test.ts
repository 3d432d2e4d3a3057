/** @jest-environment node */
import { useTestDatabase } from "../support/test-database";
import { buildWorld, type World } from "../support/world";
import { buildChildren, type ChildrenWorld } from "../support/children-world";
import { runReminders } from "@/lib/reminders/run-reminders";
import { loadMyToDo } from "@/lib/todo/load";
import { addDays, fromIsoDate } from "@/lib/dates";
import { mondayOf } from "@/lib/supervision/cadence";
import type { EmailMessage } from "@/lib/notifications/email";

// Email is "configured" here, and every message is kept instead of sent.
const mockSent: EmailMessage[] = [];
jest.mock("@/lib/notifications/email", () => ({
  emailConfigured: () => true,
  appUrl: (path: string) => `https://placements.example.org${path}`,
  sendEmail: async (message: EmailMessage) => {
    mockSent.push(message);
    return { sent: true };
  },
}));

const { db } = useTestDatabase();

let world: World;
let kids: ChildrenWorld;
const ids: Record<string, string> = {};
const DAY = 24 * 60 * 60 * 1000;

/**
 * One item of each kind, on top of the test world:
 *  - placement A (student A, PE peA, on-site onsiteA, tutor A): no supervision counted (overdue);
 *    the learning agreement not held (overdue); a supervision record signed by the PE 3 days ago;
 *    a draft record of a session 9 days ago; evidence submitted 10 days ago; a final assessment
 *    signed by the PE only;
 *  - placement B (student B, PE peB, stage 1): supervision held today, learning agreement held;
 *    child B's assessment due tomorrow; a final assessment awaiting ratification;
 *  - placement C (finished): overdue everything, which nobody is reminded of.
 */
beforeAll(async () => {
  world = await buildWorld();
  kids = await buildChildren(world);
  const { users, placementA, placementB, today } = world;
  const record = (placementId: string, heldOn: string, data: object) =>
    db().supervisionRecord.create({
      data: {
        placementId,
        heldOn: fromIsoDate(heldOn),
        startTime: "10:00",
        durationMinutes: 90,
        authorId: users.peA.id,
        ...data,
      },
    });

  // Review meetings are not supervision, so placement A's cadence stays overdue.
  ids.peSigned = (
    await record(placementA.id, addDays(today, -6), {
      type: "REVIEW_MEETING",
      status: "PE_SIGNED",
      peSignedAt: new Date(Date.now() - 3 * DAY),
      peSignedById: users.peA.id,
    })
  ).id;
  ids.draft = (await record(placementA.id, addDays(today, -9), { type: "REVIEW_MEETING", status: "DRAFT" })).id;
  await record(placementB.id, today, { type: "FORMAL", status: "SIGNED", authorId: users.peB.id });
  await db().placementMilestone.create({
    data: {
      placementId: placementB.id,
      kind: "LEARNING_AGREEMENT",
      heldOn: fromIsoDate(addDays(world.start, 3)),
      recordedById: users.peB.id,
    },
  });
  ids.evidence = (
    await db().evidenceItem.create({
      data: {
        placementId: placementA.id,
        authorId: users.studentA.id,
        title: "Session with Alfie Archer",
        occurredOn: fromIsoDate(addDays(today, -12)),
        type: "REFLECTIVE_LOG",
        status: "SUBMITTED",
        submittedAt: new Date(Date.now() - 10 * DAY),
      },
    })
  ).id;
  ids.finalA = (
    await db().finalAssessment.create({
      data: {
        placementId: placementA.id,
        practiceEducatorId: users.peA.id,
        status: "PE_SIGNED",
        peSignedAt: new Date(),
      },
    })
  ).id;
  ids.finalB = (
    await db().finalAssessment.create({
      data: {
        placementId: placementB.id,
        practiceEducatorId: users.peB.id,
        status: "AWAITING_RATIFICATION",
        peSignedAt: new Date(),
        studentSignedAt: new Date(),
      },
    })
  ).id;
  const assessment = await db().childAssessment.update({
    where: { allocationId: kids.allocationB.id },
    data: { dueDate: fromIsoDate(addDays(today, 1)) },
  });
  ids.assessment = assessment.id;

  const finished = await db().placement.create({
    data: {
      studentId: users.studentOther.id,
      teamId: world.team.id,
      setting: "Finished",
      level: "FIRST",
      startDate: fromIsoDate(addDays(today, -200)),
      endDate: fromIsoDate(addDays(today, -20)),
      requiredDays: 70,
      status: "COMPLETED",
      onsiteSupervisorId: users.onsiteOther.id,
    },
  });
  ids.finished = finished.id;
  await db().practiceEducatorAssignment.create({
    data: {
      placementId: finished.id,
      practiceEducatorId: users.peOther.id,
      startDate: fromIsoDate(addDays(today, -200)),
    },
  });
  await record(finished.id, addDays(today, -30), { status: "DRAFT", authorId: users.peOther.id });
  await db().evidenceItem.create({
    data: {
      placementId: finished.id,
      authorId: users.studentOther.id,
      title: "Old",
      occurredOn: fromIsoDate(addDays(today, -40)),
      type: "OTHER",
      status: "SUBMITTED",
      submittedAt: new Date(Date.now() - 40 * DAY),
    },
  });
  await db().finalAssessment.create({
    data: {
      placementId: finished.id,
      practiceEducatorId: users.peOther.id,
      status: "PE_SIGNED",
      peSignedAt: new Date(Date.now() - 30 * DAY),
    },
  });
});

function expectedReminders() {
  const { users, placementA, today } = world;
  return {
    [`supervision-week:${placementA.id}:${mondayOf(today)}`]: [users.peA.id],
    [`milestone:${placementA.id}:LEARNING_AGREEMENT`]: [users.peA.id, users.studentA.id, users.tutorA.id],
    [`assessment:${ids.assessment}`]: [users.studentB.id, users.peB.id],
    [`supervision-sign:${ids.peSigned}`]: [users.studentA.id],
    [`supervision-draft:${ids.draft}`]: [users.peA.id],
    [`evidence-review:${placementA.id}`]: [users.peA.id],
    [`final-sign:${ids.finalA}`]: [users.studentA.id, users.onsiteA.id],
    // peB is PEPS stage 1: the team's stage 2 PEs ratify.
    [`final-ratify:${ids.finalB}`]: [users.peA.id, users.pePast.id, users.peOther.id],
  };
}

const sortedPairs = (map: Record<string, string[]>) =>
  Object.entries(map)
    .flatMap(([key, userIds]) => userIds.map((userId) => `${userId} ${key}`))
    .sort();

describe("the daily reminders job", () => {
  let first: Awaited<ReturnType<typeof runReminders>>;

  beforeAll(async () => {
    mockSent.length = 0;
    first = await runReminders({ today: world.today });
  });

  it("finds one reminder of each kind and records each person and item once for the day", async () => {
    const expected = expectedReminders();
    const sent = await db().reminderSent.findMany({ where: { day: fromIsoDate(world.today) } });
    expect(sent.map((row) => `${row.userId} ${row.itemKey}`).sort()).toEqual(sortedPairs(expected));
    expect(first).toMatchObject({ day: world.today, due: 14, notified: 14, skippedAlreadySent: 0 });
    expect(first.checked).toBeGreaterThanOrEqual(9);
  });

  it("notifies the right people in the app, with a link to the record", async () => {
    const { users, placementA } = world;
    const titlesOf = async (userId: string) =>
      (await db().notification.findMany({ where: { userId, kind: "REMINDER" } })).map((row) => row.title).sort();
    expect(await db().notification.count({ where: { kind: "REMINDER" } })).toBe(14);
    expect(await titlesOf(users.peA.id)).toEqual(
      [
        "Evidence waiting for your review: Test studentA",
        "Final assessment waiting for ratification: Test studentB",
        "Practice learning agreement meeting overdue: Test studentA",
        expect.stringMatching(/^Supervision notes not signed: Test studentA, /),
        "Supervision overdue: Test studentA",
      ].sort(),
    );
    expect(await titlesOf(users.studentA.id)).toEqual(
      [
        "Final assessment waiting for your signature: Test studentA",
        "Practice learning agreement meeting overdue: Test studentA",
        expect.stringMatching(/^Supervision record of .* is waiting for your signature$/),
      ].sort(),
    );
    expect(await titlesOf(users.tutorA.id)).toEqual(["Practice learning agreement meeting overdue: Test studentA"]);
    expect(await titlesOf(users.onsiteA.id)).toEqual(["Final assessment waiting for your signature: Test studentA"]);
    expect(await titlesOf(users.peB.id)).toEqual([expect.stringMatching(/^Child and family assessment for C-2002: /)]);
    expect(await titlesOf(users.peOther.id)).toEqual(["Final assessment waiting for ratification: Test studentB"]);
    for (const who of ["admin", "studentOther", "onsiteOther", "tutorB", "otherAdmin"] as const)
      expect(await titlesOf(users[who].id)).toEqual([]);

    const links = (await db().notification.findMany({ where: { kind: "REMINDER" }, select: { link: true } })).map(
      (row) => row.link,
    );
    expect(links).toEqual(
      expect.arrayContaining([
        `/placements/${placementA.id}/supervision/new`,
        `/placements/${placementA.id}/reviews`,
        `/placements/${placementA.id}/portfolio#waiting-for-review`,
        `/supervision/${ids.draft}#sign`,
        `/assessments/${ids.assessment}`,
        `/placements/${placementA.id}/final-assessment`,
        "/ratification",
      ]),
    );
  });

  it("never names a child (or repeats evidence text) in a notification or an email", async () => {
    const notifications = await db().notification.findMany({ where: { kind: "REMINDER" } });
    const texts = [
      ...notifications.map((row) => `${row.title} ${row.body}`),
      ...mockSent.map((message) => `${message.subject} ${message.text}`),
    ];
    expect(texts.length).toBeGreaterThan(14);
    for (const text of texts) expect(text).not.toMatch(/Alfie|Archer|Bella|Brooks|Casey|Clarke/);
    expect(texts.some((text) => text.includes("C-2002"))).toBe(true);
  });

  it("sends one digest email per person, listing all of their reminders", () => {
    const { users } = world;
    expect(first.emailed).toBe(8);
    expect(mockSent).toHaveLength(8);
    expect(mockSent.map((message) => message.to).sort()).toEqual(
      [users.peA, users.studentA, users.tutorA, users.onsiteA, users.studentB, users.peB, users.pePast, users.peOther]
        .map((user) => user.email)
        .sort(),
    );
    const toPeA = mockSent.find((message) => message.to === users.peA.email)!;
    expect(toPeA.subject).toMatch(/^Placement Tracker: 5 reminders for /);
    expect(toPeA.text).toContain(`https://placements.example.org/placements/${world.placementA.id}/supervision`);
    expect(toPeA.text.match(/^- /gm)).toHaveLength(5);
  });

  it("sends nothing new when run again the same day", async () => {
    const notificationsBefore = await db().notification.count();
    const emailsBefore = mockSent.length;
    const again = await runReminders({ today: world.today });
    expect(again).toMatchObject({ due: 14, notified: 0, emailed: 0, skippedAlreadySent: 14 });
    expect(await db().notification.count()).toBe(notificationsBefore);
    expect(mockSent.length).toBe(emailsBefore);
  });

  it("sends nothing twice when two instances run at the same moment", async () => {
    const nextDay = addDays(world.today, 1);
    const notificationsBefore = await db().notification.count();
    const [one, two] = await Promise.all([runReminders({ today: nextDay }), runReminders({ today: nextDay })]);
    expect(one.due).toBe(two.due);
    expect(one.due).toBeGreaterThan(0);
    expect(one.notified + two.notified).toBe(one.due);
    expect(one.skippedAlreadySent + two.skippedAlreadySent).toBe(one.due);
    expect(await db().notification.count()).toBe(notificationsBefore + one.due);
    expect(await db().reminderSent.count({ where: { day: fromIsoDate(nextDay) } })).toBe(one.due);
  });

  it("reminds nobody about a finished placement", async () => {
    const rows = await db().reminderSent.findMany();
    expect(rows.filter((row) => row.itemKey.includes(ids.finished))).toEqual([]);
    const notifications = await db().notification.findMany({ where: { kind: "REMINDER" } });
    expect(notifications.filter((row) => row.link?.includes(ids.finished))).toEqual([]);
    expect(
      notifications.filter(
        (row) => row.userId === world.users.studentOther.id || row.userId === world.users.onsiteOther.id,
      ),
    ).toEqual([]);
  });

  it("records each run that notified someone in the audit log", async () => {
    const runs = await db().auditLog.findMany({ where: { entity: "ReminderRun" } });
    expect(runs.map((row) => row.entityId).sort()).toEqual([world.today, addDays(world.today, 1)]);
  });
});

describe("the To do panel: the same list, for one person", () => {
  it("shows each person what the reminders chase, and more, never someone else's items", async () => {
    const { users, placementA, today } = world;
    const keys = async (who: keyof World["users"]) => (await loadMyToDo(users[who], today)).map((item) => item.itemKey);
    const expected = expectedReminders();
    for (const who of ["peA", "studentA", "tutorA", "onsiteA", "studentB", "peB"] as const) {
      const mine = await keys(who);
      const chased = Object.entries(expected)
        .filter(([, userIds]) => userIds.includes(users[who].id))
        .map(([key]) => key);
      expect(mine).toEqual(expect.arrayContaining(chased));
      for (const key of mine) expect(key).not.toContain(ids.finished);
    }
    // The student sees the record waiting for her signature, linked to its Sign section.
    const studentA = await loadMyToDo(users.studentA, today);
    expect(studentA.find((item) => item.kind === "SUPERVISION_SIGN")).toMatchObject({
      link: `/supervision/${ids.peSigned}#sign`,
    });
    // The PE's evidence item carries the count and links to the review list.
    expect((await loadMyToDo(users.peA, today)).find((item) => item.kind === "EVIDENCE_REVIEW")).toMatchObject({
      count: 1,
      link: `/placements/${placementA.id}/portfolio#waiting-for-review`,
    });
    // Nothing of placement A reaches placement B's student.
    expect((await keys("studentB")).some((key) => key.includes(placementA.id))).toBe(false);
  });
});

describe("POST /api/v1/jobs/reminders", () => {
  const call = async (authorization?: string) => {
    const { POST } = await import("@/app/api/v1/jobs/reminders/route");
    const response = await POST(
      new Request("http://localhost/api/v1/jobs/reminders", {
        method: "POST",
        headers: authorization ? { authorization } : {},
      }),
    );
    return { status: response.status, body: await response.json() };
  };
  const saved = { ...process.env };
  afterEach(() => {
    process.env.REMINDER_JOB_SECRET = saved.REMINDER_JOB_SECRET;
    process.env.REMINDER_INTERNAL_SECRET = saved.REMINDER_INTERNAL_SECRET;
    if (saved.REMINDER_JOB_SECRET === undefined) delete process.env.REMINDER_JOB_SECRET;
    if (saved.REMINDER_INTERNAL_SECRET === undefined) delete process.env.REMINDER_INTERNAL_SECRET;
  });

  it("is switched off (503, saying how to switch it on) without REMINDER_JOB_SECRET, and runs nothing", async () => {
    delete process.env.REMINDER_JOB_SECRET;
    const before = await db().reminderSent.count();
    const response = await call("Bearer anything");
    expect(response.status).toBe(503);
    expect(response.body.error.message).toContain("REMINDER_JOB_SECRET");
    expect(await db().reminderSent.count()).toBe(before);
  });

  it("refuses a wrong or missing secret (401) and runs with the right one, sending nothing already sent today", async () => {
    process.env.REMINDER_JOB_SECRET = "route-test-secret-0123456789";
    const before = await db().notification.count();
    expect((await call()).status).toBe(401);
    expect((await call("Bearer route-test-secret-012345678")).status).toBe(401);
    expect(await db().notification.count()).toBe(before);
    const ok = await call("Bearer route-test-secret-0123456789");
    expect(ok.status).toBe(200);
    expect(ok.body.summary).toMatchObject({
      day: expect.any(String),
      notified: expect.any(Number),
      skippedAlreadySent: expect.any(Number),
    });
    expect(ok.body.summary.notified + ok.body.summary.skippedAlreadySent).toBe(ok.body.summary.due);
    const again = await call("Bearer route-test-secret-0123456789");
    expect(again.body.summary).toMatchObject({ notified: 0, skippedAlreadySent: ok.body.summary.due });
  });
});
