import "server-only";
import { randomInt } from "node:crypto";
import { getDb, type Tx } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";
import {
  allocationsVisibleTo,
  canManageChildren,
  childrenIdentifiableTo,
  childrenVisibleTo,
} from "@/lib/access/children";
import { AppError, conflict, forbidden, notFound } from "@/lib/errors";
import { changedFields, writeAudit } from "@/lib/audit";
import { fromIsoDate, todayInUk, toIsoDate } from "@/lib/dates";
import { presentChild, redactChild, type ChildSummary } from "@/lib/children/present-child";
import { mayAnonymise, retainUntil, type RecordKind } from "@/lib/children/retention";
import { createChildSchema, updateChildSchema } from "@/lib/validations/children";

/** Writes one VIEW audit row per child whose identity was just shown: reads of identifiable records are audited too. */
export async function auditChildViews(tx: Tx, user: SessionUser, children: ChildSummary[], context: string) {
  const viewed = children.filter((child) => child.name !== null);
  if (viewed.length === 0) return;
  await tx.auditLog.createMany({
    data: viewed.map((child) => ({
      actorId: user.id,
      organisationId: user.organisationId,
      action: "VIEW",
      entity: "Child",
      entityId: child.id,
      changes: { context },
    })),
  });
}

async function identifiableIds(tx: Tx, user: SessionUser, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tx.child.findMany({
    where: { AND: [childrenIdentifiableTo(user), { id: { in: ids } }] },
    select: { id: true },
  });
  return new Set(rows.map((row) => row.id));
}

/** Presents children for this user: names only where allowed, and every shown name audited. */
export async function presentChildrenFor(
  tx: Tx,
  user: SessionUser,
  rows: Parameters<typeof presentChild>[0][],
  context: string,
): Promise<ChildSummary[]> {
  const allowed = await identifiableIds(
    tx,
    user,
    rows.map((row) => row.id),
  );
  const children = rows.map((row) => presentChild(row, allowed.has(row.id)));
  await auditChildViews(tx, user, children, context);
  return children;
}

/** The children the user may see; search by code, or by name among those they may identify. */
export async function listChildren(user: SessionUser, filters: { q?: string } = {}) {
  assertVerifiedUser(user);
  const q = filters.q?.trim();
  const search = q
    ? {
        OR: [
          { code: { contains: q, mode: "insensitive" as const } },
          {
            AND: [
              childrenIdentifiableTo(user),
              {
                OR: [
                  { firstName: { contains: q, mode: "insensitive" as const } },
                  { lastName: { contains: q, mode: "insensitive" as const } },
                ],
              },
            ],
          },
        ],
      }
    : {};
  return getDb().$transaction(async (tx) => {
    const rows = await tx.child.findMany({
      where: { AND: [childrenVisibleTo(user), search] },
      orderBy: { code: "asc" },
      take: 500,
      include: { school: { select: { name: true } } },
    });
    return presentChildrenFor(tx, user, rows, "children list");
  });
}

