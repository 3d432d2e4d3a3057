import "server-only";
import { getDb, type Tx } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";
import { isCurrentPracticeEducator, isPlacementStudent, supervisionRecordsVisibleTo } from "@/lib/access/supervision";
import { AppError, conflict, forbidden, notFound } from "@/lib/errors";
import { changedFields, createdFields, writeAudit } from "@/lib/audit";
import { formatDate, fromIsoDate, todayInUk, toIsoDate } from "@/lib/dates";
import { placementForSupervision, type SupervisionPlacement } from "@/lib/supervision/supervision-records";
import {
  addendumAllowed,
  peNotesEditable,
  signAsPracticeEducator,
  signAsStudent,
  studentReflectionEditable,
  type SupervisionStatusName,
} from "@/lib/supervision/sign-off";
import {
  actionStatusSchema,
  addendumSchema,
  createSupervisionSchema,
  studentReflectionSchema,
  studentSignSchema,
  supervisionNotesSchema,
  supervisionSettingsSchema,
  updateSupervisionSchema,
} from "@/lib/validations/supervision";
import type { z } from "zod";

type Notes = z.output<typeof supervisionNotesSchema>;

const fieldError = (field: string, message: string) =>
  new AppError("validation", "Check the highlighted fields.", { [field]: [message] });

/** The rules a session's date and placement must meet, whoever asks. */
function checkSession(placement: SupervisionPlacement, notes: { heldOn: string }) {
  if (placement.status !== "ACTIVE") throw conflict("Supervision can only be recorded while the placement is active.");
  if (notes.heldOn > todayInUk()) throw fieldError("heldOn", "A session can only be recorded once it has happened");
  const start = toIsoDate(placement.startDate);
  const end = toIsoDate(placement.endDate);
  if (notes.heldOn < start || notes.heldOn > end)
    throw fieldError(
      "heldOn",
      `The session must fall within the placement (${formatDate(start)} to ${formatDate(end)})`,
    );
}

function notesData(notes: Notes) {
  return {
    heldOn: fromIsoDate(notes.heldOn),
    startTime: notes.startTime,
    durationMinutes: notes.durationMinutes,
    type: notes.type,
    attendedPracticeEducator: notes.attendedPracticeEducator,
    attendedOnsiteSupervisor: notes.attendedOnsiteSupervisor,
    attendedStudent: notes.attendedStudent,
    otherAttendees: notes.otherAttendees,
    agenda: notes.agenda,
    caseDiscussion: notes.caseDiscussion,
    reflectionAndLearning: notes.reflectionAndLearning,
    wellbeingAndWorkload: notes.wellbeingAndWorkload,
    pcfDomains: notes.pcfDomains,
  };
}

/** Makes the draft's agreed actions match the list: new ones added, removed ones deleted, edited ones updated. */
async function syncAgreedActions(
  tx: Tx,
  user: SessionUser,
  placementId: string,
  recordId: string,
  actions: Notes["actions"],
) {
  const existing = await tx.supervisionAction.findMany({ where: { recordId } });
  const keep = new Set(actions.map((action) => action.id).filter(Boolean));
  for (const action of existing.filter((candidate) => !keep.has(candidate.id))) {
    await tx.supervisionAction.delete({ where: { id: action.id } });
    await writeAudit(tx, user, {
      action: "DELETE",
      entity: "SupervisionAction",
      entityId: action.id,
      changes: createdFields(action),
    });
  }
  for (const action of actions) {
    const data = { description: action.description, owner: action.owner, dueDate: fromIsoDate(action.dueDate) };
    const before = action.id ? existing.find((candidate) => candidate.id === action.id) : undefined;
    if (action.id && !before) throw fieldError("actions", "One of the actions no longer exists: reload the record");
    if (before) {
      const changes = changedFields(before, data);
      if (Object.keys(changes).length === 0) continue;
      await tx.supervisionAction.update({ where: { id: before.id }, data });
      await writeAudit(tx, user, { action: "UPDATE", entity: "SupervisionAction", entityId: before.id, changes });
    } else {
      const created = await tx.supervisionAction.create({ data: { ...data, placementId, recordId } });
      await writeAudit(tx, user, {
        action: "CREATE",
        entity: "SupervisionAction",
        entityId: created.id,
        changes: createdFields(created),
      });
    }
  }
}

