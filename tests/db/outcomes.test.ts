/** @jest-environment node */
import { useTestDatabase } from "../support/test-database";
import { buildWorld, type World } from "../support/world";
import { listOutcomes, outcomesCsv, parseOutcomeFilters } from "@/lib/outcomes/outcomes";
import { toAppError } from "@/lib/errors";

const { db } = useTestDatabase();
let world: World;

beforeAll(async () => {
  world = await buildWorld();
  // placementA: a final assessment still waiting for the student's signature; placementB's is complete.
  await db().finalAssessment.create({
    data: {
      placementId: world.placementA.id,
      practiceEducatorId: world.users.peA.id,
      recommendation: "FAIL",
      status: "PE_SIGNED",
    },
  });
  await db().finalAssessment.create({
    data: {
      placementId: world.placementB.id,
      practiceEducatorId: world.users.peB.id,
      recommendation: "PASS",
      status: "COMPLETE",
    },
  });
});

const page = { limit: 50 };

describe("placement outcomes for the university's records", () => {
  it("gives a tutor their own university's students only, the recommendation only once complete", async () => {
    const forA = await listOutcomes(world.users.tutorA, {}, page);
    expect(forA.data.map((row) => row.placementId)).toEqual([world.placementA.id]);
    expect(forA.data[0]).toMatchObject({ finalAssessmentStatus: "PE_SIGNED", recommendation: null, cohort: "2025" });
    const forB = await listOutcomes(world.users.tutorB, {}, page);
    expect(forB.data[0]).toMatchObject({ placementId: world.placementB.id, recommendation: "PASS" });
  });

  it("filters by cohort, pages, and refuses anyone but the university", async () => {
    const cohortId = world.programmeA.cohorts[0].id;
    expect((await listOutcomes(world.users.tutorA, { cohortId }, page)).data).toHaveLength(1);
    expect((await listOutcomes(world.users.tutorA, { cohortId: "nonexistent" }, page)).data).toHaveLength(0);
    expect((await listOutcomes(world.users.tutorA, {}, { limit: 1, cursor: world.placementA.id })).data).toHaveLength(
      0,
    );
    await expect(listOutcomes(world.users.peA, {}, page)).rejects.toThrow(/exported by the student's university/);
    await expect(outcomesCsv(world.users.admin, {})).rejects.toThrow(/exported by the student's university/);
    expect(toAppError(captured(() => parseOutcomeFilters({ cohort: "x'; drop" })))?.status).toBe(422);
  });

  it("writes the CSV with a header and a row per placement", async () => {
    const { body } = await outcomesCsv(world.users.tutorA, {});
    const lines = body.trim().split("\r\n");
    expect(lines[0]).toMatch(/^Placement id,Student id,Student,/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain("Test studentA");
  });
});

function captured(run: () => unknown) {
  try {
    run();
  } catch (error) {
    return error;
  }
  return null;
}
