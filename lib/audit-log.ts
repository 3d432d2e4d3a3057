import "server-only";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";
import { canReadAuditLog } from "@/lib/access/admin";
import { forbidden } from "@/lib/errors";

/**
 * The entries a team manager may read: what their own team's people did, and
 * what the students placed with the team and those placements' tutors did
 * (their accounts belong to a university). Another team's entries, and the
 * system's (reminders, a carer's feedback), which may concern any team, are
 * not theirs to read.
 */
function entriesOfTeam(teamId: string): Prisma.AuditLogWhereInput {
  return {
    OR: [
      { organisationId: teamId },
      { actor: { role: "STUDENT", placementsAsStudent: { some: { teamId } } } },
      { actor: { role: "UNIVERSITY_TUTOR", placementsAsTutor: { some: { teamId } } } },
    ],
  };
}

/** The audit log of the manager's team, newest first: the team manager only. */
export async function listAuditEntries(
  user: SessionUser,
  filters: { entity?: string; entityId?: string; actorId?: string; take?: number } = {},
) {
  assertVerifiedUser(user);
  if (!canReadAuditLog(user)) throw forbidden("Only the team manager can read the audit log.");
  const rows = await getDb().auditLog.findMany({
    where: {
      AND: [
        entriesOfTeam(user.organisationId),
        {
          entity: filters.entity || undefined,
          entityId: filters.entityId || undefined,
          actorId: filters.actorId || undefined,
        },
      ],
    },
    orderBy: { at: "desc" },
    take: Math.min(filters.take ?? 200, 1000),
    include: { actor: { select: { name: true, email: true } } },
  });
  return rows.map((row) => ({
    id: row.id,
    at: row.at,
    actorName: row.actor?.name ?? "System",
    action: row.action,
    entity: row.entity,
    entityId: row.entityId,
    changes: row.changes as Record<string, unknown> | null,
  }));
}

/**
 * What the audit log can be filtered by, in words: the people who appear in the
 * team's log (by name, A to Z) and the kinds of record it holds. The team
 * manager only, like the log itself.
 */
export async function listAuditFilterChoices(user: SessionUser) {
  assertVerifiedUser(user);
  if (!canReadAuditLog(user)) throw forbidden("Only the team manager can read the audit log.");
  const db = getDb();
  const where = entriesOfTeam(user.organisationId);
  const [actors, entities] = await Promise.all([
    db.auditLog.groupBy({ by: ["actorId"], where: { AND: [where, { actorId: { not: null } }] } }),
    db.auditLog.groupBy({ by: ["entity"], where }),
  ]);
  const people = await db.user.findMany({
    where: { id: { in: actors.map((row) => row.actorId).filter((id): id is string => id !== null) } },
    select: { id: true, name: true },
  });
  return {
    people: people
      .map((person) => ({ id: person.id, name: person.name }))
      .sort((a, b) => a.name.localeCompare(b.name, "en-GB")),
    entities: entities.map((row) => row.entity).sort(),
  };
}
