import "server-only";
import { getDb, type Tx } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";
import { canManageFrameworks } from "@/lib/access/portfolio";
import { command, parseId } from "@/lib/core/command";
import { conflict, fieldError, notFound } from "@/lib/errors";
import { fromIsoDate, todayInUk, toIsoDate, type IsoDate } from "@/lib/dates";
import { markAllProgressStale } from "@/lib/progress/read-model";
import { frameworkInForceOn, frameworksInForceOn, newVersionStartProblem } from "@/lib/frameworks/in-force";
import { frameworkItemSchema, levelDescriptorSchema, newFrameworkVersionSchema } from "@/lib/validations/frameworks";

// Frameworks are versioned data (docs/domain.md "Frameworks and the
// portfolio"): the admin corrects
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

/** The version of a framework (by code: PCF, SWE, KSS) that applies on a day, with its items in order. */
export async function frameworkInForce(tx: Tx, code: string, on: IsoDate = todayInUk()) {
  return tx.framework.findFirst({
    where: { code, ...frameworksInForceOn(on) },
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
    inForce: frameworkInForceOn({ effectiveFrom: from, effectiveTo: to }, today),
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
  const framework = await db.framework.findUnique({
    where: { id: parseId(frameworkId, "That framework") },
    include: withItems,
  });
  if (!framework) throw notFound("That framework");
  const later = await db.framework.count({
    where: { code: framework.code, effectiveFrom: { gt: framework.effectiveFrom } },
  });
  return { ...presentFramework(framework, todayInUk()), isLatest: later === 0 };
}

const onlyTheTeamManager = (user: SessionUser) =>
  canManageFrameworks(user) || "Only the team manager edits frameworks.";

/** The admin corrects a domain's name or description; a stale version is a 409 and nothing changes. */
export const updateFrameworkItem = command({
  parse: (itemId: string, body: unknown) => ({ itemId: parseId(itemId, "That framework item"), body: body ?? {} }),
  input: frameworkItemSchema,
  // Frameworks are reference text every signed-in user reads: only the write is the team manager's.
  async load({ tx }, input) {
    const item = await tx.frameworkItem.findUnique({ where: { id: input.itemId } });
    if (!item) throw notFound("That framework item");
    return item;
  },
  allow: onlyTheTeamManager,
  version: (item, data) => ({
    entity: "FrameworkItem",
    id: item.id,
    current: item.version,
    expected: data.version,
    what: "this item",
    labels: { name: "name", description: "description" },
  }),
  async run({ tx, audit }, before, data) {
    const next = { name: data.name, description: data.description };
    const { count } = await tx.frameworkItem.updateMany({
      where: { id: before.id, version: data.version },
      data: { ...next, version: { increment: 1 } },
    });
    if (count === 0) throw conflict("Someone else saved this item at the same moment. Reload and try again.");
    await audit.updated("FrameworkItem", before.id, before, next, { from: data.version, to: data.version + 1 });
    // Every placement's coverage names the domains: recomputed on its next read and by the daily job.
    await markAllProgressStale(tx);
    return { id: before.id, version: data.version + 1 };
  },
});

/** The admin corrects what a domain looks like at a level. */
export const updateLevelDescriptor = command({
  parse: (descriptorId: string, body: unknown) => ({
    descriptorId: parseId(descriptorId, "That level descriptor"),
    body: body ?? {},
  }),
  input: levelDescriptorSchema,
  async load({ tx }, input) {
    const descriptor = await tx.frameworkLevelDescriptor.findUnique({ where: { id: input.descriptorId } });
    if (!descriptor) throw notFound("That level descriptor");
    return descriptor;
  },
  allow: onlyTheTeamManager,
  version: (descriptor, data) => ({
    entity: "FrameworkLevelDescriptor",
    id: descriptor.id,
    current: descriptor.version,
    expected: data.version,
    what: "this descriptor",
    labels: { text: "text" },
  }),
  async run({ tx, audit }, before, data) {
    const { count } = await tx.frameworkLevelDescriptor.updateMany({
      where: { id: before.id, version: data.version },
      data: { text: data.text, version: { increment: 1 } },
    });
    if (count === 0) throw conflict("Someone else saved this descriptor at the same moment. Reload and try again.");
    await audit.updated(
      "FrameworkLevelDescriptor",
      before.id,
      before,
      { text: data.text },
      { from: data.version, to: data.version + 1 },
    );
    return { id: before.id, version: data.version + 1 };
  },
});

/**
 * A new version of a framework: a new Framework row with copies of the latest
 * version's items and descriptors, in force from the given day; the previous
 * version ends that day. Old evidence keeps pointing at the old items.
 */
export const addFrameworkVersion = command({
  parse: (frameworkId: string, body: unknown) => ({
    frameworkId: parseId(frameworkId, "That framework"),
    body: body ?? {},
  }),
  input: newFrameworkVersionSchema,
  async load({ tx }, input) {
    const source = await tx.framework.findUnique({ where: { id: input.frameworkId }, include: withItems });
    if (!source) throw notFound("That framework");
    return source;
  },
  allow: onlyTheTeamManager,
  async run({ tx, audit }, source, data) {
    const later = await tx.framework.count({
      where: { code: source.code, effectiveFrom: { gt: source.effectiveFrom } },
    });
    if (later > 0) throw conflict("A newer version of this framework exists: add the new version from the latest one.");
    const problem = newVersionStartProblem(toIsoDate(source.effectiveFrom), data.effectiveFrom);
    if (problem) throw fieldError("effectiveFrom", problem);
    if (await tx.framework.findUnique({ where: { code_version: { code: source.code, version: data.version } } }))
      throw fieldError("version", "That version label is already used for this framework");
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
    await audit.created("Framework", created, {
      copiedFrom: source.id,
      items: source.items.map((item) => item.code),
    });
    await audit.updated("Framework", source.id, source, { effectiveTo: endsOn });
    // Coverage is measured against the version in force: every placement's progress is recomputed.
    await markAllProgressStale(tx);
    return { id: created.id };
  },
});
