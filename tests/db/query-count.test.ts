/** @jest-environment node */
import { Client } from "pg";
import { useTestDatabase } from "../support/test-database";
import { buildWorld, type World } from "../support/world";
import { progressForPlacements } from "@/lib/progress/placement-progress";
import { rebuildReadModel } from "@/lib/progress/read-model";
import { loadPlacementDashboard } from "@/lib/progress/dashboard";
import { loadPracticeEducatorDashboard } from "@/lib/progress/student-cards";
import { loadTeamOverview } from "@/lib/progress/team-overview";
import { dashboardFiltersSchema, parseDashboardFilters } from "@/lib/progress/dashboard-filters";
import { listProgress, placementsCsv } from "@/lib/progress/progress-api";
import { addDays, fromIsoDate } from "@/lib/dates";

// Queries per request must not grow with the data (issue 6: no N+1). Every
// SQL statement the app sends goes through pg's Client#query (adapter-pg's
// pool), so counting calls there counts the queries, whatever Prisma does.

const { db } = useTestDatabase();

let world: World;
let counting = false;
let queries = 0;
const originalQuery = Client.prototype.query;

beforeAll(async () => {
  world = await buildWorld();
  (Client.prototype as unknown as { query: (...args: unknown[]) => unknown }).query = function (
    this: Client,
    ...args: unknown[]
  ) {
    if (counting) queries++;
    return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
  };
});

afterAll(() => {
  Client.prototype.query = originalQuery;
});

async function countQueries(run: () => Promise<unknown>): Promise<number> {
  queries = 0;
  counting = true;
  try {
    await run();
  } finally {
    counting = false;
  }
  return queries;
}

let made = 0;
/** `count` more placements of University A students, each with days, supervision, evidence, an observation, a milestone and a concern. */
async function addPlacements(count: number): Promise<string[]> {
  const ids: string[] = [];
  const users: Array<{
    id: string;
    email: string;
    name: string;
    role: "STUDENT";
    organisationId: string;
    passwordHash: string;
  }> = [];
  for (let i = 0; i < count; i++) {
    const n = made++;
    ids.push(`qc-placement-${n}`);
    users.push({
      id: `qc-student-${n}`,
      email: `qc-${n}@test.example.org`,
      name: `Student ${String(n).padStart(4, "0")}`,
      role: "STUDENT" as const,
      organisationId: world.uniA.id,
      passwordHash: "x",
    });
  }
  await db().user.createMany({ data: users });
  await db().studentProfile.createMany({
    data: users.map((user) => ({
      userId: user.id,
      universityId: world.uniA.id,
      programmeId: world.programmeA.id,
      cohortId: world.programmeA.cohorts[0].id,
      yearOfStudy: 2,
      placementLevel: "FIRST" as const,
    })),
  });
  await db().placement.createMany({
    data: ids.map((id, index) => ({
      id,
      studentId: users[index].id,
      teamId: world.team.id,
      setting: "Early help",
      level: "FIRST" as const,
      startDate: fromIsoDate(world.start),
      endDate: fromIsoDate(addDays(world.today, 90)),
      requiredDays: 70,
      status: "ACTIVE" as const,
    })),
  });
  await db().practiceEducatorAssignment.createMany({
    data: ids.map((placementId) => ({
      placementId,
      practiceEducatorId: world.users.peA.id,
      startDate: fromIsoDate(world.start),
    })),
  });
  await db().attendanceDay.createMany({
    data: ids.flatMap((placementId) =>
      [1, 2, 3, 4].map((offset) => ({
        placementId,
        date: fromIsoDate(addDays(world.start, offset)),
        kind: offset === 4 ? ("SICK" as const) : ("PLACEMENT_DAY" as const),
        recordedById: world.users.admin.id,
      })),
    ),
  });
  await db().supervisionRecord.createMany({
    data: ids.flatMap((placementId) =>
      [7, 14].map((offset) => ({
        placementId,
        heldOn: fromIsoDate(addDays(world.start, offset)),
        startTime: "10:00",
        durationMinutes: 90,
        authorId: world.users.peA.id,
        otherAttendees: [],
        pcfDomains: [],
      })),
    ),
  });
  for (const [index, placementId] of ids.entries()) {
    await db().evidenceItem.create({
      data: {
        placementId,
        authorId: users[index].id,
        title: "Reflection",
        occurredOn: fromIsoDate(world.start),
        type: "REFLECTIVE_LOG",
        status: index % 2 ? "ACCEPTED" : "SUBMITTED",
        submittedAt: new Date(),
        links: { create: [{ frameworkItemId: "fi_pcf_2018_1" }, { frameworkItemId: "fi_pcf_2018_5" }] },
      },
    });
  }
  await db().directObservation.createMany({
    data: ids.map((placementId) => ({
      placementId,
      observerId: world.users.peA.id,
      createdById: world.users.peA.id,
      observedOn: fromIsoDate(addDays(world.start, 10)),
      activity: "Visit",
      feedback: "Good",
      feedbackAt: new Date(),
    })),
  });
  await db().placementMilestone.createMany({
    data: ids.map((placementId) => ({
      placementId,
      kind: "LEARNING_AGREEMENT" as const,
      heldOn: fromIsoDate(addDays(world.start, 5)),
      recordedById: world.users.peA.id,
    })),
  });
  await db().causeForConcern.createMany({
    data: ids
      .filter((_, index) => index % 3 === 0)
      .map((placementId) => ({ placementId, raisedById: world.users.peA.id, summary: "Concern" })),
  });
  return ids;
}

