/** @jest-environment node */
import { useTestDatabase } from "../support/test-database";
import { buildWorld, type World } from "../support/world";
import { buildChildren } from "../support/children-world";
import { sessionOf } from "../support/supervision";
import { addDays, isoWeekday, todayInUk, type IsoDate } from "@/lib/dates";
import {
  computeProgressDetails,
  progressForPlacements,
  type PlacementProgressDetail,
} from "@/lib/progress/placement-progress";
import { fromStored } from "@/lib/progress/progress-store";
import {
  checkReadModel,
  rebuildReadModel,
  refreshPlacementReadModel,
  refreshStaleProgress,
} from "@/lib/progress/read-model";
import { recordAttendance, removeAttendance } from "@/lib/placements/attendance";
import { updatePlacement } from "@/lib/placements/update-placement";
import { getPlacement } from "@/lib/placements/get-placement";
import { assignPracticeEducator } from "@/lib/placements/assign-practice-educator";
import { recordSupervision } from "@/lib/supervision/record-supervision";
import { signSupervisionRecord } from "@/lib/supervision/sign-supervision-record";
import { createEvidence, submitEvidence } from "@/lib/portfolio/write-evidence";
import { reviewEvidence } from "@/lib/portfolio/review-evidence";
import { planObservation, updateObservation } from "@/lib/portfolio/observations";
import { recordMilestone } from "@/lib/portfolio/milestones";
import { raiseConcern } from "@/lib/portfolio/concerns";
import { allocateChildren, endAllocation } from "@/lib/children/allocations";

// The placement progress read model (lib/progress/read-model.ts): after every
// kind of write that changes a placement's progress, the stored row equals
// what the rules compute afresh; a row of an earlier day is recomputed by the
// daily job and by a read; two concurrent writes leave a correct row.

const { db } = useTestDatabase();
let world: World;
let children: Awaited<ReturnType<typeof buildChildren>>;

beforeAll(async () => {
  world = await buildWorld();
  children = await buildChildren(world);
});

/** The stored row, checked equal to a fresh computation as of today; returns its progress. */
async function expectCurrent(placementId: string) {
  const today = todayInUk();
  const row = await db().placementProgress.findUnique({ where: { placementId } });
  expect(row).not.toBeNull();
  expect(row!.asOf.toISOString().slice(0, 10)).toBe(today);
  const fresh = (await computeProgressDetails(db(), [placementId], today)).get(placementId)!;
  const stored = fromStored(row!);
  expect(stored).toEqual(JSON.parse(JSON.stringify(fresh)) as PlacementProgressDetail);
  expect(row!.ragStatus).toBe(fresh.progress.rag.status);
  expect(row!.percentComplete).toBe(fresh.progress.days.percentComplete);
  return stored.progress;
}

/** The weekdays from `from`, `count` of them. */
function weekdays(from: IsoDate, count: number): IsoDate[] {
  const days: IsoDate[] = [];
  for (let day = from; days.length < count; day = addDays(day, 1)) if (isoWeekday(day) <= 5) days.push(day);
  return days;
}

