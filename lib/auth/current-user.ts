import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import type { SessionUser } from "@/lib/auth/session-user";
import { SESSION_COOKIE } from "@/lib/auth/session-rules";
import { sessionOfToken, type ActiveSession } from "@/lib/auth/sessions";

/**
 * The session of this request's cookie, checked against the database on every
 * request (once per request, cached): a signed-out, expired or revoked
 * session, or a deactivated account, is refused at once on every instance.
 */
export const getCurrentSession = cache(async (): Promise<ActiveSession | null> => {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  return sessionOfToken(token);
});

/** The signed-in user, read fresh from the database. */
export async function getCurrentUser(): Promise<SessionUser | null> {
  return (await getCurrentSession())?.user ?? null;
}

/** For pages and server actions: the user, or a redirect to sign in. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in");
  return user;
}
