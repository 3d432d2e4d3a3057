import "server-only";
import { randomInt } from "node:crypto";
import { getDb, type Tx } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";
import {
  allocationsVisibleTo,
  answersForChildRecords,
  canAddChild,
  canAllocateChildren,
  canCorrectChildDetails,
  canEndAllocation,
  canHandleReferrals,
  childrenIdentifiableTo,
  childrenVisibleTo,
} from "@/lib/access/children";
import { command, parseId } from "@/lib/core/command";
import { conflict, fieldError, forbidden, notFound, unavailable } from "@/lib/errors";
import { fromIsoDate, todayInUk, toIsoDate } from "@/lib/dates";
import { presentChild, redactChild, type ChildSummary } from "@/lib/children/present-child";
import { mayAnonymise, retainUntil } from "@/lib/children/retention";
import { auditCreated, auditUpdated } from "@/lib/children/child-audit";
import { createChildSchema, updateChildSchema } from "@/lib/validations/children";

// Children's records: identity, family contacts, referrals, and what the
// team manager does for data protection (docs/domain.md, "Children's work"
// and "Data protection"). Reads scope through lib/access/children.ts; a
// child's name leaves here only through presentChildrenFor, which audits it.

/** Writes one VIEW audit row per child whose identity was just shown: reads of identifiable records are audited too. */
async function auditChildViews(tx: Tx, user: SessionUser, children: ChildSummary[], context: string) {
  const viewed = children.filter((child) => child.name !== null);
  if (viewed.length === 0) return;
  await tx.auditLog.createMany({
    data: viewed.map((child) => ({
      actorId: user.id,
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

const SEARCH_MAX = 100;

/** A search box's text as a filter: characters no record can hold are dropped, LIKE's wildcards match themselves. */
function searchTerm(raw: unknown): string {
  if (typeof raw !== "string") return "";
  return raw
    .slice(0, SEARCH_MAX * 2)
    .replace(/[\u0000-\u001F\u007F-\u009F]|[\uD800-\uDFFF]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, SEARCH_MAX)
    .replace(/[\\%_]/g, (character) => `\\${character}`);
}

/** The children the user may see; search by code, or by name among those they may identify. */
export async function listChildren(user: SessionUser, filters: { q?: unknown } = {}) {
  assertVerifiedUser(user);
  const q = searchTerm(filters.q);
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
  const id = parseId(childId, "That child's record");
  return getDb().$transaction(async (tx) => {
    const row = await tx.child.findFirst({
      where: { AND: [childrenVisibleTo(user), { id }] },
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
    const open = !row.anonymisedAt;
    const kept = row.retainUntil ? toIsoDate(row.retainUntil) : null;
    return {
      child,
      version: row.version,
      schoolId: row.school?.id ?? null,
      retainUntil: kept,
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
            canDecide: canHandleReferrals(user) && referral.decision === "PENDING",
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
        canEnd: allocation.status === "ACTIVE" && identifiable && canEndAllocation(user, allocation),
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
      permissions: {
        canCorrectDetails: identifiable && open && canCorrectChildDetails(user),
        canRecordReferral: identifiable && open && canHandleReferrals(user),
        canAllocate: identifiable && open && canAllocateChildren(user),
        canRaiseConcern: open,
        /** Who viewed the record, and the subject access export. */
        answersForRecord: answersForChildRecords(user),
        canAnonymise: answersForChildRecords(user) && open && mayAnonymise(kept, todayInUk()),
      },
    };
  });
}

// Codes are short so people can say them; the space is widened before it could run out.
const CODE_RANGES = [
  [1_000, 10_000],
  [10_000, 1_000_000],
] as const;

async function newChildCode(tx: Tx): Promise<string> {
  for (const [from, to] of CODE_RANGES) {
    for (let attempt = 0; attempt < 20; attempt++) {
      const code = `C-${randomInt(from, to)}`;
      if (!(await tx.child.findUnique({ where: { code }, select: { id: true } }))) return code;
    }
  }
  throw unavailable("No free child code was found. Nothing was saved: try again.");
}

/**
 * Keeps the stored retention date true to the rule (lib/children/retention.ts):
 * from the date of birth, for the longest-kept kind of work the child has had.
 * Called whenever either changes.
 */
export async function keepRetentionDate(tx: Tx, childId: string) {
  const child = await tx.child.findUniqueOrThrow({
    where: { id: childId },
    select: { dateOfBirth: true, allocations: { select: { kind: true } } },
  });
  const until = retainUntil(
    toIsoDate(child.dateOfBirth),
    child.allocations.map((allocation) => allocation.kind),
  );
  await tx.child.update({ where: { id: childId }, data: { retainUntil: fromIsoDate(until) } });
}

/** A school named on a child's record or referral must be one of the team's partner schools. */
export async function requirePartnerSchool(tx: Tx, teamId: string, schoolId: string | null) {
  if (!schoolId) return;
  if (!(await tx.school.findFirst({ where: { id: schoolId, teamId }, select: { id: true } })))
    throw fieldError("schoolId", "Choose one of the team's partner schools");
}

/** The team manager records a child (usually with a referral); the child gets a pseudonymous code at once. */
export const createChild = command({
  parse: (body: unknown) => ({ body }),
  input: createChildSchema,
  load: async () => null,
  allow: (user) => canAddChild(user) || "Only the team manager records new children.",
  async run({ tx, user, audit }, _nothing, data) {
    await requirePartnerSchool(tx, user.organisationId, data.schoolId);
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
    await auditCreated(audit, "Child", child, { contacts: data.contacts.length });
    return { id: child.id, code: child.code };
  },
});

const CHILD_FIELDS = {
  firstName: "first name",
  lastName: "last name",
  dateOfBirth: "date of birth",
  schoolId: "school",
  yearGroup: "year group",
};

/** Corrects a child's details (the team manager, or a PE working with the child); the version guards against overwriting. */
export const updateChild = command({
  parse: (childId: string, body: unknown) => ({ childId: parseId(childId, "That child's record"), body }),
  input: updateChildSchema,
  async load({ tx, user }, input) {
    const child = await tx.child.findFirst({ where: { AND: [childrenIdentifiableTo(user), { id: input.childId }] } });
    if (!child) throw notFound("That child's record");
    return child;
  },
  allow: (user) =>
    canCorrectChildDetails(user) || "Only the team manager and the child's practice educators correct these details.",
  version: (child, input) => ({
    entity: "Child",
    id: child.id,
    current: child.version,
    expected: input.version,
    what: "this child's record",
    labels: CHILD_FIELDS,
  }),
  async run({ tx, audit }, before, data) {
    if (before.anonymisedAt) throw conflict("This record has been anonymised and can no longer change.");
    if (data.schoolId !== before.schoolId) await requirePartnerSchool(tx, before.teamId, data.schoolId);
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
      throw conflict(
        "Someone else changed this child's record at the same moment. Nothing was saved: reload and try again.",
      );
    await auditUpdated(audit, "Child", before.id, before, next, { from: data.version, to: data.version + 1 });
    return { id: before.id, version: data.version + 1 };
  },
});

/** Who has viewed a child's identifiable record, newest first: for the team manager. */
export async function listChildViewers(user: SessionUser, childId: string) {
  assertVerifiedUser(user);
  if (!answersForChildRecords(user)) throw forbidden("Only the team manager can see who viewed a child's record.");
  const id = parseId(childId, "That child's record");
  const db = getDb();
  const child = await db.child.findFirst({
    where: { AND: [childrenIdentifiableTo(user), { id }] },
    select: { id: true },
  });
  if (!child) throw notFound("That child's record");
  const rows = await db.auditLog.findMany({
    where: { entity: "Child", entityId: child.id, action: { in: ["VIEW", "EXPORT"] } },
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
  if (!answersForChildRecords(user)) throw forbidden("Only the team manager exports a child's record.");
  const id = parseId(childId, "That child's record");
  return getDb().$transaction(async (tx) => {
    const child = await tx.child.findFirst({
      where: { AND: [childrenIdentifiableTo(user), { id }] },
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
 * date of birth, family contacts, referrer details, the child's own words,
 * and their names wherever else free text mentions them) while the code and
 * the anonymous shape of the work remain for statistics.
 */
export const anonymiseChild = command({
  parse: (childId: string) => ({ childId: parseId(childId, "That child's record") }),
  async load({ tx, user }, input) {
    const child = await tx.child.findFirst({
      where: { AND: [childrenIdentifiableTo(user), { id: input.childId }] },
      include: { allocations: { select: { kind: true, id: true } } },
    });
    if (!child) throw notFound("That child's record");
    return child;
  },
  allow: (user) => answersForChildRecords(user) || "Only the team manager anonymises records.",
  async run({ tx, audit }, child) {
    if (child.anonymisedAt) throw conflict("This record is already anonymised.");
    const until = retainUntil(
      toIsoDate(child.dateOfBirth),
      child.allocations.map((allocation) => allocation.kind),
    );
    if (!mayAnonymise(until, todayInUk())) throw conflict(`This record must be kept until ${until}.`);
    const allocationIds = child.allocations.map((allocation) => allocation.id);
    const scrub = (text: string) => redactChild(text, child);
    await tx.child.update({
      where: { id: child.id },
      data: {
        firstName: "",
        lastName: "",
        dateOfBirth: fromIsoDate(`${child.dateOfBirth.getUTCFullYear()}-01-01`),
        anonymisedAt: new Date(),
        version: { increment: 1 },
      },
    });
    const contacts = await tx.childContact.deleteMany({ where: { childId: child.id } });
    await tx.referral.updateMany({
      where: { childId: child.id },
      data: { referrerName: "(anonymised)", reason: "(anonymised)", decisionReason: null },
    });
    await tx.programmeSession.updateMany({
      where: { programme: { allocationId: { in: allocationIds } } },
      data: { childsWords: "", whatWasDone: "(anonymised)" },
    });
    await tx.childFeedback.updateMany({
      where: { session: { programme: { allocationId: { in: allocationIds } } } },
      data: { whatWasGood: "", whatCouldBeBetter: "" },
    });
    // Free text the work keeps: the child's names and code come out of it.
    for (const session of await tx.programmeSession.findMany({
      where: { programme: { allocationId: { in: allocationIds } } },
      select: { id: true, studentReflection: true },
    }))
      await tx.programmeSession.update({
        where: { id: session.id },
        data: { studentReflection: scrub(session.studentReflection) },
      });
    for (const programme of await tx.directWorkProgramme.findMany({
      where: { allocationId: { in: allocationIds } },
      select: { id: true, closingSummary: true, goals: { select: { id: true, description: true } } },
    })) {
      if (programme.closingSummary !== null)
        await tx.directWorkProgramme.update({
          where: { id: programme.id },
          data: { closingSummary: scrub(programme.closingSummary) },
        });
      for (const goal of programme.goals)
        await tx.outcomeGoal.update({ where: { id: goal.id }, data: { description: scrub(goal.description) } });
    }
    for (const stage of await tx.lifeStoryStage.findMany({
      where: { work: { allocationId: { in: allocationIds } } },
      select: { id: true, notes: true },
    }))
      await tx.lifeStoryStage.update({ where: { id: stage.id }, data: { notes: scrub(stage.notes) } });
    for (const concern of await tx.safeguardingConcern.findMany({
      where: { childId: child.id },
      select: { id: true, description: true, actionTaken: true },
    }))
      await tx.safeguardingConcern.update({
        where: { id: concern.id },
        data: {
          description: scrub(concern.description),
          actionTaken: concern.actionTaken === null ? null : scrub(concern.actionTaken),
        },
      });
    await audit.entry("UPDATE", "Child", child.id, {
      anonymised: { from: false, to: true },
      contactsRemoved: contacts.count,
      version: { from: child.version, to: child.version + 1 },
    });
    return { id: child.id };
  },
});
