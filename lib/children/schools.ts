import "server-only";
import { getDb } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";
import { canSeePartnerSchools } from "@/lib/access/children";

/** The team's partner schools, for the team's own staff; tutors and students choose none. */
export async function listSchools(user: SessionUser) {
  assertVerifiedUser(user);
  if (!canSeePartnerSchools(user)) return [];
  return getDb().school.findMany({
    where: { teamId: user.organisationId },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}