/** The PE records a session: a draft the PE goes on editing until they sign it. */
export async function recordSupervision(user: SessionUser, input: unknown) {
  assertVerifiedUser(user);
  const data = createSupervisionSchema.parse(input);
  return getDb().$transaction(async (tx) => {
    const placement = await placementForSupervision(tx, user, data.placementId);
    if (!isCurrentPracticeEducator(user, placement.currentPracticeEducatorId))
      throw forbidden("Only the placement's current practice educator records supervision.");
    checkSession(placement, data);
    const record = await tx.supervisionRecord.create({
      data: { ...notesData(data), placementId: placement.id, authorId: user.id },
    });
    await writeAudit(tx, user, {
      action: "CREATE",
      entity: "SupervisionRecord",
      entityId: record.id,
      changes: createdFields(record),
    });
    await syncAgreedActions(tx, user, placement.id, record.id, data.actions);
    return { id: record.id, version: record.version };
  });
}

/** Who changed which fields of a record since `version`, from the audit log: the substance of a conflict message. */
async function changesSince(tx: Tx, recordId: string, version: number) {
  const entries = await tx.auditLog.findMany({
    where: { entity: "SupervisionRecord", entityId: recordId, action: "UPDATE" },
    orderBy: { at: "asc" },
    include: { actor: { select: { name: true } } },
  });
  const fields = new Set<string>();
  const people = new Set<string>();
  for (const entry of entries) {
    const changes = (entry.changes ?? {}) as Record<string, { to?: unknown }>;
    if (Number(changes.version?.to ?? 0) <= version) continue;
    for (const field of Object.keys(changes)) if (field !== "version") fields.add(field);
    people.add(entry.actor?.name ?? "Someone");
  }
  return { fields: [...fields], people: [...people] };
}

const FIELD_LABELS: Record<string, string> = {
  heldOn: "date",
  startTime: "start time",
  durationMinutes: "length",
  type: "type",
  otherAttendees: "other attendees",
  agenda: "agenda",
  caseDiscussion: "case discussion",
  reflectionAndLearning: "reflection and learning",
  wellbeingAndWorkload: "wellbeing and workload",
  pcfDomains: "PCF domains",
  studentReflection: "student's reflection",
};

/** The PE edits a draft (also the autosave). A stale version gets a 409 naming who changed what. */
export async function updateSupervisionNotes(user: SessionUser, recordId: string, input: unknown) {
  assertVerifiedUser(user);
  const data = updateSupervisionSchema.parse(input);
  return getDb().$transaction(async (tx) => {
    const before = await tx.supervisionRecord.findFirst({
      where: { AND: [supervisionRecordsVisibleTo(user), { id: recordId }] },
    });
    if (!before) throw notFound("That supervision record");
    const placement = await placementForSupervision(tx, user, before.placementId);
    if (!isCurrentPracticeEducator(user, placement.currentPracticeEducatorId))
      throw forbidden("Only the placement's current practice educator edits the notes.");
    if (!peNotesEditable(before.status as SupervisionStatusName))
      throw conflict("This record has been signed and is locked. Add an addendum to correct it.");
    if (before.version !== data.version) {
      const since = await changesSince(tx, before.id, data.version);
      const what = since.fields.map((field) => FIELD_LABELS[field] ?? field).join(", ") || "the record";
      throw conflict(
        `${since.people.join(" and ") || "Someone"} changed ${what} after you opened this draft. Nothing of yours was saved: copy your text, reload, and add it again.`,
        {
          currentVersion: before.version,
          changedFields: since.fields,
          changedBy: since.people,
        },
      );
    }
    checkSession(placement, data);
    const next = notesData(data);
    const { count } = await tx.supervisionRecord.updateMany({
      where: { id: before.id, version: data.version },
      data: { ...next, version: { increment: 1 } },
    });
    if (count === 0) throw conflict("Someone else saved this record at the same moment. Reload and try again.");
    await writeAudit(tx, user, {
      action: "UPDATE",
      entity: "SupervisionRecord",
      entityId: before.id,
      changes: { ...changedFields(before, next), version: { from: data.version, to: data.version + 1 } },
    });
    await syncAgreedActions(tx, user, before.placementId, before.id, data.actions);
    return { id: before.id, version: data.version + 1 };
  });
}