const N = 5;

describe("queries per request do not grow with the data", () => {
  let first: string[];
  let all: string[];
  const counts: Record<string, [number, number]> = {};
  const filters = dashboardFiltersSchema.parse({});

  const measures: Array<[string, () => Promise<unknown>]> = [
    [
      "progressForPlacements (admin, all ids)",
      () => progressForPlacements(world.users.admin, made > N ? all : first, world.today),
    ],
    [
      "progressForPlacements (tutor, all ids)",
      () => progressForPlacements(world.users.tutorA, made > N ? all : first, world.today),
    ],
    ["tutor dashboard", () => loadPlacementDashboard(world.users.tutorA, filters, world.today)],
    [
      "tutor dashboard, red only",
      () => loadPlacementDashboard(world.users.tutorA, { ...filters, rag: "RED" }, world.today),
    ],
    ["admin dashboard", () => loadPlacementDashboard(world.users.admin, { ...filters, status: "ALL" }, world.today)],
    ["admin team overview", () => loadTeamOverview(world.users.admin, world.today)],
    ["PE dashboard", () => loadPracticeEducatorDashboard(world.users.peA, world.today)],
    ["progress API", () => listProgress(world.users.tutorA, parseDashboardFilters({}), { limit: 200 })],
    ["CSV export", () => placementsCsv(world.users.admin, parseDashboardFilters({}))],
    [
      "progressForPlacements (admin), every stored row of an earlier day",
      async () => {
        await db().placementProgress.updateMany({ data: { asOf: fromIsoDate(addDays(world.today, -1)) } });
        return progressForPlacements(world.users.admin, made > N ? all : first, world.today);
      },
    ],
  ];

  // The placements are written straight into the tables, not through the
  // write path: the backfill fills the read model, as after the bench generator.
  beforeAll(async () => {
    first = await addPlacements(N);
    await rebuildReadModel(world.today);
    for (const [name, run] of measures) counts[name] = [await countQueries(run), 0];
    all = [...first, ...(await addPlacements(3 * N))];
    await rebuildReadModel(world.today);
    for (const [name, run] of measures) counts[name][1] = await countQueries(run);
  });

  it.each(measures.map(([name]) => [name]))("%s: the same number of queries for N and 4N placements", (name) => {
    const [forN, for4N] = counts[name];
    expect(forN).toBeGreaterThan(0);
    expect(for4N).toBe(forN);
  });

  it("the data really grew: 4N placements summarised", async () => {
    expect(all).toHaveLength(4 * N);
    const progress = await progressForPlacements(world.users.admin, all, world.today);
    expect(progress.size).toBe(4 * N);
    expect(progress.get(all[0])!.supervision.sessions).toBe(2);
    expect(progress.get(all[0])!.openConcerns).toBe(1);
    const dashboard = await loadPlacementDashboard(world.users.tutorA, filters, world.today);
    // World A's placement + 4N of ours, all University A.
    expect(dashboard.summarised).toBe(4 * N + 1);
  });

  it("progress for 4N placements stays within a small fixed budget", () => {
    // Read from the read model: one query. Rows of an earlier day are recomputed by the rules: a fixed few more.
    expect(counts["progressForPlacements (admin, all ids)"][1]).toBeLessThanOrEqual(2);
    expect(counts["progressForPlacements (admin), every stored row of an earlier day"][1]).toBeLessThanOrEqual(20);
  });
});
