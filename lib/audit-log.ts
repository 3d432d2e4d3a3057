import "server-only";
import { getDb } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";
import { canReadAuditLog } from "@/lib/access/admin";
import { forbidden } from "@/lib/errors";

/** The audit log, newest first: the team manager only. */
export async function listAuditEntries(
  user: SessionUser,
  filters: { entity?: string; entityId?: string; take?: number } = {},
) {
  assertVerifiedUser(user);
  if (!canReadAuditLog(user)) throw forbidden("Only the team manager can read the audit log.");
  const rows = await getDb().auditLog.findMany({
    where: { entity: filters.entity || undefined, entityId: filters.entityId || undefined },
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
