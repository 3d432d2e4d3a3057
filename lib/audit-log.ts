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
  filters: { entity?: string; entityId?: string; take?: number } = {},
) {
  assertVerifiedUser(user);
  if (!canReadAuditLog(user)) throw forbidden("Only the team manager can read the audit log.");
  const rows = await getDb().auditLog.findMany({
    where: {
      AND: [
        entriesOfTeam(user.organisationId),
        { entity: filters.entity || undefined, entityId: filters.entityId || undefined },
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