describe("every write that changes progress leaves the stored row equal to a fresh computation", () => {
  it("attendance: recording and removing a day", async () => {
    const [day] = weekdays(addDays(world.today, -20), 1);
    const { id } = await recordAttendance(world.users.studentA, world.placementA.id, {
      date: day,
      kind: "PLACEMENT_DAY",
    });
    expect((await expectCurrent(world.placementA.id)).days.completed).toBe(1);
    await removeAttendance(world.users.studentA, world.placementA.id, id);
    expect((await expectCurrent(world.placementA.id)).days.completed).toBe(0);
  });

  it("supervision: recording a session and signing it", async () => {
    const before = (await expectCurrent(world.placementA.id)).supervision.sessions;
    const { id } = await recordSupervision(world.users.peA, world.placementA.id, sessionOf(world));
    expect((await expectCurrent(world.placementA.id)).supervision.sessions).toBe(before + 1);
    await signSupervisionRecord(world.users.peA, id);
    await expectCurrent(world.placementA.id);
  });

  it("evidence: submitting and accepting", async () => {
    const { id } = await createEvidence(world.users.studentA, world.placementA.id, {
      title: "Direct work session on self-esteem",
      occurredOn: addDays(world.today, -3),
      type: "REFLECTIVE_LOG",
      body: "I planned the session around strengths.",
      childCode: "C-1001",
      links: [{ frameworkItemId: "fi_pcf_2018_6", note: "I analysed why the first activity did not land." }],
    });
    await submitEvidence(world.users.studentA, id, { version: 1 });
    const submitted = await expectCurrent(world.placementA.id);
    expect(submitted.coverage.evidenceItems).toBe(1);
    expect(submitted.coverage.acceptedItems).toBe(0);
    await reviewEvidence(world.users.peA, id, { decision: "ACCEPTED", comment: "" });
    expect((await expectCurrent(world.placementA.id)).coverage.acceptedItems).toBe(1);
  });

  it("a direct observation: planned, then the feedback", async () => {
    const { id } = await planObservation(world.users.peA, world.placementA.id, {
      observedOn: addDays(world.today, -2),
      activity: "Home visit with a family",
    });
    expect((await expectCurrent(world.placementA.id)).observations.done).toBe(0);
    const { version } = await db().directObservation.findUniqueOrThrow({ where: { id } });
    await updateObservation(world.users.peA, id, {
      part: "feedback",
      feedback: "Warm, clear, child-centred.",
      domains: [{ frameworkItemId: "fi_pcf_2018_1", note: "Introduced herself and her role." }],
      version,
    });
    expect((await expectCurrent(world.placementA.id)).observations.done).toBe(1);
  });

  it("a milestone: the learning agreement", async () => {
    await recordMilestone(world.users.peA, world.placementA.id, "learning-agreement", {
      heldOn: addDays(world.today, -20),
      attendees: ["STUDENT", "PRACTICE_EDUCATOR", "ONSITE_SUPERVISOR", "TUTOR"],
      notes: "Agreed at the team base.",
      learningNeeds: "Assessment skills.",
      learningOpportunities: "Co-work two assessments.",
      reasonableAdjustments: "None.",
      supervisionArrangements: "Weekly.",
    });
    const progress = await expectCurrent(world.placementA.id);
    expect(progress.milestones.find((milestone) => milestone.kind === "LEARNING_AGREEMENT")?.heldOn).toBe(
      addDays(world.today, -20),
    );
  });

  it("a cause for concern", async () => {
    await raiseConcern(world.users.tutorA, world.placementA.id, {
      summary: "Missed three visits without telling anyone.",
    });
    const progress = await expectCurrent(world.placementA.id);
    expect(progress.openConcerns).toBe(1);
    expect(progress.rag.status).toBe("RED");
  });

  it("a child's allocation, and its end", async () => {
    const before = (await expectCurrent(world.placementA.id)).childWork!.allocations;
    const {
      ids: [allocationId],
    } = await allocateChildren(world.users.admin, {
      childIds: [children.childB.id],
      placementId: world.placementA.id,
      overseeingPeId: world.users.peA.id,
      startDate: addDays(world.today, -1),
      kind: "ASSESSMENT",
    });
    expect((await expectCurrent(world.placementA.id)).childWork!.allocations).toBe(before + 1);
    await endAllocation(world.users.admin, allocationId, { endDate: world.today });
    expect((await expectCurrent(world.placementA.id)).childWork!.allocations).toBe(before);
  });

  it("the placement's status, and a change of practice educator", async () => {
    const placement = await getPlacement(world.users.admin, world.placementB.id);
    await updatePlacement(world.users.admin, placement.id, {
      setting: placement.setting,
      startDate: placement.startDate,
      endDate: placement.endDate,
      requiredDays: placement.requiredDays,
      status: "SUSPENDED",
      statusReason: "Illness",
      onsiteSupervisorId: placement.onsiteSupervisor?.id ?? "",
      tutorId: placement.tutor?.id ?? "",
      version: placement.version,
    });
    expect((await expectCurrent(world.placementB.id)).rag.reasons).toContain("Placement suspended");
    await assignPracticeEducator(world.users.admin, world.placementB.id, {
      practiceEducatorId: world.users.peOther.id,
      startDate: addDays(world.today, -2),
      reason: "Sick leave",
    });
    await expectCurrent(world.placementB.id);
  });

  it("two concurrent writes to one placement leave a row with both", async () => {
    const [first, second] = weekdays(addDays(world.today, -15), 2);
    await Promise.all([
      recordAttendance(world.users.studentA, world.placementA.id, { date: first, kind: "PLACEMENT_DAY" }),
      recordAttendance(world.users.studentA, world.placementA.id, { date: second, kind: "PLACEMENT_DAY" }),
    ]);
    expect((await expectCurrent(world.placementA.id)).days.completed).toBe(2);
  });
});

