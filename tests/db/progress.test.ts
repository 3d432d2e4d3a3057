/** @jest-environment node */
import { useTestDatabase } from "../support/test-database";
import { buildWorld, type World } from "../support/world";
import { buildChildren } from "../support/children-world";
import { progressForPlacements, progressDetailsFor } from "@/lib/progress/placement-progress";
import { addDays, fromIsoDate, isoWeekday } from "@/lib/dates";

const { db } = useTestDatabase();

let world: World;

/** The working days (Mon–Fri) from `from`, `count` of them. */
function weekdaysFrom(from: string, count: number): string[] {
  const days: string[] = [];
  for (let day = from; days.length < count; day = addDays(day, 1)) if (isoWeekday(day) <= 5) days.push(day);
  return days;
}

beforeAll(async () => {
  world = await buildWorld();
  const children = await buildChildren(world);
  const a = world.placementA.id;
  const { admin, peA, studentA } = world.users;

  const days = weekdaysFrom(world.start, 16);
  await db().attendanceDay.createMany({
    data: days.map((date, index) => ({
      placementId: a,
      date: fromIsoDate(date),
      kind: index === 3 ? "SICK" : "PLACEMENT_DAY",
      recordedById: admin.id,
    })),
  });

  const session = (heldOn: string, type: "FORMAL" | "REVIEW_MEETING", durationMinutes: number) =>
    db().supervisionRecord.create({
      data: {
        placementId: a,
        heldOn: fromIsoDate(heldOn),
        startTime: "14:00",
        durationMinutes,
        type,
        authorId: peA.id,
        otherAttendees: [],
        pcfDomains: [],
      },
    });
  await session(addDays(world.today, -10), "FORMAL", 90);
  await session(addDays(world.today, -3), "FORMAL", 60);
  await session(addDays(world.today, -2), "REVIEW_MEETING", 45); // recorded, but not supervision

  const evidence = (
    title: string,
    status: "DRAFT" | "SUBMITTED" | "ACCEPTED",
    itemIds: string[],
    submittedDaysAgo = 1,
  ) =>
    db().evidenceItem.create({
      data: {
        placementId: a,
        authorId: studentA.id,
        title,
        occurredOn: fromIsoDate(addDays(world.today, -5)),
        type: "REFLECTIVE_LOG",
        status,
        submittedAt: status === "DRAFT" ? null : fromIsoDate(addDays(world.today, -submittedDaysAgo)),
        links: { create: itemIds.map((frameworkItemId) => ({ frameworkItemId })) },
      },
    });
  await evidence("Accepted reflection", "ACCEPTED", ["fi_pcf_2018_1", "fi_pcf_2018_2"]);
  await evidence("Waiting for review", "SUBMITTED", ["fi_pcf_2018_3"], 20);
  await evidence("My draft", "DRAFT", ["fi_pcf_2018_4", "fi_pcf_2018_5"]);

  await db().directObservation.create({
    data: {
      placementId: a,
      observerId: peA.id,
      createdById: peA.id,
      observedOn: fromIsoDate(addDays(world.today, -8)),
      activity: "Home visit",
      feedback: "Warm and clear",
      feedbackAt: new Date(),
    },
  });
  await db().directObservation.create({
    data: {
      placementId: a,
      observerId: peA.id,
      createdById: peA.id,
      observedOn: fromIsoDate(addDays(world.today, 10)),
      activity: "School session",
    },
  });

  await db().placementMilestone.create({
    data: {
      placementId: a,
      kind: "LEARNING_AGREEMENT",
      heldOn: fromIsoDate(addDays(world.start, 5)),
      recordedById: peA.id,
    },
  });
  await db().causeForConcern.create({
    data: { placementId: a, raisedById: peA.id, summary: "Late twice without notice" },
  });
  await db().causeForConcern.create({
    data: { placementId: a, raisedById: peA.id, summary: "Resolved one", status: "RESOLVED" },
  });

  // Two planned direct-work sessions have passed without a record: overdue child work.
  await db().directWorkProgramme.create({
    data: {
      allocationId: children.allocationA.id,
      startDate: fromIsoDate(addDays(world.today, -14)),
      endDate: fromIsoDate(addDays(world.today, 28)),
      sessions: {
        create: [
          { number: 1, plannedOn: fromIsoDate(addDays(world.today, -14)), theme: "Problem solving" },
          { number: 2, plannedOn: fromIsoDate(addDays(world.today, -7)), theme: "Problem solving" },
          { number: 3, plannedOn: fromIsoDate(addDays(world.today, 7)), theme: "Problem solving" },
        ],
      },
    },
  });
});

