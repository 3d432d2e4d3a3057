import "server-only";
import { getDb, type Tx } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";
import { AppError, conflict, forbidden, notFound, parseInput } from "@/lib/errors";
import { changedFields, writeAudit } from "@/lib/audit";
import { fromIsoDate, todayInUk, toIsoDate, type IsoDate } from "@/lib/dates";
import { frameworkItemSchema, levelDescriptorSchema, newFrameworkVersionSchema } from "@/lib/validations/frameworks";

// Frameworks are versioned data (DOMAIN.md "Frameworks"): the admin corrects
// the text of a version without a code change, and a revision is a new
// Framework row with copies of the items, so evidence linked to the old items
// keeps its meaning. lib/frameworks/pcf.ts keeps the stable PCF codes that
// supervision records use.

export const CAPABILITY_LEVEL_LABELS = {
  READINESS_FOR_DIRECT_PRACTICE: "Readiness for direct practice",
  END_OF_FIRST_PLACEMENT: "End of first placement",
  END_OF_LAST_PLACEMENT: "End of last placement",
} as const;
export type CapabilityLevelName = keyof typeof CAPABILITY_LEVEL_LABELS;

/** The PCF level a placement is assessed at. */
export function capabilityLevelFor(placementLevel: "FIRST" | "FINAL"): CapabilityLevelName {
  return placementLevel === "FINAL" ? "END_OF_LAST_PLACEMENT" : "END_OF_FIRST_PLACEMENT";
}

/** Only the team manager edits frameworks. */
export function canManageFrameworks(user: SessionUser): boolean {
  return user.role === "ADMIN";
}

/** The version of a framework (by code: PCF, SWE, KSS) that applies on a day, with its items in order. */
export async function frameworkInForce(tx: Tx, code: string, on: IsoDate = todayInUk()) {
  const day = fromIsoDate(on);
  return tx.framework.findFirst({
    where: { code, effectiveFrom: { lte: day }, OR: [{ effectiveTo: null }, { effectiveTo: { gt: day } }] },
    orderBy: { effectiveFrom: "desc" },
    include: { items: { orderBy: { number: "asc" }, include: { levelDescriptors: true } } },
  });
}

function presentFramework(
  framework: {
    id: string;
    code: string;
    name: string;
    version: string;
    publishedBy: string;
    effectiveFrom: Date;
    effectiveTo: Date | null;
    items: Array<{
      id: string;
      number: number;
      code: string;
      name: string;
      superDomain: string | null;
      description: string;
      version: number;
      levelDescriptors: Array<{ id: string; level: string; text: string; version: number }>;
    }>;
  },
  today: IsoDate,
) {
  const from = toIsoDate(framework.effectiveFrom);
  const to = framework.effectiveTo ? toIsoDate(framework.effectiveTo) : null;
  return {
    id: framework.id,
    code: framework.code,
    name: framework.name,
    version: framework.version,
    publishedBy: framework.publishedBy,
    effectiveFrom: from,
    effectiveTo: to,
    inForce: from <= today && (to === null || to > today),
    items: framework.items.map((item) => ({
      id: item.id,
      number: item.number,
      code: item.code,
      name: item.name,
      superDomain: item.superDomain,
      description: item.description,
      version: item.version,
      levelDescriptors: Object.keys(CAPABILITY_LEVEL_LABELS)
        .map((level) => item.levelDescriptors.find((descriptor) => descriptor.level === level))
        .filter((descriptor) => descriptor !== undefined)
        .map((descriptor) => ({
          id: descriptor.id,
          level: descriptor.level as CapabilityLevelName,
          text: descriptor.text,
          version: descriptor.version,
        })),
    })),
  };
}

export type FrameworkDto = ReturnType<typeof presentFramework>;

const withItems = { items: { orderBy: { number: "asc" as const }, include: { levelDescriptors: true } } };

/** Every framework and version, items and descriptors: reference text anyone signed in may read. */
export async function listFrameworks(user: SessionUser) {
  assertVerifiedUser(user);
  const frameworks = await getDb().framework.findMany({
    orderBy: [{ code: "asc" }, { effectiveFrom: "asc" }],
    include: withItems,
  });
  const today = todayInUk();
  return frameworks.map((framework) => presentFramework(framework, today));
}

/** The admin's list of frameworks: the same data, behind the admin's screen (404 for anyone else, like every admin page). */
export async function listFrameworksForAdmin(user: SessionUser) {
  assertVerifiedUser(user);
  if (!canManageFrameworks(user)) throw notFound("That page");
  return listFrameworks(user);
}

/** One framework version for the admin's screens. */
export async function getFrameworkForAdmin(user: SessionUser, frameworkId: string) {
  assertVerifiedUser(user);
  if (!canManageFrameworks(user)) throw notFound("That framework");
  const db = getDb();
  const framework = await db.framework.findUnique({ where: { id: frameworkId }, include: withItems });
  if (!framework) throw notFound("That framework");
  const later = await db.framework.count({
    where: { code: framework.code, effectiveFrom: { gt: framework.effectiveFrom } },
  });
  return { ...presentFramework(framework, todayInUk()), isLatest: later === 0 };
}

