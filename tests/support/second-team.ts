import { getDb } from "../../lib/db";
import { addDays, fromIsoDate } from "../../lib/dates";
import type { SessionUser } from "../../lib/auth/session-user";
import type { Role } from "../../lib/generated/prisma/client";
import { recordSupervision } from "../../lib/supervision/record-supervision";
import { createEvidence } from "../../lib/portfolio/write-evidence";
import { sessionOf } from "./supervision";
import { hashPassword } from "../../lib/auth/password";
import { TEST_PASSWORD, type World } from "./world";

/**
 * A second council on top of buildWorld() (whose own team is "Test Team"),
 * with everything a team has, so that every read can be checked from both
 * sides: `world.otherTeam` ("Another Council") gets a manager (world's
 * otherAdmin), a practice educator, an on-site supervisor, two students (one
 * from each of world's universities, so tutors A and B each have a student
 * there), a placement for each, a child allocated to each student, a signed
 * supervision record and a piece of evidence.
 *
 * Nothing here is shared with the first team: the first team's manager, PEs,
 * on-site supervisors and students must see none of it, and the second team's
 * people none of the first team's.
 */
export async function buildSecondTeam(world: World) {
  const db = getDb();
  const team = world.otherTeam;
  const passwordHash = await hashPassword(TEST_PASSWORD);
  const person = async (key: string, role: Role, organisationId: string, extra: object = {}): Promise<SessionUser> => {
    const user = await db.user.create({
      data: {
        name: `Second ${key}`,
        email: `second.${key.toLowerCase()}@test.example.org`,
        role,
        organisationId,
        passwordHash,
        ...extra,
      },
    });
    return { id: user.id, email: user.email, name: user.name, role: user.role, organisationId: user.organisationId };
  };
  const users = {
    admin: world.users.otherAdmin,
    pe: await person("pe", "PRACTICE_EDUCATOR", team.id, { pepsStage: "STAGE_2" }),
    onsite: await person("onsite", "ONSITE_SUPERVISOR", team.id),
    studentA: await person("studentA", "STUDENT", world.uniA.id),
    studentB: await person("studentB", "STUDENT", world.uniB.id),
  };
  await db.studentProfile.createMany({
    data: [
      {
        userId: users.studentA.id,
        universityId: world.uniA.id,
        programmeId: world.programmeA.id,
        yearOfStudy: 3,
        placementLevel: "FINAL",
      },
      {
        userId: users.studentB.id,
        universityId: world.uniB.id,
        programmeId: world.programmeB.id,
        yearOfStudy: 2,
        placementLevel: "FIRST",
      },
    ],
  });

  const placement = (studentId: string, tutorId: string) =>
    db.placement.create({
      data: {
        studentId,
        teamId: team.id,
        setting: "Second council's family support",
        level: "FINAL",
        startDate: fromIsoDate(world.start),
        endDate: fromIsoDate(addDays(world.today, 90)),
        requiredDays: 100,
        status: "ACTIVE",
        onsiteSupervisorId: users.onsite.id,
        tutorId,
      },
    });
  const placementA = await placement(users.studentA.id, world.users.tutorA.id);
  const placementB = await placement(users.studentB.id, world.users.tutorB.id);
  await db.practiceEducatorAssignment.createMany({
    data: [placementA, placementB].map((row) => ({
      placementId: row.id,
      practiceEducatorId: users.pe.id,
      startDate: fromIsoDate(world.start),
    })),
  });

  const school = await db.school.create({ data: { teamId: team.id, name: "Second Council Primary" } });
  const child = (code: string, firstName: string, lastName: string) =>
    db.child.create({
      data: {
        code,
        teamId: team.id,
        firstName,
        lastName,
        dateOfBirth: fromIsoDate("2014-09-09"),
        schoolId: school.id,
        yearGroup: 6,
      },
    });
  const childA = await child("C-5005", "Nina", "Northvale");
  const childB = await child("C-6006", "Noah", "Norbury");
  const allocate = (childId: string, placementId: string, studentId: string) =>
    db.allocation.create({
      data: {
        childId,
        placementId,
        studentId,
        overseeingPeId: users.pe.id,
        kind: "DIRECT_WORK",
        startDate: fromIsoDate(addDays(world.today, -14)),
        createdById: users.admin.id,
      },
    });
  const allocationA = await allocate(childA.id, placementA.id, users.studentA.id);
  const allocationB = await allocate(childB.id, placementB.id, users.studentB.id);

  // Written through the app's own commands, by the second team's people.
  const supervision = await recordSupervision(
    users.pe,
    placementA.id,
    sessionOf(world, {
      attendedOnsiteSupervisor: false,
      caseDiscussion: "Discussed C-5005's plan.",
      otherAttendees: "",
    }),
  );
  const evidence = await createEvidence(users.studentA, placementA.id, {
    title: "Second council direct work",
    occurredOn: addDays(world.today, -3),
    type: "REFLECTIVE_LOG",
    body: "A session with C-5005 on feelings.",
    childCode: "C-5005",
    links: [{ frameworkItemId: "fi_pcf_2018_6", note: "Critical reflection on the session." }],
  });

  return {
    team,
    users,
    school,
    placementA,
    placementB,
    childA,
    childB,
    allocationA,
    allocationB,
    supervisionId: supervision.id,
    evidenceId: evidence.id,
  };
}

export type SecondTeam = Awaited<ReturnType<typeof buildSecondTeam>>;