/** The student writes their own reflection, until they sign. It has its own version, so it never collides with the PE's autosave. */
export async function saveStudentReflection(user: SessionUser, recordId: string, input: unknown) {
  assertVerifiedUser(user);
  const data = studentReflectionSchema.parse(input);
  return getDb().$transaction(async (tx) => {
    const before = await tx.supervisionRecord.findFirst({
      where: { AND: [supervisionRecordsVisibleTo(user), { id: recordId }] },
      include: { placement: { select: { studentId: true } } },
    });
    if (!before) throw notFound("That supervision record");
    if (!isPlacementStudent(user, before.placement.studentId))
      throw forbidden("Only the student writes the student's reflection.");
    if (!studentReflectionEditable(before.status as SupervisionStatusName))
      throw conflict("You have signed this record, so it is locked. Add an addendum instead.");
    if (before.reflectionVersion !== data.reflectionVersion)
      throw conflict(
        "Your reflection was saved from another window after you opened this one. Reload to see the latest version.",
      );
    const { count } = await tx.supervisionRecord.updateMany({
      where: { id: before.id, reflectionVersion: data.reflectionVersion },
      data: { studentReflection: data.studentReflection, reflectionVersion: { increment: 1 } },
    });
    if (count === 0) throw conflict("Your reflection was saved elsewhere at the same moment. Reload and try again.");
    await writeAudit(tx, user, {
      action: "UPDATE",
      entity: "SupervisionRecord",
      entityId: before.id,
      changes: changedFields(before, { studentReflection: data.studentReflection }),
    });
    return { id: before.id, reflectionVersion: data.reflectionVersion + 1 };
  });
}

/** Signs the record as its PE (first) or its student (second). Signing twice is refused. */
export async function signSupervisionRecord(user: SessionUser, recordId: string, input: unknown = {}) {
  assertVerifiedUser(user);
  const data = studentSignSchema.parse(input ?? {});
  return getDb().$transaction(async (tx) => {
    const record = await tx.supervisionRecord.findFirst({
      where: { AND: [supervisionRecordsVisibleTo(user), { id: recordId }] },
    });
    if (!record) throw notFound("That supervision record");
    const placement = await placementForSupervision(tx, user, record.placementId);
    const status = record.status as SupervisionStatusName;
    const now = new Date();
    let update: Record<string, unknown>;
    if (isCurrentPracticeEducator(user, placement.currentPracticeEducatorId)) {
      const result = signAsPracticeEducator(status);
      if (!result.ok) throw conflict(result.reason);
      update = { status: result.status, peSignedAt: now, peSignedById: user.id };
    } else if (isPlacementStudent(user, placement.studentId)) {
      const result = signAsStudent(status);
      if (!result.ok) throw conflict(result.reason);
      if (!record.studentReflection.trim() && !data.disagreement) {
        throw fieldError("studentReflection", "Write your reflection on the session before you sign");
      }
      update = {
        status: result.status,
        studentSignedAt: now,
        studentSignedById: user.id,
        studentDisagreement: data.disagreement,
      };
    } else {
      throw forbidden("Only the placement's practice educator and its student sign supervision records.");
    }
    // The status in the where clause: two signatures racing cannot both succeed.
    const { count } = await tx.supervisionRecord.updateMany({
      where: { id: record.id, status: record.status },
      data: update,
    });
    if (count === 0) throw conflict("This record was signed at the same moment. Reload to see it.");
    await writeAudit(tx, user, {
      action: "UPDATE",
      entity: "SupervisionRecord",
      entityId: record.id,
      changes: changedFields(record, update),
    });
    return { id: record.id, status: update.status as SupervisionStatusName };
  });
}

