import "server-only";
import { getDb } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";
import { answersForChildRecords, childrenIdentifiableTo } from "@/lib/access/children";
import { command, parseId } from "@/lib/core/command";
import { conflict, forbidden, notFound } from "@/lib/errors";
import { fromIsoDate, todayInUk, toIsoDate } from "@/lib/dates";
import { redactChild } from "@/lib/children/present-child";
import { mayAnonymise, retainUntil } from "@/lib/children/retention";
import { namesFor } from "@/lib/children/people-names";

// What the team manager does for a child's data protection (docs/domain.md,
// "Data protection"): who has viewed the record, the subject access export,
// and anonymisation once the retention period has passed.

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
    include: { actor: { select: { id: true, name: true, role: true } } },
  });
  const nameOf = await namesFor(
    db,
    user,
    rows.map((row) => row.actor?.id),
  );
  return rows.map((row) => ({
    at: row.at.toISOString(),
    actorName: nameOf(row.actor) ?? "System",
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
      select: {
        id: true,
        closingSummary: true,
        summaryForSchool: true,
        goals: { select: { id: true, description: true } },
      },
    })) {
      if (programme.closingSummary !== null || programme.summaryForSchool !== null)
        await tx.directWorkProgramme.update({
          where: { id: programme.id },
          data: {
            closingSummary: programme.closingSummary === null ? null : scrub(programme.closingSummary),
            summaryForSchool: programme.summaryForSchool === null ? null : scrub(programme.summaryForSchool),
          },
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
