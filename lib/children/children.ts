import "server-only";
import { getDb, type Tx } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";
import {
  allocationsVisibleTo,
  answersForChildRecords,
  canAllocateChildren,
  canCorrectChildDetails,
  canEndAllocation,
  canHandleReferrals,
  childrenIdentifiableTo,
  childrenVisibleTo,
} from "@/lib/access/children";
import { parseId } from "@/lib/core/command";
import { notFound } from "@/lib/errors";
import { todayInUk, toIsoDate } from "@/lib/dates";
import { presentChild, redactChild, type ChildSummary } from "@/lib/children/present-child";
import { mayAnonymise } from "@/lib/children/retention";
import { namesFor } from "@/lib/children/people-names";

// Reading children's records: lists and the record with its family contacts,
// referrals, work and concerns (docs/domain.md, "Children's work" and "Data
// protection"). Reads scope through lib/access/children.ts; a child's name
// leaves here only through presentChildrenFor, which audits it. Writes are in
// child-records.ts, the team manager's data-protection duties in
// data-protection.ts.

/** Writes one VIEW audit row per child whose identity was just shown: reads of identifiable records are audited too. */
async function auditChildViews(tx: Tx, user: SessionUser, children: ChildSummary[], context: string) {
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
          include: { school: { select: { name: true } }, decidedBy: { select: { id: true, name: true } } },
        },
        allocations: {
          where: allocationsVisibleTo(user),
          orderBy: { startDate: "desc" },
          include: {
            student: { select: { id: true, name: true } },
            overseeingPe: { select: { id: true, name: true } },
            programme: { select: { id: true } },
            assessment: { select: { id: true, dueDate: true, status: true } },
            lifeStory: { select: { id: true } },
          },
        },
        safeguarding: {
          orderBy: { raisedAt: "desc" },
          include: {
            raisedBy: { select: { id: true, name: true } },
            actionRecordedBy: { select: { id: true, name: true } },
          },
        },
      },
    });
    if (!row) throw notFound("That child's record");
    const [child] = await presentChildrenFor(tx, user, [row], "child record");
    const nameOf = await namesFor(tx, user, [
      ...row.referrals.map((referral) => referral.decidedBy?.id),
      ...row.allocations.flatMap((allocation) => [allocation.student.id, allocation.overseeingPe.id]),
      ...row.safeguarding.flatMap((concern) => [concern.raisedBy.id, concern.actionRecordedBy?.id]),
    ]);
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
            decidedByName: nameOf(referral.decidedBy),
            version: referral.version,
            canDecide: canHandleReferrals(user) && referral.decision === "PENDING",
          }))
        : [],
      allocations: row.allocations.map((allocation) => ({
        id: allocation.id,
        kind: allocation.kind,
        status: allocation.status,
        studentName: nameOf(allocation.student),
        overseeingPeName: nameOf(allocation.overseeingPe),
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
        raisedByName: nameOf(concern.raisedBy),
        // Free text can name the child: code-only viewers get it with names masked.
        description: identifiable ? concern.description : redactChild(concern.description, row),
        status: concern.status,
        actionTaken: concern.actionTaken && !identifiable ? redactChild(concern.actionTaken, row) : concern.actionTaken,
        actionRecordedAt: concern.actionRecordedAt?.toISOString() ?? null,
        actionRecordedByName: nameOf(concern.actionRecordedBy),
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
