import "server-only";
import { getDb, type Tx } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";
import { allocationsVisibleTo, canAddTheme, canSeeThemes } from "@/lib/access/children";
import { command, parseId } from "@/lib/core/command";
import { writeAudit } from "@/lib/audit";
import { AppError, conflict, forbidden, invalid, notFound } from "@/lib/errors";
import { addThemeSchema, DEFAULT_THEMES, MAX_THEMES } from "@/lib/validations/direct-work";

// The themes a plan of sessions is built from: each team's own list, which
// starts with the defaults docs/domain.md lists and which the team manager
// extends.

/** Gives a team the default themes the first time they are needed: a system write, audited without an actor. */
async function ensureDefaultThemes(tx: Tx, teamId: string) {
  if (await tx.directWorkTheme.findFirst({ where: { teamId }, select: { id: true } })) return;
  await tx.directWorkTheme.createMany({ data: DEFAULT_THEMES.map((name) => ({ teamId, name })), skipDuplicates: true });
  await writeAudit(tx, null, {
    action: "CREATE",
    entity: "DirectWorkTheme",
    entityId: teamId,
    changes: { defaultThemes: [...DEFAULT_THEMES] },
  });
}

/** The defaults in the order docs/domain.md lists them (they are created together), then the team's own in the order added. */
function inListOrder(names: string[]): string[] {
  const rank = (name: string) => {
    const index = (DEFAULT_THEMES as readonly string[]).indexOf(name);
    return index === -1 ? DEFAULT_THEMES.length : index;
  };
  return names
    .map((name, index) => ({ name, index }))
    .sort((a, b) => rank(a.name) - rank(b.name) || a.index - b.index)
    .map((entry) => entry.name);
}

/** The team's active themes, in list order. */
export async function activeThemes(tx: Tx, teamId: string): Promise<string[]> {
  await ensureDefaultThemes(tx, teamId);
  const rows = await tx.directWorkTheme.findMany({
    where: { teamId, active: true },
    orderBy: [{ createdAt: "asc" }, { name: "asc" }],
    take: MAX_THEMES,
    select: { name: true },
  });
  return inListOrder(rows.map((row) => row.name));
}

/** Every theme chosen must be on the team's list: a 422 naming each field that is not. */
export function checkThemes(themes: string[], allowed: string[], field: (index: number) => string) {
  const known = new Set(allowed);
  const errors: Record<string, string[]> = {};
  themes.forEach((theme, index) => {
    if (!known.has(theme)) errors[field(index)] = ["Choose a theme from the team's list"];
  });
  if (Object.keys(errors).length > 0) throw invalid("Check the highlighted fields.", errors);
}

/** The team's session themes (team manager and practice educators). */
export async function listThemes(user: SessionUser) {
  assertVerifiedUser(user);
  if (!canSeeThemes(user)) throw forbidden("Only the team manager and practice educators manage session themes.");
  return getDb().$transaction((tx) => activeThemes(tx, user.organisationId));
}

/** The themes a plan on this allocation can use: the child's team's list. */
export async function themesForAllocation(user: SessionUser, allocationId: string) {
  assertVerifiedUser(user);
  const id = parseId(allocationId, "That allocation");
  return getDb().$transaction(async (tx) => {
    const allocation = await tx.allocation.findFirst({
      where: { AND: [allocationsVisibleTo(user), { id }] },
      select: { child: { select: { teamId: true } } },
    });
    if (!allocation) throw notFound("That allocation");
    return activeThemes(tx, allocation.child.teamId);
  });
}

/** The team manager adds a theme to the team's list (or brings back one taken off it). */
export const addTheme = command({
  parse: (body: unknown) => ({ body }),
  input: addThemeSchema,
  load: async () => null,
  allow: (user) => canAddTheme(user) || "Only the team manager adds session themes.",
  async run({ tx, user, audit }, _nothing, { name }) {
    await ensureDefaultThemes(tx, user.organisationId);
    const same = await tx.directWorkTheme.findFirst({
      where: { teamId: user.organisationId, name: { equals: name, mode: "insensitive" } },
    });
    if (same?.active)
      throw new AppError("conflict", "That theme is already in the list.", {
        name: ["That theme is already in the list"],
      });
    if ((await tx.directWorkTheme.count({ where: { teamId: user.organisationId, active: true } })) >= MAX_THEMES)
      throw conflict(`The team's list has ${MAX_THEMES} themes, the most it can hold.`);
    if (same) {
      await tx.directWorkTheme.update({ where: { id: same.id }, data: { active: true } });
      await audit.updated("DirectWorkTheme", same.id, { active: false }, { active: true });
      return { id: same.id, name: same.name };
    }
    const theme = await tx.directWorkTheme.create({ data: { teamId: user.organisationId, name } });
    await audit.created("DirectWorkTheme", theme);
    return { id: theme.id, name: theme.name };
  },
});
