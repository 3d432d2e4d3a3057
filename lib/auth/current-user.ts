import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { getDb } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";

/**
 * The signed-in user, read from the database on every request (once per
 * request, cached), so a deactivated account or a changed role takes effect
 * at once rather than when the session cookie expires.
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = (await getServerSession(authOptions)) as { userId?: string } | null;
  const userId = session?.userId;
  if (!userId) return null;
  const user = await getDb().user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, role: true, organisationId: true, active: true },
  });
  if (!user || !user.active) return null;
  const { active: _active, ...sessionUser } = user;
  return sessionUser;
});

/** For pages and server actions: the user, or a redirect to sign in. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in");
  return user;
}
