/** @jest-environment node */
import { useTestDatabase } from "../support/test-database";
import { buildWorld, countRows, type World } from "../support/world";
import { createPlacement } from "@/lib/placements/create-placement";
import { updatePlacement } from "@/lib/placements/update-placement";
import { recordAttendance, removeAttendance } from "@/lib/placements/attendance";
import { assignPracticeEducator } from "@/lib/placements/assign-practice-educator";
import { getPlacement } from "@/lib/placements/get-placement";
import { listAuditEntries } from "@/lib/audit-log";
import { toAppError } from "@/lib/errors";
import { addDays } from "@/lib/dates";

const { db } = useTestDatabase();

let world: World;
beforeAll(async () => {
  world = await buildWorld();
});

/** Runs a write expected to fail; returns the user-facing error and checks no row changed. */
async function rejected(write: () => Promise<unknown>) {
  const before = await countRows();
  let caught: unknown;
  try {
    await write();
  } catch (error) {
    caught = error;
  }
  const appError = toAppError(caught);
  if (!appError) throw new Error(`Expected a user-facing error, got ${String(caught)}`);
  expect(await countRows()).toEqual(before);
  return appError;
}

const validPlacement = () => ({
  studentId: world.users.studentOther.id,
  setting: "Child and family assessment",
  level: "FIRST",
  startDate: "2027-01-04",
  endDate: "2027-05-28",
  requiredDays: 70,
  practiceEducatorId: world.users.peOther.id,
  onsiteSupervisorId: "",
  tutorId: world.users.tutorA.id,
});

describe("creating a placement", () => {
  it("creates the placement, its first PE spell and an audit entry in one go", async () => {
    const { id } = await createPlacement(world.users.admin, validPlacement());
    const placement = await getPlacement(world.users.admin, id);
    expect(placement).toMatchObject({
      status: "PLANNED",
      requiredDays: 70,
      onsiteSupervisor: null,
      currentPracticeEducator: { id: world.users.peOther.id },
    });
    const audit = await listAuditEntries(world.users.admin, { entity: "Placement", entityId: id });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "CREATE", actorName: world.users.admin.name });
    // The student's new placement overlaps it: refused
    const clash = await rejected(() =>
      createPlacement(world.users.admin, { ...validPlacement(), startDate: "2027-03-01", endDate: "2027-08-01" }),
    );
    expect(clash.status).toBe(409);
    expect(clash.message).toMatch(/overlaps/);
  });

  it.each([
    ["missing fields", {}, ["studentId", "setting", "startDate", "endDate", "requiredDays", "practiceEducatorId"]],
    ["wrong types", { requiredDays: "seventy", startDate: 20270104 }, ["requiredDays", "startDate"]],
    ["the end before the start", { startDate: "2027-05-01", endDate: "2027-04-01" }, ["endDate"]],
    ["an impossible date", { startDate: "2027-02-30" }, ["startDate"]],
    ["an oversized setting", { setting: "x".repeat(201) }, ["setting"]],
    ["too many required days", { requiredDays: 365 }, ["requiredDays"]],
    ["an unknown student", { studentId: "nobody" }, ["studentId"]],
    ["a PE who is not a practice educator", { practiceEducatorId: "__student__" }, ["practiceEducatorId"]],
    ["a tutor from another university", { tutorId: "__tutorB__" }, ["tutorId"]],
  ])("refuses %s with field errors and writes nothing", async (_name, override, fields) => {
    const input: Record<string, unknown> = { ...validPlacement(), ...override };
    if (input.practiceEducatorId === "__student__") input.practiceEducatorId = world.users.studentA.id;
    if (input.tutorId === "__tutorB__") input.tutorId = world.users.tutorB.id;
    if (_name === "missing fields") for (const key of Object.keys(input)) delete input[key];
    const error = await rejected(() => createPlacement(world.users.admin, input));
    expect(error.status).toBe(422);
    for (const field of fields) expect(error.fieldErrors?.[field]?.[0]).toEqual(expect.any(String));
  });

  it("refuses anyone but the admin", async () => {
    for (const who of ["peA", "studentA", "tutorA", "onsiteA"] as const) {
      expect((await rejected(() => createPlacement(world.users[who], validPlacement()))).status).toBe(403);
    }
  });
});

