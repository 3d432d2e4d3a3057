import type { Db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { addDays, fromIsoDate, todayInUk, type IsoDate } from "@/lib/dates";
import { isWorkingDay } from "@/lib/calendar/working-days";
import { randomUUID } from "node:crypto";
import type { AttendanceKind, PlacementLevel, PlacementStatus, Prisma, Role } from "@/lib/generated/prisma/client";
import { seedDemoSupervision, type DemoSupervisionPlan } from "./demo-supervision";
import { seedDemoChildren, type DemoCaseloadPlan } from "./demo-children";
import { seedDemoSchools } from "./demo-schools";
import { seedDemoPortfolio } from "./demo-portfolio";
import { seedDemoUniversitySide } from "./demo-university";
import { DEFAULT_OBSERVATIONS_REQUIRED } from "@/lib/portfolio/milestone-rules";

// The demo world: one team (a council's early-help team, modelled on a
// Positive Outcomes Project-style team) with two partner schools, two universities,
// and twelve students on placements in every status. Names are invented.
// The password is for the demo only and is printed by `npm run demo`.

export const DEMO_PASSWORD = "demo-password-2026";

const newId = () => `c${randomUUID().replace(/-/g, "").slice(0, 24)}`;

export type DemoSignIn = { role: string; name: string; email: string };

type PlacementPlan = {
  student: string;
  university: 0 | 1;
  programme: 0 | 1;
  level: PlacementLevel;
  status: PlacementStatus;
  startOffsetDays: number; // from today
  pe: number;
  onsite?: number;
  statusReason?: string;
  peChange?: { to: number; afterDays: number; reason: string };
  /** Weeks without supervision (0 = the first week), and which records carry a student's disagreement or a PE's addendum. */
  supervision?: Pick<DemoSupervisionPlan, "missedWeeks" | "disagreementOn" | "addendumOn">;
};

const PLACEMENTS: PlacementPlan[] = [
  {
    student: "Amira Hussain",
    university: 0,
    programme: 0,
    level: "FIRST",
    status: "ACTIVE",
    startOffsetDays: -70,
    pe: 0,
    onsite: 0,
    supervision: { addendumOn: 2 },
  },
  {
    student: "Ben Carter",
    university: 0,
    programme: 1,
    level: "FINAL",
    status: "ACTIVE",
    startOffsetDays: -98,
    pe: 1,
    supervision: { disagreementOn: 5 },
  },
  {
    student: "Chloe Davies",
    university: 1,
    programme: 0,
    level: "FIRST",
    status: "ACTIVE",
    startOffsetDays: -42,
    pe: 2,
    onsite: 1,
  },
  {
    student: "Daniel Okafor",
    university: 1,
    programme: 1,
    level: "FINAL",
    status: "ACTIVE",
    startOffsetDays: -126,
    pe: 3,
    peChange: { to: 1, afterDays: 60, reason: "Previous practice educator on long-term leave" },
  },
  {
    student: "Ella Thompson",
    university: 0,
    programme: 0,
    level: "FINAL",
    status: "ACTIVE",
    startOffsetDays: -28,
    pe: 0,
  },
  {
    student: "Farah Begum",
    university: 1,
    programme: 0,
    level: "FIRST",
    status: "ACTIVE",
    startOffsetDays: -56,
    pe: 1,
    onsite: 0,
    supervision: { missedWeeks: [4] },
  },
  {
    student: "George Williams",
    university: 0,
    programme: 1,
    level: "FIRST",
    status: "PLANNED",
    startOffsetDays: 21,
    pe: 2,
  },
  {
    student: "Hannah Price",
    university: 1,
    programme: 1,
    level: "FINAL",
    status: "PLANNED",
    startOffsetDays: 42,
    pe: 3,
  },
  {
    student: "Isaac Mensah",
    university: 0,
    programme: 0,
    level: "FIRST",
    status: "SUSPENDED",
    startOffsetDays: -49,
    pe: 2,
    statusReason:
      "Suspended at the student's request during a period of ill health; review booked with the university.",
  },
  {
    student: "Jade Robinson",
    university: 1,
    programme: 0,
    level: "FIRST",
    status: "COMPLETED",
    startOffsetDays: -300,
    pe: 0,
  },
  {
    student: "Kieran Walsh",
    university: 0,
    programme: 1,
    level: "FINAL",
    status: "COMPLETED",
    startOffsetDays: -330,
    pe: 3,
    onsite: 1,
    supervision: { missedWeeks: [13] },
  },
  {
    student: "Lucy Nowak",
    university: 1,
    programme: 1,
    level: "FINAL",
    status: "ENDED_EARLY",
    startOffsetDays: -200,
    pe: 1,
    statusReason: "Student withdrew from the programme after a stage 2 concerns meeting.",
  },
];

/** Working days from `from` forward until `count` are found. */
function workingDaysFrom(from: IsoDate, count: number): IsoDate[] {
  const days: IsoDate[] = [];
  for (let date = from; days.length < count; date = addDays(date, 1)) if (isWorkingDay(date)) days.push(date);
  return days;
}

export async function seedDemoWorld(db: Db, today: IsoDate = todayInUk()): Promise<DemoSignIn[]> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const signIns: DemoSignIn[] = [];

  const team = await db.organisation.create({ data: { name: "Positive Outcomes Project", kind: "TEAM" } });
  await db.school.createMany({
    data: [
      { teamId: team.id, name: "Northwick Park Academy", address: "Northwick Road" },
      { teamId: team.id, name: "Severn Vale High School", address: "Bridge Street" },
    ],
  });

  const universities = await Promise.all(
    ["Severnside University", "Three Counties University"].map((name) =>
      db.organisation.create({ data: { name, kind: "UNIVERSITY" } }),
    ),
  );
  const programmes = await Promise.all(
    universities.map(async (university) =>
      Promise.all(
        ["BA (Hons) Social Work", "MA Social Work"].map((name) =>
          db.degreeProgramme.create({
            data: {
              universityId: university.id,
              name,
              cohorts: { create: [{ name: "2024 intake" }, { name: "2025 intake" }] },
            },
            include: { cohorts: true },
          }),
        ),
      ),
    ),
  );

  // People, placements and attendance are built in memory and written with one createMany per
  // table once the loop is done: the demo seed runs on every fresh start and in every E2E run.
  const rows = {
    users: [] as Prisma.UserCreateManyInput[],
    studentProfiles: [] as Prisma.StudentProfileCreateManyInput[],
    placements: [] as Prisma.PlacementCreateManyInput[],
    peAssignments: [] as Prisma.PracticeEducatorAssignmentCreateManyInput[],
    attendance: [] as Prisma.AttendanceDayCreateManyInput[],
  };
  function person(
    name: string,
    email: string,
    role: Role,
    organisationId: string,
    extra: { pepsStage?: "STAGE_1" | "STAGE_2" } = {},
  ) {
    const user = { id: newId(), name, email, role, organisationId, passwordHash, ...extra };
    rows.users.push(user);
    signIns.push({ role, name, email });
    return user;
  }

  const admin = person("Morgan Ellis", "manager@pop.example.org", "ADMIN", team.id);
  // The council's leadership reads the anonymised impact report across schools, nothing else.
  person("Cllr Denise Hart", "leadership@pop.example.org", "LEADERSHIP", team.id);
  const practiceEducators = [
    person("Priya Shah", "priya.shah@pop.example.org", "PRACTICE_EDUCATOR", team.id, { pepsStage: "STAGE_2" }),
    person("Tom Fletcher", "tom.fletcher@pop.example.org", "PRACTICE_EDUCATOR", team.id, { pepsStage: "STAGE_2" }),
    person("Grace Adeyemi", "grace.adeyemi@pop.example.org", "PRACTICE_EDUCATOR", team.id, { pepsStage: "STAGE_1" }),
    person("Owen Pritchard", "owen.pritchard@pop.example.org", "PRACTICE_EDUCATOR", team.id, { pepsStage: "STAGE_1" }),
  ];
  const onsiteSupervisors = [
    person("Sam Rivers", "sam.rivers@pop.example.org", "ONSITE_SUPERVISOR", team.id),
    person("Nadia Kowalski", "nadia.kowalski@pop.example.org", "ONSITE_SUPERVISOR", team.id),
  ];
  const tutors = [
    person("Dr Helen Marsh", "h.marsh@severnside.example.ac.uk", "UNIVERSITY_TUTOR", universities[0].id),
    person("Dr Kwame Asante", "k.asante@threecounties.example.ac.uk", "UNIVERSITY_TUTOR", universities[1].id),
  ];

  const supervisionPlans: DemoSupervisionPlan[] = [];
  const caseloadPlans: DemoCaseloadPlan[] = [];
  for (const [index, plan] of PLACEMENTS.entries()) {
    const university = universities[plan.university];
    const programme = programmes[plan.university][plan.programme];
    const emailDomain =
      plan.university === 0 ? "students.severnside.example.ac.uk" : "students.threecounties.example.ac.uk";
    const student = person(
      plan.student,
      `${plan.student.toLowerCase().replace(/[^a-z]+/g, ".")}@${emailDomain}`,
      "STUDENT",
      university.id,
    );
    rows.studentProfiles.push({
      userId: student.id,
      universityId: university.id,
      programmeId: programme.id,
      cohortId: programme.cohorts[plan.level === "FINAL" ? 0 : 1].id,
      yearOfStudy: plan.level === "FINAL" ? (plan.programme === 0 ? 3 : 2) : plan.programme === 0 ? 2 : 1,
      placementLevel: plan.level,
    });

    const requiredDays = plan.level === "FIRST" ? 70 : 100;
    const firstDay = workingDaysFrom(addDays(today, plan.startOffsetDays), 1)[0];
    // Planned like a university plans it: the required placement days plus
    // room for skills days and the odd sick day (about 15%), so a student
    // who is ill now and then still finishes on time (issue 12: not every
    // placement should look late).
    const plannedDays = workingDaysFrom(firstDay, Math.round(requiredDays * 1.15));
    const startDate = plannedDays[0];
    const endDate = plannedDays.at(-1)!;

    const placement = { id: newId() };
    rows.placements.push({
      id: placement.id,
      studentId: student.id,
      teamId: team.id,
      setting:
        index % 3 === 0
          ? "Early help direct work in schools"
          : index % 3 === 1
            ? "Child and family assessment"
            : "Early help and life story work",
      level: plan.level,
      startDate: fromIsoDate(startDate),
      endDate: fromIsoDate(endDate),
      requiredDays,
      observationsRequired: DEFAULT_OBSERVATIONS_REQUIRED[plan.level],
      status: plan.status,
      statusReason: plan.statusReason ?? null,
      onsiteSupervisorId: plan.onsite === undefined ? null : onsiteSupervisors[plan.onsite].id,
      tutorId: tutors[plan.university].id,
    });

    const firstPe = practiceEducators[plan.pe];
    const changeDate = plan.peChange ? plannedDays[plan.peChange.afterDays] : null;
    if (plan.peChange && changeDate) {
      rows.peAssignments.push(
        {
          placementId: placement.id,
          practiceEducatorId: firstPe.id,
          startDate: fromIsoDate(startDate),
          endDate: fromIsoDate(addDays(changeDate, -1)),
          reason: "Allocated at the start of the placement",
        },
        {
          placementId: placement.id,
          practiceEducatorId: practiceEducators[plan.peChange.to].id,
          startDate: fromIsoDate(changeDate),
          reason: plan.peChange.reason,
        },
      );
    } else {
      rows.peAssignments.push({
        placementId: placement.id,
        practiceEducatorId: firstPe.id,
        startDate: fromIsoDate(startDate),
        reason: "Allocated at the start of the placement",
      });
    }

    // Attendance: every working day from the start until today (or until the
    // placement stopped), with the odd sick day and a skills day now and then.
    if (plan.status !== "PLANNED") {
      // A completed placement runs until its required placement days are done (the loop condition below).
      const stopAfter =
        plan.status === "COMPLETED"
          ? Infinity
          : plan.status === "ENDED_EARLY"
            ? 45
            : plan.status === "SUSPENDED"
              ? 20
              : Infinity;
      const days: Array<{ date: IsoDate; kind: AttendanceKind }> = [];
      let placementDays = 0;
      for (
        let date = startDate, n = 0;
        date < today && n < stopAfter && !(plan.status === "COMPLETED" && placementDays >= requiredDays);
        date = addDays(date, 1)
      ) {
        if (!isWorkingDay(date)) continue;
        n++;
        const kind: AttendanceKind =
          n % 23 === 7 ? "SICK" : n % 29 === 11 ? "ABSENT" : n % 10 === 5 ? "SKILLS_DAY" : "PLACEMENT_DAY";
        if (kind === "PLACEMENT_DAY") placementDays++;
        days.push({ date, kind });
      }
      const recorder = plan.onsite === undefined ? student.id : onsiteSupervisors[plan.onsite].id;
      rows.attendance.push(
        ...days.map((day) => ({
          placementId: placement.id,
          date: fromIsoDate(day.date),
          kind: day.kind,
          recordedById: recorder,
          note: day.kind === "SICK" ? "Unwell; phoned in" : null,
        })),
      );
      if (plan.status === "ACTIVE") {
        const currentPe = plan.peChange ? practiceEducators[plan.peChange.to].id : firstPe.id;
        caseloadPlans.push({
          index,
          placementId: placement.id,
          studentId: student.id,
          studentName: student.name,
          peId: currentPe,
          startDate,
        });
      }
      supervisionPlans.push({
        index,
        placementId: placement.id,
        status: plan.status,
        studentId: student.id,
        studentName: student.name,
        requiredDays,
        startDate,
        endDate,
        attendance: days,
        practiceEducators:
          plan.peChange && changeDate
            ? [
                { id: firstPe.id, from: startDate, to: addDays(changeDate, -1) },
                { id: practiceEducators[plan.peChange.to].id, from: changeDate, to: null },
              ]
            : [{ id: firstPe.id, from: startDate, to: null }],
        hasOnsiteSupervisor: plan.onsite !== undefined,
        tutorName: tutors[plan.university].name,
        ...plan.supervision,
      });
    }
  }

  await db.user.createMany({ data: rows.users });
  await db.studentProfile.createMany({ data: rows.studentProfiles });
  await db.placement.createMany({ data: rows.placements });
  await db.practiceEducatorAssignment.createMany({ data: rows.peAssignments });
  await db.attendanceDay.createMany({ data: rows.attendance });

  // Supervision: weekly sessions on every placement that has started.
  await seedDemoSupervision(db, today, supervisionPlans);

  // Children: a caseload for every active student.
  const schools = await db.school.findMany({
    where: { teamId: team.id },
    orderBy: { name: "asc" },
    select: { id: true },
  });
  await seedDemoChildren(db, today, {
    teamId: team.id,
    adminIds: [admin.id],
    schoolIds: schools.map((school) => school.id),
    plans: caseloadPlans,
  });

  // Portfolios: evidence, observations, review meetings, concerns and final reports, read back from
  // the placements, attendance and caseloads above, so it comes last.
  await seedDemoPortfolio(db, today, { teamId: team.id });
  signIns.push(...(await seedDemoUniversitySide(db, today, passwordHash)));

  // Partner schools: their contacts and requests, and what the impact report draws on.
  signIns.push(...(await seedDemoSchools(db, today, { teamId: team.id, adminId: admin.id, passwordHash })));

  return signIns;
}
