import type { SessionUser } from "@/lib/auth/session-user";
import { unauthenticated } from "@/lib/errors";
import { noteRequestUser } from "@/lib/observability/request-context";

/**
 * Every access filter starts here. An undefined id dropped into a Prisma
 * `where` silently removes the filter (and shows everything), so a missing or
 * partial user is refused before any query is built.
 */
export function assertVerifiedUser(user: SessionUser | null | undefined): asserts user is SessionUser {
  if (!user || typeof user.id !== "string" || !user.id || !user.role || !user.organisationId) throw unauthenticated();
  // The request's log line names who it acted for (by id only).
  noteRequestUser(user.id);
}