describe("rows of an earlier day", () => {
  it("the daily recompute turns a milestone due into overdue", async () => {
    const stored = await expectCurrent(world.placementA.id);
    const midpoint = stored.milestones.find((milestone) => milestone.kind === "MIDPOINT_REVIEW")!;
    const due = midpoint.dueDate!;
    // Stored as of the midpoint's due date: due, not yet overdue.
    await db().$transaction((tx) => refreshPlacementReadModel(tx, [world.placementA.id], due));
    const onTheDay = fromStored(
      await db().placementProgress.findUniqueOrThrow({ where: { placementId: world.placementA.id } }),
    );
    expect(onTheDay.progress.milestones.find((milestone) => milestone.kind === "MIDPOINT_REVIEW")?.state).toBe(
      "DUE_SOON",
    );

    // The next day's job recomputes every row of an earlier day.
    const dayAfter = addDays(due, 1);
    expect(await refreshStaleProgress(dayAfter)).toBeGreaterThanOrEqual(1);
    const row = await db().placementProgress.findUniqueOrThrow({ where: { placementId: world.placementA.id } });
    expect(row.asOf.toISOString().slice(0, 10)).toBe(dayAfter);
    const next = fromStored(row).progress;
    expect(next.milestones.find((milestone) => milestone.kind === "MIDPOINT_REVIEW")?.state).toBe("OVERDUE");
    expect(next.rag.status).toBe("RED");
    expect(next.rag.reasons.some((reason) => reason.startsWith("Midpoint review overdue"))).toBe(true);
    // A second run that day has nothing left to do.
    expect(await refreshStaleProgress(dayAfter)).toBe(0);
  });

  it("a read finds a row of an earlier day, answers as of today and stores it", async () => {
    await db().$transaction((tx) => refreshPlacementReadModel(tx, [world.placementA.id], addDays(world.today, -40)));
    const progress = (await progressForPlacements(world.users.admin, [world.placementA.id])).get(world.placementA.id)!;
    expect(await expectCurrent(world.placementA.id)).toEqual(JSON.parse(JSON.stringify(progress)));
  });

  it("a tutor's read leaves out the child-work counts the row holds", async () => {
    const progress = (await progressForPlacements(world.users.tutorA, [world.placementA.id])).get(world.placementA.id)!;
    expect(progress.childWork).toBeUndefined();
    expect((await expectCurrent(world.placementA.id)).childWork).toBeDefined();
  });
});

describe("the repair and the check", () => {
  it("the check names a row that differs from the rules, and the rebuild repairs it", async () => {
    await rebuildReadModel();
    expect(await checkReadModel()).toEqual([]);
    await db().placementProgress.update({
      where: { placementId: world.placementB.id },
      data: { ragStatus: "GREEN", ragRank: 2 },
    });
    await db().placementProgress.delete({ where: { placementId: world.placementA.id } });
    expect(await checkReadModel()).toEqual(
      expect.arrayContaining([
        { placementId: world.placementA.id, problem: "missing" },
        { placementId: world.placementB.id, problem: "different" },
      ]),
    );
    expect(await rebuildReadModel()).toBe(await db().placement.count());
    expect(await checkReadModel()).toEqual([]);
  });
});
