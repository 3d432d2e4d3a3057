import "server-only";
import { getDb, type Tx } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";
import { canRecordSafeguardingAction, childrenVisibleTo, safeguardingConcernsHandledBy } from "@/lib/access/children";
import { command, parseId } from "@/lib/core/command";
import { conflict, fieldError, notFound } from "@/lib/errors";
import { idInBody } from "@/lib/children/located";
import { formatDateTime } from "@/lib/dates";
import { presentChildrenFor } from "@/lib/children/children";
import { namesFor } from "@/lib/children/people-names";
import { auditCreated, auditUpdated } from "@/lib/children/child-audit";
import { notify } from "@/lib/notifications/notifications";
import { appUrl, sendEmail } from "@/lib/notifications/email";
import {
  safeguardingResponseSchema,
  safeguardingConcernSchema,
  type SafeguardingSource,
} from "@/lib/validations/children";
import { SAFEGUARDING_PROCEDURES_WARNING } from "@/lib/validations/child-work";
import { ROLE_LABELS } from "@/lib/validations/user";

// Safeguarding concerns (docs/domain.md, "Children's work": any worry about a
// child is escalated to the PE and the manager at once and handled under the
// council's procedures). Anyone who can see a child's record may raise one;
// the overseeing PEs of the child's active allocations and every admin of the
// team are notified at once, in the app and (when SMTP is configured) by
// email. The concern stays open, at the top of their home pages, until one of
// them records the action taken. The app never replaces the council's own
// procedures.
//
// Notifications and emails name the child by code only: an email leaves the
// council's systems, and a notification outlives its reader's access.

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

/** Whether the record a concern is raised from is this child's: a concern must not point at another child's work. */
async function isChildsRecord(tx: Tx, childId: string, entity: SafeguardingSource, id: string): Promise<boolean> {
  const ofChild = { allocation: { childId } };
  switch (entity) {
    case "Child":
      return id === childId;
    case "Allocation":
      return Boolean(await tx.allocation.findFirst({ where: { id, childId }, select: { id: true } }));
    case "ChildAssessment":
      return Boolean(await tx.childAssessment.findFirst({ where: { id, ...ofChild }, select: { id: true } }));
    case "LifeStoryWork":
      return Boolean(await tx.lifeStoryWork.findFirst({ where: { id, ...ofChild }, select: { id: true } }));
    case "DirectWorkProgramme":
      return Boolean(await tx.directWorkProgramme.findFirst({ where: { id, ...ofChild }, select: { id: true } }));
    case "ProgrammeSession":
      return Boolean(await tx.programmeSession.findFirst({ where: { id, programme: ofChild }, select: { id: true } }));
  }
}

/**
 * Raises a concern about a child the user can see, and tells the PE(s) and
 * the admins at once. The concern and the in-app notifications commit
 * together; emails go after the commit, and a failed email never fails this.
 */
export const raiseSafeguardingConcern = command({
  parse: (body: unknown) => ({ childId: idInBody(body, "childId", "That child's record"), body }),
  input: safeguardingConcernSchema,
  async load({ tx, user }, { childId }) {
    const child = await tx.child.findFirst({
      where: { AND: [childrenVisibleTo(user), { id: childId }] },
      select: { id: true, code: true, teamId: true, anonymisedAt: true },
    });
    if (!child) throw notFound("That child's record");
    return child;
  },
  // Anyone who can see the child's record may raise a worry about the child.
  allow: () => true,
  async run({ tx, user, audit, afterCommit }, child, data) {
    if (child.anonymisedAt)
      throw conflict(
        "This record has been anonymised: a concern cannot be raised on it. Follow the council's procedures.",
      );
    if (data.sourceEntity && data.sourceId && !(await isChildsRecord(tx, child.id, data.sourceEntity, data.sourceId)))
      throw fieldError("sourceId", "The concern can only be raised from a record of this child's");
    const concern = await tx.safeguardingConcern.create({
      data: {
        childId: child.id,
        raisedById: user.id,
        description: data.description,
        sourceEntity: data.sourceEntity,
        sourceId: data.sourceId,
      },
    });
    await auditCreated(audit, "SafeguardingConcern", concern);
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
    const result = { id: concern.id, notified, emailed: 0 };
    const emails = recipients.map((recipient) => recipient.email);
    // The command answers once its after-commit effects have run, so the answer can say whether the email went.
    afterCommit(async () => {
      const email = await sendEmail({
        to: emails,
        subject: `Safeguarding concern raised: child ${child.code}`,
        text: [
          `A safeguarding concern about child ${child.code} was raised in Placement Tracker by ${user.name} (${ROLE_LABELS[user.role]}) on ${when}.`,
          "",
          `Sign in to read it and record the action taken: ${appUrl("/safeguarding")}`,
          "",
          SAFEGUARDING_PROCEDURES_WARNING,
          "",
          "For data protection this email does not name the child or describe the concern.",
        ].join("\n"),
      });
      if (email.sent) result.emailed = emails.length;
    });
    return result;
  },
});

/** The open concerns the user handles, oldest first, each with its child (name only where allowed; audited). Others get an empty list. */
export async function listOpenSafeguardingConcerns(user: SessionUser) {
  assertVerifiedUser(user);
  const handled = safeguardingConcernsHandledBy(user);
  if (!handled) return [];
  return getDb().$transaction(async (tx) => {
    const rows = await tx.safeguardingConcern.findMany({
      where: { AND: [handled, { status: "OPEN" }] },
      orderBy: [{ raisedAt: "asc" }, { id: "asc" }],
      take: 500,
      include: {
        child: { include: { school: { select: { name: true } } } },
        raisedBy: { select: { id: true, name: true, role: true } },
      },
    });
    const children = await presentChildrenFor(
      tx,
      user,
      rows.map((row) => row.child),
      "open safeguarding concerns",
    );
    const nameOf = await namesFor(
      tx,
      user,
      rows.map((row) => row.raisedBy.id),
    );
    return rows.map((row, index) => ({
      id: row.id,
      child: children[index],
      raisedAt: row.raisedAt.toISOString(),
      raisedByName: nameOf(row.raisedBy),
      raisedByRole: row.raisedBy.role,
      description: row.description,
      sourceEntity: row.sourceEntity,
      sourceId: row.sourceId,
      status: row.status,
    }));
  });
}

/** The response to a concern: the admin or an overseeing PE records the action taken; the concern is then ACTIONED and leaves the home pages. */
export const recordSafeguardingResponse = command({
  parse: (concernId: string, body: unknown) => ({ concernId: parseId(concernId, "That safeguarding concern"), body }),
  input: safeguardingResponseSchema,
  async load({ tx, user }, input) {
    const concern = await tx.safeguardingConcern.findFirst({
      where: { id: input.concernId, child: childrenVisibleTo(user) },
      include: {
        child: {
          select: {
            code: true,
            teamId: true,
            allocations: { where: { status: "ACTIVE" }, select: { status: true, overseeingPeId: true } },
          },
        },
      },
    });
    if (!concern) throw notFound("That safeguarding concern");
    return concern;
  },
  allow: (user, concern) =>
    canRecordSafeguardingAction(user, concern) ||
    "Only the team manager or the overseeing practice educator records the action taken on a concern.",
  async run({ tx, user, audit }, before, data) {
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
    await auditUpdated(audit, "SafeguardingConcern", before.id, before, next);
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
  },
});
