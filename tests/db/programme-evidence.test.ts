/** @jest-environment node */
import { useTestDatabase } from "../support/test-database";
import { buildWorld, type World } from "../support/world";
import { buildChildren, type ChildrenWorld } from "../support/children-world";
import { draftEvidenceFromProgramme } from "@/lib/portfolio/programme-evidence";
import { getEvidence } from "@/lib/portfolio/read-evidence";
import { AppError } from "@/lib/errors";
import { addDays, fromIsoDate } from "@/lib/dates";

const { db } = useTestDatabase();

let world: World;
let kids: ChildrenWorld;
let programmeId: string;

async function statusOf(promise: Promise<unknown>) {
  try {
    await promise;
    return 200;
  } catch (error) {
    if (error instanceof AppError) return error.status;
    throw error;
  }
}

beforeAll(async () => {
  world = await buildWorld();
  kids = await buildChildren(world);
  const start = addDays(world.today, -14);
  const programme = await db().directWorkProgramme.create({
    data: {
      allocationId: kids.allocationA.id,
      plannedSessions: 2,
      startDate: fromIsoDate(start),
      endDate: fromIsoDate(addDays(start, 13)),
      sessions: {
        create: [
          {
            number: 1,
            plannedOn: fromIsoDate(start),
            heldOn: fromIsoDate(start),
            theme: "Anger",
            status: "ATTENDED",
            whatWasDone: "Alfie drew his anger as a storm.",
            studentReflection: "Alfie Archer was quiet at first.",
          },
          { number: 2, plannedOn: fromIsoDate(addDays(start, 7)), theme: "Anger", status: "DID_NOT_ATTEND" },
        ],
      },
      goals: { create: { number: 1, description: "Feel calmer at break", startScore: 2, endScore: 6 } },
    },
  });
  programmeId = programme.id;
});

describe("direct work into the portfolio", () => {
  it("refuses a programme that is still open", async () => {
    expect(await statusOf(draftEvidenceFromProgramme(world.users.studentA, programmeId))).toBe(409);
    expect(await db().evidenceItem.count()).toBe(0);
  });

  it("makes a draft for the student who ran it, by code only, linked back to the programme, once", async () => {
    await db().directWorkProgramme.update({
      where: { id: programmeId },
      data: { closedAt: new Date(), closingSummary: "Went well." },
    });
    const first = await draftEvidenceFromProgramme(world.users.studentA, programmeId);
    expect(first.created).toBe(true);
    const item = await db().evidenceItem.findUniqueOrThrow({ where: { id: first.id } });
    expect(item).toMatchObject({
      status: "DRAFT",
      childCode: "C-1001",
      sourceProgrammeId: programmeId,
      placementId: world.placementA.id,
      authorId: world.users.studentA.id,
    });
    expect(`${item.title} ${item.body}`).not.toMatch(/Alfie|Archer/);
    expect(item.body).toContain("C-1001 drew his anger as a storm");
    expect(item.body).toContain("1 of 2 planned sessions held, 1 missed or cancelled");
    const audit = await db().auditLog.findFirstOrThrow({ where: { entity: "EvidenceItem", entityId: item.id } });
    expect(JSON.stringify(audit.changes)).not.toMatch(/storm|Alfie/);

    const again = await draftEvidenceFromProgramme(world.users.studentA, programmeId);
    expect(again).toEqual({ id: first.id, created: false });
    expect(await db().evidenceItem.count()).toBe(1);
  });

  it("is the student's alone: the PE, the manager, other students and tutors are refused", async () => {
    expect(await statusOf(draftEvidenceFromProgramme(world.users.peA, programmeId))).toBe(403);
    expect(await statusOf(draftEvidenceFromProgramme(world.users.admin, programmeId))).toBe(403);
    expect(await statusOf(draftEvidenceFromProgramme(world.users.studentB, programmeId))).toBe(404);
    expect(await statusOf(draftEvidenceFromProgramme(world.users.tutorA, programmeId))).toBe(404);
  });

  it("gives the PE the link to the programme, and the tutor the code but never the link", async () => {
    const item = await db().evidenceItem.findFirstOrThrow({ where: { sourceProgrammeId: programmeId } });
    await db().evidenceItem.update({ where: { id: item.id }, data: { status: "SUBMITTED", submittedAt: new Date() } });
    const forPe = await getEvidence(world.users.peA, item.id);
    expect(forPe.evidence.sourceProgrammeId).toBe(programmeId);
    const forTutor = await getEvidence(world.users.tutorA, item.id);
    expect(forTutor.evidence.childCode).toBe("C-1001");
    expect(forTutor.evidence.sourceProgrammeId).toBeNull();
  });
});
