import "server-only";
import type { Tx } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";

// SIGN_IN and SIGN_IN_FAILED: who signed in, how, from where (never a password or a code).
export type AuditAction = "CREATE" | "UPDATE" | "DELETE" | "VIEW" | "SIGN_IN" | "SIGN_IN_FAILED";

type Plain = Record<string, unknown>;

/** Dates as people read them: a calendar day ("2026-11-23") for date columns, else the full instant. */
function comparable(value: unknown): unknown {
  if (!(value instanceof Date)) return value;
  const iso = value.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
}

/** The fields whose values differ, as { field: { from, to } }; unchanged and bookkeeping fields are left out. */
export function changedFields(before: Plain, after: Plain): Record<string, { from: unknown; to: unknown }> {
  const ignored = new Set(["updatedAt", "version", "passwordHash"]);
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(after)) {
    if (ignored.has(key)) continue;
    const from = comparable(before[key]);
    const to = comparable(after[key]);
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[key] = { from: from ?? null, to: to ?? null };
  }
  return changes;
}

/**
 * Writes one audit row inside the caller's transaction, so the audit and the change commit together.
 * As the transaction commits, a database trigger links the row into its organisation's hash chain
 * (the actor's organisation; the system's for jobs), serialised per organisation
 * (docs/operations.md#tamper-evident-audit-log).
 */
export async function writeAudit(
  tx: Tx,
  actor: SessionUser | null,
  entry: { action: AuditAction; entity: string; entityId: string; changes?: Plain },
) {
  await tx.auditLog.create({
    data: {
      actorId: actor?.id ?? null,
      organisationId: actor?.organisationId ?? null,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId,
      changes: entry.changes
        ? (JSON.parse(
            JSON.stringify(entry.changes, function (this: Record<string, unknown>, key, value) {
              // JSON.stringify has already turned Dates into strings; read the original.
              return comparable(this[key] instanceof Date ? this[key] : value);
            }),
          ) as object)
        : undefined,
    },
  });
}

/** The audit values of a newly created row: every field except secrets. */
export function createdFields(row: Plain): Plain {
  const { passwordHash: _secret, ...rest } = row;
  return rest;
}