/** The admin corrects a domain's name or description; a stale version is a 409 and nothing changes. */
export async function updateFrameworkItem(user: SessionUser, itemId: string, input: unknown) {
  assertVerifiedUser(user);
  if (!canManageFrameworks(user)) throw forbidden("Only the team manager edits frameworks.");
  const data = parseInput(frameworkItemSchema, input ?? {});
  return getDb().$transaction(async (tx) => {
    const before = await tx.frameworkItem.findUnique({ where: { id: itemId } });
    if (!before) throw notFound("That framework item");
    if (before.version !== data.version)
      throw conflict(
        "Someone else changed this item after you opened it. Nothing was saved: reload to see their change.",
        { currentVersion: before.version },
      );
    const next = { name: data.name, description: data.description };
    const { count } = await tx.frameworkItem.updateMany({
      where: { id: itemId, version: data.version },
      data: { ...next, version: { increment: 1 } },
    });
    if (count === 0) throw conflict("Someone else saved this item at the same moment. Reload and try again.");
    await writeAudit(tx, user, {
      action: "UPDATE",
      entity: "FrameworkItem",
      entityId: itemId,
      changes: { ...changedFields(before, next), version: { from: data.version, to: data.version + 1 } },
    });
    return { id: itemId, version: data.version + 1 };
  });
}

/** The admin corrects what a domain looks like at a level. */
export async function updateLevelDescriptor(user: SessionUser, descriptorId: string, input: unknown) {
  assertVerifiedUser(user);
  if (!canManageFrameworks(user)) throw forbidden("Only the team manager edits frameworks.");
  const data = parseInput(levelDescriptorSchema, input ?? {});
  return getDb().$transaction(async (tx) => {
    const before = await tx.frameworkLevelDescriptor.findUnique({ where: { id: descriptorId } });
    if (!before) throw notFound("That level descriptor");
    if (before.version !== data.version)
      throw conflict(
        "Someone else changed this descriptor after you opened it. Nothing was saved: reload to see their change.",
        { currentVersion: before.version },
      );
    const { count } = await tx.frameworkLevelDescriptor.updateMany({
      where: { id: descriptorId, version: data.version },
      data: { text: data.text, version: { increment: 1 } },
    });
    if (count === 0) throw conflict("Someone else saved this descriptor at the same moment. Reload and try again.");
    await writeAudit(tx, user, {
      action: "UPDATE",
      entity: "FrameworkLevelDescriptor",
      entityId: descriptorId,
      changes: { ...changedFields(before, { text: data.text }), version: { from: data.version, to: data.version + 1 } },
    });
    return { id: descriptorId, version: data.version + 1 };
  });
}

/**
 * A new version of a framework: a new Framework row with copies of the latest
 * version's items and descriptors, in force from the given day; the previous
 * version ends that day. Old evidence keeps pointing at the old items.
 */
export async function addFrameworkVersion(user: SessionUser, frameworkId: string, input: unknown) {
  assertVerifiedUser(user);
  if (!canManageFrameworks(user)) throw forbidden("Only the team manager edits frameworks.");
  const data = parseInput(newFrameworkVersionSchema, input ?? {});
  return getDb().$transaction(async (tx) => {
    const source = await tx.framework.findUnique({ where: { id: frameworkId }, include: withItems });
    if (!source) throw notFound("That framework");
    const later = await tx.framework.count({
      where: { code: source.code, effectiveFrom: { gt: source.effectiveFrom } },
    });
    if (later > 0) throw conflict("A newer version of this framework exists: add the new version from the latest one.");
    if (data.effectiveFrom <= toIsoDate(source.effectiveFrom)) {
      throw new AppError("validation", "Check the highlighted fields.", {
        effectiveFrom: [
          `The new version must apply from after ${toIsoDate(source.effectiveFrom)}, when this version began`,
        ],
      });
    }
    if (await tx.framework.findUnique({ where: { code_version: { code: source.code, version: data.version } } })) {
      throw new AppError("validation", "Check the highlighted fields.", {
        version: ["That version label is already used for this framework"],
      });
    }
    const created = await tx.framework.create({
      data: {
        code: source.code,
        name: source.name,
        version: data.version,
        publishedBy: source.publishedBy,
        effectiveFrom: fromIsoDate(data.effectiveFrom),
        effectiveTo: null,
      },
    });
    for (const item of source.items) {
      await tx.frameworkItem.create({
        data: {
          frameworkId: created.id,
          number: item.number,
          code: item.code,
          name: item.name,
          superDomain: item.superDomain,
          description: item.description,
          levelDescriptors: {
            create: item.levelDescriptors.map((descriptor) => ({ level: descriptor.level, text: descriptor.text })),
          },
        },
      });
    }
    const endsOn = fromIsoDate(data.effectiveFrom);
    await tx.framework.update({ where: { id: source.id }, data: { effectiveTo: endsOn } });
    await writeAudit(tx, user, {
      action: "CREATE",
      entity: "Framework",
      entityId: created.id,
      changes: {
        code: created.code,
        version: created.version,
        effectiveFrom: data.effectiveFrom,
        copiedFrom: source.id,
        items: source.items.map((item) => item.code),
      },
    });
    await writeAudit(tx, user, {
      action: "UPDATE",
      entity: "Framework",
      entityId: source.id,
      changes: changedFields(source, { effectiveTo: endsOn }),
    });
    return { id: created.id };
  });
}