describe("progressForPlacements", () => {
  it("computes days, supervision, coverage, observations, milestones and concerns for the team manager", async () => {
    const progress = (
      await progressForPlacements(world.users.admin, [world.placementA.id, world.placementB.id], world.today)
    ).get(world.placementA.id)!;
    expect(progress.days).toMatchObject({ required: 70, completed: 15, percentComplete: 21 });
    expect(progress.days.projectedEndDate).not.toBeNull();
    expect(progress.supervision).toMatchObject({
      sessions: 2,
      totalMinutes: 150,
      overdue: false,
      lastSessionOn: addDays(world.today, -3),
    });
    expect(progress.coverage).toEqual({
      framework: "Professional Capabilities Framework 2018",
      domains: 9,
      domainsEvidenced: 2,
      gaps: 7,
      evidenceItems: 2,
      acceptedItems: 1,
    });
    expect(progress.observations).toEqual({ required: 2, done: 1, beforeMidpointMet: true });
    expect(progress.milestones.map((milestone) => [milestone.kind, milestone.state])).toEqual([
      ["LEARNING_AGREEMENT", "DONE"],
      ["MIDPOINT_REVIEW", expect.any(String)],
      ["FINAL_REVIEW", "UPCOMING"],
    ]);
    expect(progress.milestones[0].heldOn).toBe(addDays(world.start, 5));
    expect(progress.openConcerns).toBe(1);
    expect(progress.rag.status).toBe("RED");
    expect(progress.rag.reasons).toContain("1 open cause for concern");
    expect(progress.rag.reasons).toContain("Evidence waiting more than 14 days for review (1 item waiting)");
    expect(progress.childWork).toEqual({ allocations: 1, overdueItems: 2 });
  });

  it("gives a placement with nothing recorded zeros, not errors", async () => {
    const progress = (await progressForPlacements(world.users.admin, [world.placementB.id], world.today)).get(
      world.placementB.id,
    )!;
    expect(progress.days.completed).toBe(0);
    expect(progress.supervision).toMatchObject({ sessions: 0, totalMinutes: 0, lastSessionOn: null, overdue: true });
    expect(progress.coverage).toMatchObject({ domainsEvidenced: 0, gaps: 9, evidenceItems: 0 });
    expect(progress.observations).toEqual({ required: 2, done: 0, beforeMidpointMet: true });
    expect(progress.openConcerns).toBe(0);
    expect(progress.childWork).toEqual({ allocations: 1, overdueItems: 0 });
  });

  it("never counts the student's draft evidence, for any role", async () => {
    for (const user of [world.users.admin, world.users.peA, world.users.studentA, world.users.tutorA]) {
      const progress = (await progressForPlacements(user, [world.placementA.id], world.today)).get(
        world.placementA.id,
      )!;
      expect(progress.coverage.evidenceItems).toBe(2);
      expect(progress.coverage.domainsEvidenced).toBe(2);
    }
    const detail = (await progressDetailsFor(world.users.peA, [world.placementA.id], world.today)).get(
      world.placementA.id,
    )!;
    expect(detail.coverageRows.map((row) => [row.number, row.total, row.accepted])).toEqual([
      [1, 1, 1],
      [2, 1, 1],
      [3, 1, 0],
      [4, 0, 0],
      [5, 0, 0],
      [6, 0, 0],
      [7, 0, 0],
      [8, 0, 0],
      [9, 0, 0],
    ]);
  });

  it("shows the same numbers and RAG to everyone who sees the placement; child work only to the team side", async () => {
    const all = await Promise.all(
      [
        world.users.admin,
        world.users.peA,
        world.users.pePast,
        world.users.onsiteA,
        world.users.studentA,
        world.users.tutorA,
      ].map(async (user) =>
        (await progressForPlacements(user, [world.placementA.id], world.today)).get(world.placementA.id)!,
      ),
    );
    const [admin, pe, pastPe, onsite, student, tutor] = all;
    const { childWork: _adminChildWork, ...shared } = admin;
    for (const progress of [pe, pastPe, onsite, student, tutor]) {
      const { childWork: _childWork, ...rest } = progress;
      expect(rest).toEqual(shared);
    }
    expect(pe.childWork).toEqual({ allocations: 1, overdueItems: 2 });
    expect(tutor.childWork).toBeUndefined();
    expect(student.childWork).toBeUndefined();
    expect(onsite.childWork).toBeUndefined();
  });

  it("leaves out placements the user may not see: another university's tutor, another team, an unrelated PE", async () => {
    for (const user of [
      world.users.tutorB,
      world.users.otherAdmin,
      world.users.peOther,
      world.users.onsiteOther,
      world.users.studentOther,
    ]) {
      expect([...(await progressForPlacements(user, [world.placementA.id], world.today)).keys()]).toEqual([]);
    }
    expect([
      ...(
        await progressForPlacements(world.users.tutorB, [world.placementA.id, world.placementB.id], world.today)
      ).keys(),
    ]).toEqual([world.placementB.id]);
  });

  it("returns an empty map for no ids", async () => {
    expect((await progressForPlacements(world.users.admin, [], world.today)).size).toBe(0);
  });
});