/** A correction to a signed record, with author and time. */
export async function addSupervisionAddendum(user: SessionUser, recordId: string, input: unknown) {
  assertVerifiedUser(user);
  const data = addendumSchema.parse(input);
  return getDb().$transaction(async (tx) => {
    const record = await tx.supervisionRecord.findFirst({
      where: { AND: [supervisionRecordsVisibleTo(user), { id: recordId }] },
    });
    if (!record) throw notFound("That supervision record");
    const placement = await placementForSupervision(tx, user, record.placementId);
    if (
      !isCurrentPracticeEducator(user, placement.currentPracticeEducatorId) &&
      !isPlacementStudent(user, placement.studentId)
    ) {
      throw forbidden("Only the placement's practice educator and its student add addenda.");
    }
    if (!addendumAllowed(record.status as SupervisionStatusName))
      throw conflict("This record is still a draft: edit it instead of adding an addendum.");
    const addendum = await tx.supervisionAddendum.create({
      data: { recordId: record.id, authorId: user.id, text: data.text },
    });
    await writeAudit(tx, user, {
      action: "CREATE",
      entity: "SupervisionAddendum",
      entityId: addendum.id,
      changes: createdFields(addendum),
    });
    return { id: addendum.id };
  });
}

/** Marks an agreed action done (recording who and when), dropped, or open again. The PE and the student may. */
export async function setSupervisionActionStatus(user: SessionUser, actionId: string, input: unknown) {
  assertVerifiedUser(user);
  const data = actionStatusSchema.parse(input);
  return getDb().$transaction(async (tx) => {
    const action = await tx.supervisionAction.findFirst({
      where: { id: actionId, record: supervisionRecordsVisibleTo(user) },
    });
    if (!action) throw notFound("That action");
    const placement = await placementForSupervision(tx, user, action.placementId);
    if (
      !isCurrentPracticeEducator(user, placement.currentPracticeEducatorId) &&
      !isPlacementStudent(user, placement.studentId)
    ) {
      throw forbidden("Only the placement's practice educator and its student update actions.");
    }
    const next =
      data.status === "OPEN"
        ? { status: data.status, completedAt: null, completedById: null }
        : { status: data.status, completedAt: new Date(), completedById: user.id };
    await tx.supervisionAction.update({ where: { id: action.id }, data: next });
    await writeAudit(tx, user, {
      action: "UPDATE",
      entity: "SupervisionAction",
      entityId: action.id,
      changes: changedFields(action, next),
    });
    return { id: action.id, status: data.status };
  });
}

/** How often and how long supervision is expected on this placement: the admin or the current PE sets it. */
export async function updateSupervisionSettings(user: SessionUser, placementId: string, input: unknown) {
  assertVerifiedUser(user);
  const data = supervisionSettingsSchema.parse(input);
  return getDb().$transaction(async (tx) => {
    const placement = await placementForSupervision(tx, user, placementId);
    if (user.role !== "ADMIN" && !isCurrentPracticeEducator(user, placement.currentPracticeEducatorId)) {
      throw forbidden("Only the team manager or the current practice educator sets the supervision arrangements.");
    }
    await tx.placement.update({ where: { id: placement.id }, data });
    await writeAudit(tx, user, {
      action: "UPDATE",
      entity: "Placement",
      entityId: placement.id,
      changes: changedFields(placement, data),
    });
    return { id: placement.id };
  });
}
