import "server-only";
import { getDb, type Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";
import { childrenVisibleTo } from "@/lib/access/children";
import { conflict, forbidden, notFound } from "@/lib/errors";
import { changedFields, createdFields, writeAudit } from "@/lib/audit";
import { formatDateTime } from "@/lib/dates";
import { presentChildrenFor } from "@/lib/children/children";
import { notify } from "@/lib/notifications/notifications";
import { appUrl, sendEmail } from "@/lib/notifications/email";
import { safeguardingActionSchema, safeguardingConcernSchema } from "@/lib/validations/children";
import { SAFEGUARDING_PROCEDURES_WARNING } from "@/lib/validations/child-work";
import { ROLE_LABELS } from "@/lib/validations/user";

// Safeguarding concerns (DOMAIN.md: any worry about a child is escalated to
// the PE and the manager at once and handled under the council's procedures).
// Anyone who can see a child's record may raise one; the overseeing PEs of
// the child's active allocations and every admin of the team are notified at
// once, in the app and (when SMTP is configured) by email. The concern stays
// open, at the top of their home pages, until one of them records the action
// taken. The app never replaces the council's own procedures.
//
// Notifications and emails name the child by code only: an email leaves the
// council's systems, and a notification outlives its reader's access.

/** The concerns a user handles: the admin, those of the team's children; a PE, those of children whose active work they oversee. */
function concernsHandledBy(user: SessionUser): Prisma.SafeguardingConcernWhereInput | null {
  if (user.role === "ADMIN") return { child: { teamId: user.organisationId } };
  if (user.role === "PRACTICE_EDUCATOR")
    return { child: { allocations: { some: { status: "ACTIVE", overseeingPeId: user.id } } } };
  return null;
}

/** Who is told at once: the PEs overseeing the child's active allocations and the team's admins, all active accounts. */
async function recipientsFor(tx: Tx, child: { id: string; teamId: string }) {
  const allocations = await tx.allocation.findMany({
    where: { childId: child.id, status: "ACTIVE" },
    select: { overseeingPeId: true },
  });
  return tx.user.findMany({
    where: {
      active: true,
      OR: [
        {
          id: { in: [...new Set(allocations.map((allocation) => allocation.overseeingPeId))] },
          role: "PRACTICE_EDUCATOR",
        },
        { role: "ADMIN", organisationId: child.teamId },
      ],
    },
    select: { id: true, email: true, role: true },
  });
}

/**
 * Raises a concern about a child the user can see, and tells the PE(s) and
 * the admins at once. The concern and the in-app notifications commit
 * together; emails go after the commit, and a failed email never fails this.
 */
export async function raiseSafeguardingConcern(user: SessionUser, input: unknown) {
  assertVerifiedUser(user);
  const data = safeguardingConcernSchema.parse(input);
  const raised = await getDb().$transaction(async (tx) => {
    const child = await tx.child.findFirst({
      where: { AND: [childrenVisibleTo(user), { id: data.childId }] },
      select: { id: true, code: true, teamId: true, anonymisedAt: true },
    });
    if (!child) throw notFound("That child's record");
    if (child.anonymisedAt)
      throw conflict(
        "This record has been anonymised: a concern cannot be raised on it. Follow the council's procedures.",
      );
    const concern = await tx.safeguardingConcern.create({
      data: {
        childId: child.id,
        raisedById: user.id,
        description: data.description,
        sourceEntity: data.sourceEntity,
        sourceId: data.sourceId,
      },
    });
    await writeAudit(tx, user, {
      action: "CREATE",
      entity: "SafeguardingConcern",
      entityId: concern.id,
      changes: createdFields(concern),
    });
    // The raiser knows already; everyone else who must act is told.
    const recipients = (await recipientsFor(tx, child)).filter((recipient) => recipient.id !== user.id);
    const when = formatDateTime(concern.raisedAt);
    const notified = await notify(
      tx,
      recipients.map((recipient) => recipient.id),
      {
        kind: "SAFEGUARDING_CONCERN",
        title: `Safeguarding concern raised for child ${child.code}`,
        body: `${user.name} (${ROLE_LABELS[user.role]}) raised a safeguarding concern on ${when}. Read it and record the action taken once it has been handled under the council's procedures.`,
        link: `/safeguarding#concern-${concern.id}`,
      },
    );
    return { id: concern.id, code: child.code, when, notified, emails: recipients.map((recipient) => recipient.email) };
  });

  // After the commit: the concern stands whatever happens to the email.
  const email = await sendEmail({
    to: raised.emails,
    subject: `Safeguarding concern raised: child ${raised.code}`,
    text: [
      `A safeguarding concern about child ${raised.code} was raised in Placement Tracker by ${user.name} (${ROLE_LABELS[user.role]}) on ${raised.when}.`,
      "",
      `Sign in to read it and record the action taken: ${appUrl("/safeguarding")}`,
      "",
      SAFEGUARDING_PROCEDURES_WARNING,
      "",
      "For data protection this email does not name the child or describe the concern.",
    ].join("\n"),
  });
  return { id: raised.id, notified: raised.notified, emailed: email.sent ? raised.emails.length : 0 };
}

/** The open concerns the user handles, oldest first, each with its child (name only where allowed; audited). Others get an empty list. */
export async function listOpenSafeguardingConcerns(user: SessionUser) {
  assertVerifiedUser(user);
  const handled = concernsHandledBy(user);
  if (!handled) return [];
  return getDb().$transaction(async (tx) => {
    const rows = await tx.safeguardingConcern.findMany({
      where: { AND: [handled, { status: "OPEN" }] },
      orderBy: [{ raisedAt: "asc" }, { id: "asc" }],
      take: 500,
      include: {
        child: { include: { school: { select: { name: true } } } },
        raisedBy: { select: { name: true, role: true } },
      },
    });
    const children = await presentChildrenFor(
      tx,
      user,
      rows.map((row) => row.child),
      "open safeguarding concerns",
    );
    return rows.map((row, index) => ({
      id: row.id,
      child: children[index],
      raisedAt: row.raisedAt.toISOString(),
      raisedByName: row.raisedBy.name,
      raisedByRole: row.raisedBy.role,
      description: row.description,
      sourceEntity: row.sourceEntity,
      sourceId: row.sourceId,
      status: row.status,
    }));
  });
}

export type OpenConcern = Awaited<ReturnType<typeof listOpenSafeguardingConcerns>>[number];

/** The admin or an overseeing PE records what was done: the concern is then ACTIONED and leaves the home pages. */
export async function recordSafeguardingAction(user: SessionUser, concernId: string, input: unknown) {
  assertVerifiedUser(user);
  return getDb().$transaction(async (tx) => {
    const before = await tx.safeguardingConcern.findFirst({
      where: { id: String(concernId), child: childrenVisibleTo(user) },
      include: { child: { select: { code: true } } },
    });
    if (!before) throw notFound("That safeguarding concern");
    const handled = concernsHandledBy(user);
    if (
      !handled ||
      !(await tx.safeguardingConcern.findFirst({ where: { AND: [handled, { id: before.id }] }, select: { id: true } }))
    ) {
      throw forbidden(
        "Only the team manager or the overseeing practice educator records the action taken on a concern.",
      );
    }
    const data = safeguardingActionSchema.parse(input);
    if (before.status !== "OPEN") throw conflict("The action taken on this concern has already been recorded.");
    const next = {
      status: "ACTIONED" as const,
      actionTaken: data.actionTaken,
      actionRecordedAt: new Date(),
      actionRecordedById: user.id,
    };
    const { count } = await tx.safeguardingConcern.updateMany({ where: { id: before.id, status: "OPEN" }, data: next });
    if (count === 0)
      throw conflict("Someone else recorded the action on this concern at the same moment. Reload the page.");
    await writeAudit(tx, user, {
      action: "UPDATE",
      entity: "SafeguardingConcern",
      entityId: before.id,
      changes: changedFields(before, next),
    });
    // The person who raised it hears that it was handled.
    if (before.raisedById !== user.id) {
      await notify(tx, [before.raisedById], {
        kind: "SAFEGUARDING_ACTIONED",
        title: `Action recorded on the safeguarding concern for child ${before.child.code}`,
        body: `${user.name} recorded the action taken on the concern you raised.`,
        link: `/children/${before.childId}`,
      });
    }
    return { id: before.id, status: "ACTIONED" as const };
  });
}
