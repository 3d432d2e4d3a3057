/** @jest-environment node */
import { useTestDatabase } from "../support/test-database";
import { buildWorld, type World } from "../support/world";
import { sessionOf } from "../support/supervision";
import { recordSupervision } from "@/lib/supervision/record-supervision";
import { signSupervisionRecord } from "@/lib/supervision/sign-supervision-record";
import { saveStudentReflection } from "@/lib/supervision/save-student-reflection";
import { getSupervisionRecord } from "@/lib/supervision/get-supervision-record";
import { getSupervisionLog } from "@/lib/supervision/get-supervision-log";
import { attendeeNames } from "@/lib/supervision/format";
import { fromIsoDate } from "@/lib/dates";

// Names crossing universities (issue 10): a group supervision record on
// student A's placement (University A) with student B (University B) and
// another University A student present. Each reader sees the names they may
// see elsewhere, and the others as their role, in the record, the log (which
// the print views and the API serve) and the attendee list the pages draw.

const { db } = useTestDatabase();

let world: World;
let recordId: string;
let peerA: { id: string; name: string };

beforeAll(async () => {
  world = await buildWorld();
  // A second University A student placed with the team, so same-university names can be seen to show.
  peerA = world.users.studentOther;
  await db().placement.create({
    data: {
      studentId: peerA.id,
      teamId: world.team.id,
      setting: "Early help",
      level: "FIRST",
      startDate: fromIsoDate(world.start),
      endDate: world.placementA.endDate,
      requiredDays: 70,
      status: "ACTIVE",
    },
  });
  const created = await recordSupervision(
    world.users.peA,
    world.placementA.id,
    sessionOf(world, {
      type: "GROUP",
      otherStudentIds: [world.users.studentB.id, peerA.id],
      otherAttendees: "Jo Hartley (family support worker)",
    }),
  );
  recordId = created.id;
  const { record } = await getSupervisionRecord(world.users.studentA, recordId);
  await saveStudentReflection(world.users.studentA, recordId, {
    studentReflection: "Peer learning helped.",
    reflectionVersion: record.reflectionVersion,
  });
  await signSupervisionRecord(world.users.peA, recordId);
  await signSupervisionRecord(world.users.studentA, recordId);
});

const OTHER_UNIVERSITY = "A student from another university";

describe("names of other students at group supervision", () => {
  it("are stored as attendees by account, not as text", async () => {
    const rows = await db().supervisionAttendee.findMany({ where: { recordId }, select: { userId: true } });
    expect(rows.map((row) => row.userId).sort()).toEqual([world.users.studentB.id, peerA.id].sort());
    const stored = await db().supervisionRecord.findUniqueOrThrow({ where: { id: recordId } });
    expect(stored.otherAttendees).toEqual(["Jo Hartley (family support worker)"]);
  });

  it("a University A tutor sees their own student's name and only the role of University B's student", async () => {
    const { record } = await getSupervisionRecord(world.users.tutorA, recordId);
    expect(record.otherStudents).toEqual([
      { id: null, name: OTHER_UNIVERSITY },
      { id: peerA.id, name: peerA.name },
    ]);
    expect(JSON.stringify(record)).not.toContain(world.users.studentB.name);
    expect(JSON.stringify(record)).not.toContain(world.users.studentB.id);
  });

  it("the student of the placement sees the same as their tutor", async () => {
    const { record } = await getSupervisionRecord(world.users.studentA, recordId);
    expect(record.otherStudents.map((student) => student.name)).toEqual([OTHER_UNIVERSITY, peerA.name]);
  });

  it("the log behind the print views and the API scopes the names the same way", async () => {
    const log = await getSupervisionLog(world.users.tutorA, world.placementA.id);
    const record = log.records.find((candidate) => candidate.id === recordId)!;
    expect(
      attendeeNames(record, {
        student: log.placement.studentName,
        practiceEducator: record.authorName,
        onsiteSupervisor: log.placement.onsiteSupervisorName,
      }),
    ).toEqual([
      "Test studentA (student)",
      "Test peA (practice educator)",
      "Test onsiteA (on-site supervisor)",
      OTHER_UNIVERSITY,
      `${peerA.name} (student)`,
      "Jo Hartley (family support worker)",
    ]);
    expect(JSON.stringify(log)).not.toContain(world.users.studentB.name);
  });

  it("the team's practice educator and manager see every name", async () => {
    for (const who of ["peA", "admin"] as const) {
      const { record } = await getSupervisionRecord(world.users[who], recordId);
      expect(record.otherStudents.map((student) => student.name).sort()).toEqual(
        [world.users.studentB.name, peerA.name].sort(),
      );
    }
  });

  it("the tutor sees the names of the practice educator and the student who signed: people of the placement", async () => {
    const { record } = await getSupervisionRecord(world.users.tutorA, recordId);
    expect(record).toMatchObject({
      authorName: "Test peA",
      peSignedByName: "Test peA",
      studentSignedByName: "Test studentA",
    });
  });
});
