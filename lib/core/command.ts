import "server-only";
import type { z } from "zod";
import { getDb, type Tx } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";
import { changedFields, createdFields, writeAudit, type AuditAction } from "@/lib/audit";
import { conflict, forbidden, notFound, parseInput } from "@/lib/errors";
import { refreshPlacementReadModel } from "@/lib/progress/read-model";
import { claimIdempotencyKey } from "@/lib/core/idempotency";

// The one path every user's write takes (docs/decisions/0009-write-path.md):
//
//   parse the input ─► one transaction { load what it acts on, scoped to the
//   user ─► check the permission (lib/access) ─► check the version ─► run the
//   change ─► audit it ─► refresh the read model } ─► after commit: emails
//
// A command is declared once and called by the server action and the route
// handler alike, so the two cannot disagree.

type Plain = Record<string, unknown>;

/** What a command's `run` writes with: the transaction, and the audit and after-commit helpers bound to it. */
export type CommandContext = {
  tx: Tx;
  user: SessionUser;
  audit: {
    /** A new row: every field but secrets. */
    created(entity: string, row: { id: string } & Plain, extra?: Plain): Promise<void>;
    /** A changed row: only the fields that differ (and the version, when it moved). Returns the changes. */
    updated(
      entity: string,
      id: string,
      before: Plain,
      after: Plain,
      version?: { from: number; to: number },
    ): Promise<Record<string, { from: unknown; to: unknown }>>;
    /** A deleted row, as it was. */
    deleted(entity: string, row: { id: string } & Plain): Promise<void>;
    /** Anything else worth a line: a sign-off, a submission, an export. */
    entry(action: AuditAction, entity: string, id: string, changes?: Plain): Promise<void>;
  };
  /** Work that must only happen once the change is committed (emails): it never undoes the change. */
  afterCommit(effect: () => Promise<unknown> | unknown): void;
  /** Marks a placement whose progress this change affects; the read model is refreshed before commit. */
  placementChanged(placementId: string): void;
};

/** An optimistic-concurrency check: the version the user's page saw against the row's current one. */
export type VersionCheck = {
  entity: string;
  id: string;
  current: number;
  expected: number;
  /** How the conflict message names the record: "this draft", "this placement". */
  what: string;
  /** Words for the fields, for the message naming what changed. */
  labels?: Record<string, string>;
};

// Record ids are cuids; a value of any other shape cannot name a record.
const RECORD_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** A record id from a path or an argument: anything else is "not found" (a NUL never reaches a query). */
export function parseId(value: unknown, what = "That record"): string {
  if (typeof value !== "string" || !RECORD_ID.test(value)) throw notFound(what);
  return value;
}

/** What `parse` returns: the ids that locate the record, and the raw body, which is parsed after the permission check. */
type Located = { [key: string]: unknown; body?: unknown };
type Target<P extends Located> = Omit<P, "body">;
type InputOf<P extends Located, S> = Target<P> & (S extends z.ZodType ? z.output<S> : unknown);

export type CommandSpec<Args extends unknown[], P extends Located, S extends z.ZodType | undefined, Loaded, Result> = {
  /** Parses the arguments that locate the record (ids, with parseId): a malformed id is a 404 that costs no query. */
  parse: (...args: Args) => P;
  /** The schema of the body `parse` passed on, checked once the user may act: a stranger learns nothing from a 422. */
  input?: S;
  /** Loads what the command acts on, scoped to what the user may see: throw notFound() otherwise. */
  load: (ctx: CommandContext, target: Target<P>) => Promise<Loaded>;
  /** The permission, a predicate from lib/access: true, or the message refusing it (a 403). */
  allow: (user: SessionUser, loaded: Loaded, target: Target<P>) => true | string;
  /** Optional: the version the caller saw; a stale one is a 409 whatever the values. */
  version?: (loaded: Loaded, input: InputOf<P, S>) => VersionCheck | null;
  run: (ctx: CommandContext, loaded: Loaded, input: InputOf<P, S>) => Promise<Result>;
};

/**
 * Declares a command: the function callers use takes the verified user, then
 * the raw arguments. Order: ids → load (scoped) → permission → body → version → run.
 */