describe("editing a placement", () => {
  const current = async () => getPlacement(world.users.admin, world.placementB.id);
  const editOf = (placement: Awaited<ReturnType<typeof current>>, change: Record<string, unknown> = {}) => ({
    setting: placement.setting,
    startDate: placement.startDate,
    endDate: placement.endDate,
    requiredDays: placement.requiredDays,
    status: placement.status,
    statusReason: placement.statusReason,
    onsiteSupervisorId: placement.onsiteSupervisor?.id ?? "",
    tutorId: placement.tutor?.id ?? "",
    version: placement.version,
    ...change,
  });

  it("saves a change, bumps the version and audits which fields changed", async () => {
    const before = await current();
    const result = await updatePlacement(world.users.admin, before.id, editOf(before, { requiredDays: 95 }));
    expect(result).toEqual({ id: before.id, version: before.version + 1, changed: ["requiredDays"] });
    const audit = await listAuditEntries(world.users.admin, { entity: "Placement", entityId: before.id });
    expect(audit[0].changes).toEqual({ requiredDays: { from: 100 - 30, to: 95 }, version: { from: 1, to: 2 } });
  });

  it("refuses a stale version with a conflict instead of overwriting", async () => {
    const opened = await current();
    await updatePlacement(world.users.admin, opened.id, editOf(opened, { setting: "First editor's change" }));
    const error = await rejected(() =>
      updatePlacement(world.users.admin, opened.id, editOf(opened, { setting: "Second editor's change" })),
    );
    expect(error.status).toBe(409);
    expect(error.details).toMatchObject({ changedFields: ["setting"], changedBy: ["Test admin"] });
    expect((await current()).setting).toBe("First editor's change");
  });

  it("needs a reason to suspend and keeps it", async () => {
    const opened = await current();
    const error = await rejected(() =>
      updatePlacement(world.users.admin, opened.id, editOf(opened, { status: "SUSPENDED", statusReason: "" })),
    );
    expect(error.fieldErrors?.statusReason).toBeDefined();
    await updatePlacement(
      world.users.admin,
      opened.id,
      editOf(opened, { status: "SUSPENDED", statusReason: "Student unwell" }),
    );
    expect(await current()).toMatchObject({ status: "SUSPENDED", statusReason: "Student unwell" });
    const reopened = await current();
    await updatePlacement(world.users.admin, opened.id, editOf(reopened, { status: "ACTIVE" }));
    expect(await current()).toMatchObject({ status: "ACTIVE", statusReason: null });
  });

  it("refuses an impossible status change", async () => {
    const opened = await current();
    const error = await rejected(() =>
      updatePlacement(world.users.admin, opened.id, editOf(opened, { status: "PLANNED" })),
    );
    expect(error.fieldErrors?.status?.[0]).toMatch(/cannot become planned/);
  });
});

describe("changing the practice educator", () => {
  it("closes the old spell the day before and keeps the history", async () => {
    const startDate = addDays(world.today, -2);
    await assignPracticeEducator(world.users.admin, world.placementB.id, {
      practiceEducatorId: world.users.peOther.id,
      startDate,
      reason: "Sick leave",
    });
    const placement = await getPlacement(world.users.admin, world.placementB.id);
    expect(placement.practiceEducators.map((spell) => [spell.practiceEducatorId, spell.endDate])).toEqual([
      [world.users.peB.id, addDays(world.today, -3)],
      [world.users.peOther.id, null],
    ]);
    // The previous PE still sees the placement; the new one can now log attendance.
    expect((await getPlacement(world.users.peB, world.placementB.id)).permissions.canRecordAttendance).toBe(false);
    expect((await getPlacement(world.users.peOther, world.placementB.id)).permissions.canRecordAttendance).toBe(true);
  });

  it("refuses the same PE again, a date before the current spell and an unknown PE", async () => {
    const same = await rejected(() =>
      assignPracticeEducator(world.users.admin, world.placementB.id, {
        practiceEducatorId: world.users.peOther.id,
        startDate: world.today,
        reason: "x",
      }),
    );
    expect(same.fieldErrors?.practiceEducatorId).toBeDefined();
    const early = await rejected(() =>
      assignPracticeEducator(world.users.admin, world.placementB.id, {
        practiceEducatorId: world.users.peA.id,
        startDate: world.start,
        reason: "x",
      }),
    );
    expect(early.fieldErrors?.startDate).toBeDefined();
    const unknown = await rejected(() =>
      assignPracticeEducator(world.users.admin, world.placementB.id, {
        practiceEducatorId: world.users.tutorA.id,
        startDate: world.today,
        reason: "x",
      }),
    );
    expect(unknown.fieldErrors?.practiceEducatorId).toBeDefined();
  });
});

describe("logging attendance", () => {
  it("logs a day once, refuses the same date again, and removes it with an audit trail", async () => {
    const date = addDays(world.today, -1);
    const { id } = await recordAttendance(world.users.studentA, world.placementA.id, {
      date,
      kind: "SICK",
      note: "Flu",
    });
    const duplicate = await rejected(() =>
      recordAttendance(world.users.studentA, world.placementA.id, { date, kind: "PLACEMENT_DAY" }),
    );
    expect(duplicate.status).toBe(409);
    await removeAttendance(world.users.studentA, world.placementA.id, id);
    expect(await db().attendanceDay.findUnique({ where: { id } })).toBeNull();
    const audit = await listAuditEntries(world.users.admin, { entity: "AttendanceDay", entityId: id });
    expect(audit.map((entry) => entry.action)).toEqual(["DELETE", "CREATE"]);
  });

  it.each([
    ["a future day", () => ({ date: addDays(world.today, 1), kind: "PLACEMENT_DAY" }), "date"],
    ["a day before the placement", () => ({ date: addDays(world.start, -1), kind: "PLACEMENT_DAY" }), "date"],
    ["an unknown kind", () => ({ date: world.today, kind: "HOLIDAY" }), "kind"],
    ["an oversized note", () => ({ date: world.today, kind: "PLACEMENT_DAY", note: "n".repeat(501) }), "note"],
  ])("refuses %s", async (_name, input, field) => {
    const error = await rejected(() => recordAttendance(world.users.studentA, world.placementA.id, input()));
    expect(error.status).toBe(422);
    expect(error.fieldErrors?.[field]).toBeDefined();
  });

  it("refuses days on a placement that is not active", async () => {
    await db().placement.update({ where: { id: world.placementA.id }, data: { status: "SUSPENDED" } });
    const error = await rejected(() =>
      recordAttendance(world.users.admin, world.placementA.id, { date: world.today, kind: "PLACEMENT_DAY" }),
    );
    expect(error.status).toBe(409);
    await db().placement.update({ where: { id: world.placementA.id }, data: { status: "ACTIVE" } });
  });
});
