/** @jest-environment node */
import { useTestDatabase } from "../support/test-database";
import { buildWorld, type World } from "../support/world";
import { getQaplForPlacement, qaplBoard, qaplBoardCsv, submitQaplEvaluation } from "@/lib/qapl/qapl";
import { QAPL_QUESTIONS, type QaplRespondentName } from "@/lib/qapl/questions";
import { toAppError } from "@/lib/errors";
import { fromIsoDate } from "@/lib/dates";

const { db } = useTestDatabase();
let world: World;

beforeAll(async () => {
  world = await buildWorld();
});

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

const answers = (respondent: QaplRespondentName, rating: number) => ({
  ratings: Object.fromEntries(QAPL_QUESTIONS[respondent].map((question) => [question.code, String(rating)])),
  comments: "A well organised placement.",
});

describe("QAPL evaluations", () => {
  it("refuses an evaluation of a placement still running, saving nothing", async () => {
    await expect(
      submitQaplEvaluation(world.users.studentA, world.placementA.id, answers("STUDENT", 4)),
    ).rejects.toThrow(/still running/);
    expect(await db().qaplEvaluation.count()).toBe(0);
  });

  it("takes one evaluation from each party of a finished placement, and refuses everyone else", async () => {
    await db().placement.update({ where: { id: world.placementA.id }, data: { status: "COMPLETED" } });
    const audit = await db().auditLog.count();
    expect(
      await statusOf(submitQaplEvaluation(world.users.studentA, world.placementA.id, { ratings: { induction: 7 } })),
    ).toBe(422);
    expect(await db().auditLog.count()).toBe(audit);

    await submitQaplEvaluation(world.users.studentA, world.placementA.id, answers("STUDENT", 2));
    await submitQaplEvaluation(world.users.peA, world.placementA.id, answers("PRACTICE_EDUCATOR", 4));
    await submitQaplEvaluation(world.users.admin, world.placementA.id, answers("PROVIDER", 5));
    expect(await db().auditLog.count({ where: { entity: "QaplEvaluation", action: "CREATE" } })).toBe(3);

    expect(await statusOf(submitQaplEvaluation(world.users.studentA, world.placementA.id, answers("STUDENT", 3)))).toBe(
      409,
    );
    expect(
      await statusOf(submitQaplEvaluation(world.users.studentOther, world.placementA.id, answers("STUDENT", 3))),
    ).toBe(404);
    expect(
      await statusOf(submitQaplEvaluation(world.users.pePast, world.placementA.id, answers("PRACTICE_EDUCATOR", 3))),
    ).toBe(403);
    expect(
      await statusOf(submitQaplEvaluation(world.users.otherAdmin, world.placementA.id, answers("PROVIDER", 3))),
    ).toBe(404);
    expect(await statusOf(submitQaplEvaluation(world.users.tutorA, world.placementA.id, answers("STUDENT", 3)))).toBe(
      403,
    );
    expect(await db().qaplEvaluation.count()).toBe(3);
  });

  it("never shows a student's answers one by one to their PE or the team; the university sees them", async () => {
    const respondents = async (user: typeof world.users.admin) =>
      (await getQaplForPlacement(user, world.placementA.id)).readable.map((evaluation) => evaluation.respondent).sort();
    expect(await respondents(world.users.peA)).toEqual(["PRACTICE_EDUCATOR", "PROVIDER"]);
    expect(await respondents(world.users.admin)).toEqual(["PRACTICE_EDUCATOR", "PROVIDER"]);
    expect(await respondents(world.users.studentA)).toEqual(["STUDENT"]);
    expect(await respondents(world.users.tutorA)).toEqual(["PRACTICE_EDUCATOR", "PROVIDER", "STUDENT"]);
    expect(await statusOf(getQaplForPlacement(world.users.tutorB, world.placementA.id))).toBe(404);
  });

  it("aggregates students' answers on the board only from five students up", async () => {
    const teamRow = async () =>
      (await qaplBoard(world.users.admin)).find((row) => row.group === "practice educator" && row.name === "Test peA")!;
    const before = await teamRow();
    expect(before.student).toMatchObject({ responses: 1, suppressed: true });
    expect(before.student.averages.induction).toBeNull();
    expect(before.provider.averages.university_partnership).toBe(5);
    expect((await qaplBoardCsv(world.users.admin)).body).not.toMatch(/,2\r\n/);

    // Four more students of the same PE and year: five answers, now shown as a mean.
    for (let index = 0; index < 4; index++) {
      const student = await db().user.create({
        data: {
          name: `Test qapl${index}`,
          email: `qapl${index}@test.example.org`,
          role: "STUDENT",
          organisationId: world.uniA.id,
          passwordHash: "x",
          studentProfile: {
            create: {
              universityId: world.uniA.id,
              programmeId: world.programmeA.id,
              yearOfStudy: 2,
              placementLevel: "FIRST",
            },
          },
        },
      });
      const placement = await db().placement.create({
        data: {
          studentId: student.id,
          teamId: world.team.id,
          setting: "Early help",
          level: "FIRST",
          startDate: world.placementA.startDate,
          endDate: world.placementA.endDate,
          requiredDays: 70,
          status: "COMPLETED",
          practiceEducators: {
            create: { practiceEducatorId: world.users.peA.id, startDate: fromIsoDate(world.start) },
          },
        },
      });
      await submitQaplEvaluation(
        { id: student.id, email: student.email, name: student.name, role: "STUDENT", organisationId: world.uniA.id },
        placement.id,
        answers("STUDENT", 4),
      );
    }
    const after = await teamRow();
    expect(after.student).toMatchObject({ responses: 5, suppressed: false });
    expect(after.student.averages.induction).toBe(3.6);
    expect(await statusOf(qaplBoard(world.users.peA))).toBe(403);
    expect(await qaplBoard(world.users.tutorB)).toEqual([]);
  });
});