export function command<Args extends unknown[], P extends Located, S extends z.ZodType | undefined, Loaded, Result>(
  spec: CommandSpec<Args, P, S, Loaded, Result>,
) {
  return async (user: SessionUser, ...args: Args): Promise<Result> => {
    assertVerifiedUser(user);
    const { body, ...target } = spec.parse(...args);
    const effects: Array<() => Promise<unknown> | unknown> = [];
    const result = await getDb().$transaction(async (tx) => {
      // A retry of a request already done returns what it answered, before the version check could refuse it.
      const idempotency = await claimIdempotencyKey(tx, user.id, args);
      if (idempotency.replay) return idempotency.response as Result;
      const touched = new Set<string>();
      const ctx = contextFor(tx, user, effects, touched);
      const loaded = await spec.load(ctx, target);
      const allowed = spec.allow(user, loaded, target);
      if (allowed !== true) throw forbidden(allowed);
      const input = (spec.input ? { ...target, ...(parseInput(spec.input, body) as object) } : target) as InputOf<P, S>;
      const check = spec.version?.(loaded, input);
      if (check && check.current !== check.expected) throw await staleVersion(tx, check);
      const value = await spec.run(ctx, loaded, input);
      if (touched.size > 0) await refreshPlacementReadModel(tx, [...touched]);
      await idempotency.remember(value);
      return value;
    });
    for (const effect of effects) {
      try {
        await effect();
      } catch (error) {
        // The change is committed and stays: a failed email is logged, never reported as a failed save.
        console.error("An after-commit effect failed", error);
      }
    }
    return result;
  };
}

function contextFor(
  tx: Tx,
  user: SessionUser,
  effects: Array<() => Promise<unknown> | unknown>,
  touched: Set<string>,
): CommandContext {
  return {
    tx,
    user,
    audit: {
      async created(entity, row, extra) {
        await writeAudit(tx, user, {
          action: "CREATE",
          entity,
          entityId: row.id,
          changes: { ...createdFields(row), ...extra },
        });
      },
      async updated(entity, id, before, after, version) {
        const changes: Record<string, { from: unknown; to: unknown }> = changedFields(before, after);
        if (version) changes.version = version;
        if (Object.keys(changes).length > 0)
          await writeAudit(tx, user, { action: "UPDATE", entity, entityId: id, changes });
        return changes;
      },
      async deleted(entity, row) {
        await writeAudit(tx, user, { action: "DELETE", entity, entityId: row.id, changes: createdFields(row) });
      },
      async entry(action, entity, id, changes) {
        await writeAudit(tx, user, { action, entity, entityId: id, changes });
      },
    },
    afterCommit(effect) {
      effects.push(effect);
    },
    placementChanged(placementId) {
      touched.add(placementId);
    },
  };
}

/** Who changed which fields of a record after `version`, from the audit log: the substance of a 409. */
export async function changesSince(tx: Tx, entity: string, id: string, version: number) {
  const entries = await tx.auditLog.findMany({
    where: { entity, entityId: id, action: "UPDATE" },
    orderBy: { at: "asc" },
    include: { actor: { select: { name: true } } },
  });
  const fields = new Set<string>();
  const people = new Set<string>();
  for (const entry of entries) {
    const changes = (entry.changes ?? {}) as Record<string, { to?: unknown }>;
    if (Number(changes.version?.to ?? 0) <= version) continue;
    for (const field of Object.keys(changes)) if (field !== "version") fields.add(field);
    people.add(entry.actor?.name ?? "Someone");
  }
  return { fields: [...fields], people: [...people] };
}

function inWords(list: string[]) {
  return list.length > 1 ? `${list.slice(0, -1).join(", ")} and ${list.at(-1)}` : (list[0] ?? "");
}

async function staleVersion(tx: Tx, check: VersionCheck) {
  const since = await changesSince(tx, check.entity, check.id, check.expected);
  const who = inWords(since.people) || "Someone else";
  const fields = since.fields.map((field) => check.labels?.[field] ?? field);
  const what = fields.length > 0 ? `the ${inWords(fields)} of ${check.what}` : check.what;
  return conflict(
    `${who} changed ${what} after you opened it. Nothing of yours was saved: copy anything you typed, reload the page, and make your change again.`,
    { currentVersion: check.current, changedFields: since.fields, changedBy: since.people },
  );
}
