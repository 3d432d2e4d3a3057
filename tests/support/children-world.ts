import { getDb } from "../../lib/db";
import { addDays, fromIsoDate } from "../../lib/dates";
import type { World } from "./world";

/**
 * Children on top of buildWorld():
 *  - childA: allocated (direct work, active) to studentA on placementA, overseen by peA;
 *  - childB: allocated (assessment, active) to studentB on placementB, overseen by peB;
 *  - childUnallocated: referred, not yet allocated to anyone.
 */
export async function buildChildren(world: World) {
  const db = getDb();
  const school = await db.school.create({ data: { teamId: world.team.id, name: "Test Academy" } });
  const child = (code: string, firstName: string, lastName: string) =>
    db.child.create({
      data: {
        code,
        teamId: world.team.id,
        firstName,
        lastName,
        dateOfBirth: fromIsoDate("2013-05-04"),
        schoolId: school.id,
        yearGroup: 8,
      },
    });
  const childA = await child("C-1001", "Alfie", "Archer");
  const childB = await child("C-2002", "Bella", "Brooks");
  const childUnallocated = await child("C-3003", "Casey", "Clarke");
  await db.childContact.create({
    data: { childId: childA.id, name: "Dana Archer", relationship: "Mother", consent: "GIVEN" },
  });

  const start = addDays(world.today, -14);
  const allocationA = await db.allocation.create({
    data: {
      childId: childA.id,
      placementId: world.placementA.id,
      studentId: world.users.studentA.id,
      overseeingPeId: world.users.peA.id,
      kind: "DIRECT_WORK",
      startDate: fromIsoDate(start),
      createdById: world.users.admin.id,
    },
  });
  const allocationB = await db.allocation.create({
    data: {
      childId: childB.id,
      placementId: world.placementB.id,
      studentId: world.users.studentB.id,
      overseeingPeId: world.users.peB.id,
      kind: "ASSESSMENT",
      startDate: fromIsoDate(start),
      createdById: world.users.admin.id,
      assessment: { create: { startDate: fromIsoDate(start), dueDate: fromIsoDate(addDays(start, 63)) } },
    },
  });
  return { school, childA, childB, childUnallocated, allocationA, allocationB };
}

export type ChildrenWorld = Awaited<ReturnType<typeof buildChildren>>;
