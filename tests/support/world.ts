import { getDb } from "../../lib/db";
import { hashPassword } from "../../lib/auth/password";
import { addDays, fromIsoDate, todayInUk } from "../../lib/dates";
import type { SessionUser } from "../../lib/auth/session-user";
import type { PlacementStatus, Role } from "../../lib/generated/prisma/client";

export const TEST_PASSWORD = "correct horse battery staple";

/**
 * A small world where every access rule has someone on each side of it:
 *  - placementA (Uni A student A): PE peA now, pePast before; on-site onsiteA; tutorA
 *  - placementB (Uni B student B): PE peB; no on-site supervisor; tutorB
 *  - peOther, onsiteOther, studentOther (Uni A, no placement) see nothing of either.
 */
export async function buildWorld() {
  const db = getDb();
  const passwordHash = await hashPassword(TEST_PASSWORD);
  const team = await db.organisation.create({ data: { name: "Test Team", kind: "TEAM" } });
  const otherTeam = await db.organisation.create({ data: { name: "Another Council", kind: "TEAM" } });
  const uniA = await db.organisation.create({ data: { name: "University A", kind: "UNIVERSITY" } });
  const uniB = await db.organisation.create({ data: { name: "University B", kind: "UNIVERSITY" } });
  const programmeA = await db.degreeProgramme.create({
    data: { universityId: uniA.id, name: "BA Social Work", cohorts: { create: { name: "2025" } } },
    include: { cohorts: true },
  });
  const programmeB = await db.degreeProgramme.create({ data: { universityId: uniB.id, name: "MA Social Work" } });

  const person = async (key: string, role: Role, organisationId: string, extra: object = {}): Promise<SessionUser> => {
    const user = await db.user.create({
      data: {
        name: `Test ${key}`,
        email: `${key.toLowerCase()}@test.example.org`,
        role,
        organisationId,
        passwordHash,
        ...extra,
      },
    });
    return { id: user.id, email: user.email, name: user.name, role: user.role, organisationId: user.organisationId };
  };

  const users = {
    admin: await person("admin", "ADMIN", team.id),
    otherAdmin: await person("otherAdmin", "ADMIN", otherTeam.id),
    peA: await person("peA", "PRACTICE_EDUCATOR", team.id, { pepsStage: "STAGE_2" }),
    pePast: await person("pePast", "PRACTICE_EDUCATOR", team.id, { pepsStage: "STAGE_2" }),
    peB: await person("peB", "PRACTICE_EDUCATOR", team.id, { pepsStage: "STAGE_1" }),
    peOther: await person("peOther", "PRACTICE_EDUCATOR", team.id, { pepsStage: "STAGE_2" }),
    onsiteA: await person("onsiteA", "ONSITE_SUPERVISOR", team.id),
    onsiteOther: await person("onsiteOther", "ONSITE_SUPERVISOR", team.id),
    studentA: await person("studentA", "STUDENT", uniA.id),
    studentB: await person("studentB", "STUDENT", uniB.id),
    studentOther: await person("studentOther", "STUDENT", uniA.id),
    tutorA: await person("tutorA", "UNIVERSITY_TUTOR", uniA.id),
    tutorB: await person("tutorB", "UNIVERSITY_TUTOR", uniB.id),
  };
  await db.studentProfile.createMany({
    data: [
      {
        userId: users.studentA.id,
        universityId: uniA.id,
        programmeId: programmeA.id,
        cohortId: programmeA.cohorts[0].id,
        yearOfStudy: 2,
        placementLevel: "FIRST",
      },
      {
        userId: users.studentB.id,
        universityId: uniB.id,
        programmeId: programmeB.id,
        yearOfStudy: 2,
        placementLevel: "FINAL",
      },
      {
        userId: users.studentOther.id,
        universityId: uniA.id,
        programmeId: programmeA.id,
        yearOfStudy: 2,
        placementLevel: "FIRST",
      },
    ],
  });

  const today = todayInUk();
  const start = addDays(today, -30);
  const makePlacement = (
    studentId: string,
    status: PlacementStatus,
    extra: { onsiteSupervisorId?: string; tutorId?: string; level?: "FIRST" | "FINAL" } = {},
  ) =>
    db.placement.create({
      data: {
        studentId,
        teamId: team.id,
        setting: "Early help",
        level: extra.level ?? "FIRST",
        startDate: fromIsoDate(start),
        endDate: fromIsoDate(addDays(today, 90)),
        requiredDays: 70,
        status,
        onsiteSupervisorId: extra.onsiteSupervisorId,
        tutorId: extra.tutorId,
      },
    });
  const placementA = await makePlacement(users.studentA.id, "ACTIVE", {
    onsiteSupervisorId: users.onsiteA.id,
    tutorId: users.tutorA.id,
  });
  const placementB = await makePlacement(users.studentB.id, "ACTIVE", { tutorId: users.tutorB.id, level: "FINAL" });
  await db.practiceEducatorAssignment.createMany({
    data: [
      {
        placementId: placementA.id,
        practiceEducatorId: users.pePast.id,
        startDate: fromIsoDate(start),
        endDate: fromIsoDate(addDays(start, 9)),
      },
      { placementId: placementA.id, practiceEducatorId: users.peA.id, startDate: fromIsoDate(addDays(start, 10)) },
      { placementId: placementB.id, practiceEducatorId: users.peB.id, startDate: fromIsoDate(start) },
    ],
  });

  return { team, otherTeam, uniA, uniB, programmeA, programmeB, users, placementA, placementB, today, start };
}

export type World = Awaited<ReturnType<typeof buildWorld>>;

/** How many rows a table holds: bad input must leave these unchanged. */
export async function countRows() {
  const db = getDb();
  const [placements, attendance, users, audit, spells] = await Promise.all([
    db.placement.count(),
    db.attendanceDay.count(),
    db.user.count(),
    db.auditLog.count(),
    db.practiceEducatorAssignment.count(),
  ]);
  return { placements, attendance, users, audit, spells };
}
