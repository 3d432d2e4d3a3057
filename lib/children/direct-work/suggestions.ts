import "server-only";
import { getDb } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";
import { canSeeSuggestionTree } from "@/lib/access/children";
import { forbidden } from "@/lib/errors";
import { redactChild } from "@/lib/children/present-child";

// What children and carers said could be better, across the team: the
// "suggestion tree" (docs/domain.md, "Children's work"). Anonymised before it
// leaves here.

/**
 * Everything children and carers said "could be better", across the team,
 * grouped by the session's theme and then by suggestion (how many asked for
 * the same thing): the "suggestion tree". Anonymised: no child, code,
 * session or date, and the child's own names taken out of the text.
 */
export async function listSuggestionTree(user: SessionUser) {
  assertVerifiedUser(user);
  if (!canSeeSuggestionTree(user))
    throw forbidden("Only the team manager and practice educators see the suggestion tree.");
  const rows = await getDb().childFeedback.findMany({
    where: {
      whatCouldBeBetter: { not: "" },
      session: { programme: { allocation: { child: { teamId: user.organisationId } } } },
    },
    orderBy: { createdAt: "desc" },
    take: 5_000,
    select: {
      rating: true,
      whatCouldBeBetter: true,
      givenBy: true,
      session: {
        select: {
          theme: true,
          programme: {
            select: { allocation: { select: { child: { select: { firstName: true, lastName: true, code: true } } } } },
          },
        },
      },
    },
  });
  // Theme → distinct suggestion (the same words, ignoring case, spacing and end punctuation) → how often it was asked for.
  type Leaf = { text: string; count: number; byChild: number; byCarer: number; ratingSum: number };
  const branches = new Map<string, { theme: string; count: number; ratingSum: number; leaves: Map<string, Leaf> }>();
  for (const row of rows) {
    const theme = row.session.theme;
    const branch = branches.get(theme) ?? { theme, count: 0, ratingSum: 0, leaves: new Map<string, Leaf>() };
    const text = redactChild(row.whatCouldBeBetter, row.session.programme.allocation.child).trim();
    const key = text
      .toLowerCase()
      .replace(/\s+/g, " ")
      .replace(/[.!?…\s]+$/u, "");
    const leaf = branch.leaves.get(key) ?? { text, count: 0, byChild: 0, byCarer: 0, ratingSum: 0 };
    leaf.count++;
    if (row.givenBy === "CARER") leaf.byCarer++;
    else leaf.byChild++;
    leaf.ratingSum += row.rating;
    branch.count++;
    branch.ratingSum += row.rating;
    branch.leaves.set(key, leaf);
    branches.set(theme, branch);
  }
  const average = (sum: number, count: number) => Math.round((sum / count) * 10) / 10;
  const themes = [...branches.values()]
    .map((branch) => ({
      theme: branch.theme,
      count: branch.count,
      averageRating: average(branch.ratingSum, branch.count),
      suggestions: [...branch.leaves.values()]
        .sort((a, b) => b.count - a.count || a.text.localeCompare(b.text))
        .map((leaf) => ({
          text: leaf.text,
          count: leaf.count,
          byChild: leaf.byChild,
          byCarer: leaf.byCarer,
          averageRating: average(leaf.ratingSum, leaf.count),
        })),
    }))
    .sort((a, b) => b.count - a.count || a.theme.localeCompare(b.theme));
  return { total: rows.length, themes };
}