/** One child's record: identity and family contacts only for those allowed; the read is audited. */
export async function getChild(user: SessionUser, childId: string) {
  assertVerifiedUser(user);
  return getDb().$transaction(async (tx) => {
    const row = await tx.child.findFirst({
      where: { AND: [childrenVisibleTo(user), { id: childId }] },
      include: {
        school: { select: { id: true, name: true } },
        contacts: { orderBy: { createdAt: "asc" } },
        referrals: {
          orderBy: { receivedOn: "desc" },
          include: { school: { select: { name: true } }, decidedBy: { select: { name: true } } },
        },
        allocations: {
          where: allocationsVisibleTo(user),
          orderBy: { startDate: "desc" },
          include: {
            student: { select: { name: true } },
            overseeingPe: { select: { name: true } },
            programme: { select: { id: true } },
            assessment: { select: { id: true, dueDate: true, status: true } },
            lifeStory: { select: { id: true } },
          },
        },
        safeguarding: {
          orderBy: { raisedAt: "desc" },
          include: { raisedBy: { select: { name: true } }, actionRecordedBy: { select: { name: true } } },
        },
      },
    });
    if (!row) throw notFound("That child's record");
    const [child] = await presentChildrenFor(tx, user, [row], "child record");
    const identifiable = child.name !== null;
    return {
      child,
      version: row.version,
      schoolId: row.school?.id ?? null,
      retainUntil: row.retainUntil ? toIsoDate(row.retainUntil) : null,
      mayAnonymise:
        user.role === "ADMIN" &&
        !row.anonymisedAt &&
        mayAnonymise(row.retainUntil ? toIsoDate(row.retainUntil) : null, todayInUk()),
      // Family contacts and referral details identify the child: only for those who may see the name.
      contacts: identifiable
        ? row.contacts.map((contact) => ({
            id: contact.id,
            name: contact.name,
            relationship: contact.relationship,
            phone: contact.phone,
            email: contact.email,
            consent: contact.consent,
            consentRecordedOn: contact.consentRecordedOn ? toIsoDate(contact.consentRecordedOn) : null,
          }))
        : [],
      referrals: identifiable
        ? row.referrals.map((referral) => ({
            id: referral.id,
            receivedOn: toIsoDate(referral.receivedOn),
            schoolName: referral.school?.name ?? null,
            referrerName: referral.referrerName,
            referrerRole: referral.referrerRole,
            reason: referral.reason,
            parentConsent: referral.parentConsent,
            childAgreement: referral.childAgreement,
            decision: referral.decision,
            decisionReason: referral.decisionReason,
            decidedOn: referral.decidedOn ? toIsoDate(referral.decidedOn) : null,
            decidedByName: referral.decidedBy?.name ?? null,
            version: referral.version,
          }))
        : [],
      allocations: row.allocations.map((allocation) => ({
        id: allocation.id,
        kind: allocation.kind,
        status: allocation.status,
        studentName: allocation.student.name,
        overseeingPeName: allocation.overseeingPe.name,
        startDate: toIsoDate(allocation.startDate),
        endDate: allocation.endDate ? toIsoDate(allocation.endDate) : null,
        groupLabel: allocation.groupLabel,
        needsPeSignOff: allocation.kind === "LIFE_STORY" && !allocation.peSignedOffAt,
        programmeId: allocation.programme?.id ?? null,
        assessmentId: allocation.assessment?.id ?? null,
        lifeStoryId: allocation.lifeStory?.id ?? null,
      })),
      safeguarding: row.safeguarding.map((concern) => ({
        id: concern.id,
        raisedAt: concern.raisedAt.toISOString(),
        raisedByName: concern.raisedBy.name,
        // Free text can name the child: code-only viewers get it with names masked.
        description: identifiable ? concern.description : redactChild(concern.description, row),
        status: concern.status,
        actionTaken: concern.actionTaken && !identifiable ? redactChild(concern.actionTaken, row) : concern.actionTaken,
        actionRecordedAt: concern.actionRecordedAt?.toISOString() ?? null,
        actionRecordedByName: concern.actionRecordedBy?.name ?? null,
      })),
      permissions: { canManage: canManageChildren(user) && identifiable, isAdmin: user.role === "ADMIN" },
    };
  });
}

export type ChildRecord = Awaited<ReturnType<typeof getChild>>;

async function newChildCode(tx: Tx): Promise<string> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const code = `C-${randomInt(1000, 10000)}`;
    if (!(await tx.child.findUnique({ where: { code }, select: { id: true } }))) return code;
  }
  for (;;) {
    const code = `C-${randomInt(10000, 1000000)}`;
    if (!(await tx.child.findUnique({ where: { code }, select: { id: true } }))) return code;
  }
}

/** The team manager records a child (usually with a referral); the child gets a pseudonymous code at once. */
export async function createChild(user: SessionUser, input: unknown) {
  assertVerifiedUser(user);
  if (user.role !== "ADMIN") throw forbidden("Only the team manager records new children.");
  const data = createChildSchema.parse(input);
  return getDb().$transaction(async (tx) => {
    if (data.schoolId && !(await tx.school.findFirst({ where: { id: data.schoolId, teamId: user.organisationId } }))) {
      throw new AppError("validation", "Check the highlighted fields.", {
        schoolId: ["Choose one of the team's partner schools"],
      });
    }
    const child = await tx.child.create({
      data: {
        code: await newChildCode(tx),
        teamId: user.organisationId,
        firstName: data.firstName,
        lastName: data.lastName,
        dateOfBirth: fromIsoDate(data.dateOfBirth),
        schoolId: data.schoolId,
        yearGroup: data.yearGroup,
        retainUntil: fromIsoDate(retainUntil(data.dateOfBirth, [])),
        contacts: {
          create: data.contacts.map((contact) => ({
            ...contact,
            consentRecordedOn: contact.consentRecordedOn ? fromIsoDate(contact.consentRecordedOn) : null,
          })),
        },
      },
    });
    await writeAudit(tx, user, {
      action: "CREATE",
      entity: "Child",
      entityId: child.id,
      changes: { code: child.code, contacts: data.contacts.length },
    });
    return { id: child.id, code: child.code };
  });
}

export async function updateChild(user: SessionUser, childId: string, input: unknown) {
  assertVerifiedUser(user);
  const data = updateChildSchema.parse(input);
  return getDb().$transaction(async (tx) => {
    const before = await tx.child.findFirst({ where: { AND: [childrenIdentifiableTo(user), { id: childId }] } });
    if (!before) throw notFound("That child's record");
    if (!canManageChildren(user)) throw forbidden();
    if (before.anonymisedAt) throw conflict("This record has been anonymised and can no longer change.");
    if (before.version !== data.version)
      throw conflict(
        "Someone else changed this child's record after you opened it. Nothing was saved: reload and make your change again.",
      );
    const next = {
      firstName: data.firstName,
      lastName: data.lastName,
      dateOfBirth: fromIsoDate(data.dateOfBirth),
      schoolId: data.schoolId,
      yearGroup: data.yearGroup,
    };
    const { count } = await tx.child.updateMany({
      where: { id: before.id, version: data.version },
      data: { ...next, version: { increment: 1 } },
    });
    if (count === 0)
      throw conflict("Someone else changed this child's record at the same moment. Reload and try again.");
    await writeAudit(tx, user, {
      action: "UPDATE",
      entity: "Child",
      entityId: before.id,
      changes: changedFields(before, next),
    });
    return { id: before.id, version: data.version + 1 };
  });
}

/** Who has viewed a child's identifiable record, newest first: for the team manager. */
export async function listChildViewers(user: SessionUser, childId: string) {
  assertVerifiedUser(user);
  if (user.role !== "ADMIN") throw forbidden("Only the team manager can see who viewed a child's record.");
  const db = getDb();
  const child = await db.child.findFirst({
    where: { AND: [childrenIdentifiableTo(user), { id: childId }] },
    select: { id: true },
  });
  if (!child) throw notFound("That child's record");
  const rows = await db.auditLog.findMany({
    where: { entity: "Child", entityId: childId, action: { in: ["VIEW", "EXPORT"] } },
    orderBy: { at: "desc" },
    take: 500,
    include: { actor: { select: { name: true, role: true } } },
  });
  return rows.map((row) => ({
    at: row.at.toISOString(),
    actorName: row.actor?.name ?? "System",
    actorRole: row.actor?.role ?? null,
    action: row.action,
    context: (row.changes as { context?: string } | null)?.context ?? null,
  }));
}

/** Everything held about a child, for a subject access request. Team manager only; audited. */
export async function exportChildRecord(user: SessionUser, childId: string) {
  assertVerifiedUser(user);
  if (user.role !== "ADMIN") throw forbidden("Only the team manager exports a child's record.");
  return getDb().$transaction(async (tx) => {
    const child = await tx.child.findFirst({
      where: { AND: [childrenIdentifiableTo(user), { id: childId }] },
      include: {
        school: true,
        contacts: true,
        referrals: true,
        safeguarding: true,
        allocations: {
          include: {
            student: { select: { name: true } },
            overseeingPe: { select: { name: true } },
            programme: { include: { sessions: { include: { feedback: true } }, goals: true } },
            assessment: true,
            lifeStory: { include: { stages: true } },
          },
        },
      },
    });
    if (!child) throw notFound("That child's record");
    await tx.auditLog.create({
      data: {
        actorId: user.id,
        organisationId: user.organisationId,
        action: "EXPORT",
        entity: "Child",
        entityId: child.id,
        changes: { context: "subject access export" },
      },
    });
    return { exportedAt: new Date().toISOString(), exportedBy: user.name, child };
  });
}

/**
 * After the retention period, replaces what identifies the child (name, exact
 * date of birth, family contacts, referrer details, the child's own words)
 * while the code and the anonymous shape of the work remain for statistics.
 */
export async function anonymiseChild(user: SessionUser, childId: string) {
  assertVerifiedUser(user);
  if (user.role !== "ADMIN") throw forbidden("Only the team manager anonymises records.");
  return getDb().$transaction(async (tx) => {
    const child = await tx.child.findFirst({
      where: { AND: [childrenIdentifiableTo(user), { id: childId }] },
      include: { allocations: { select: { kind: true, id: true } } },
    });
    if (!child) throw notFound("That child's record");
    if (child.anonymisedAt) throw conflict("This record is already anonymised.");
    const until = retainUntil(
      toIsoDate(child.dateOfBirth),
      child.allocations.map((allocation) => allocation.kind as RecordKind),
    );
    if (!mayAnonymise(until, todayInUk())) throw conflict(`This record must be kept until ${until}.`);
    const birthYear = child.dateOfBirth.getUTCFullYear();
    await tx.child.update({
      where: { id: child.id },
      data: {
        firstName: "",
        lastName: "",
        dateOfBirth: fromIsoDate(`${birthYear}-01-01`),
        anonymisedAt: new Date(),
        version: { increment: 1 },
      },
    });
    await tx.childContact.deleteMany({ where: { childId: child.id } });
    await tx.referral.updateMany({
      where: { childId: child.id },
      data: { referrerName: "(anonymised)", reason: "(anonymised)" },
    });
    const allocationIds = child.allocations.map((allocation) => allocation.id);
    await tx.programmeSession.updateMany({
      where: { programme: { allocationId: { in: allocationIds } } },
      data: { childsWords: "", whatWasDone: "(anonymised)" },
    });
    await tx.childFeedback.updateMany({
      where: { session: { programme: { allocationId: { in: allocationIds } } } },
      data: { whatWasGood: "", whatCouldBeBetter: "" },
    });
    await writeAudit(tx, user, {
      action: "UPDATE",
      entity: "Child",
      entityId: child.id,
      changes: { anonymised: { from: false, to: true } },
    });
    return { id: child.id };
  });
}
