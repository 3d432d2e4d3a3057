import type { Prisma } from "@/lib/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";

// Partner schools in the app (docs/domain.md, "Partner schools"). A school
// contact (the designated safeguarding lead or a named teacher) has a light
// account for one school: they ask the team for support for a pupil and
// follow their own school's requests. They see no child record, placement,
// supervision, evidence or assessment, and no other school's anything.

/** Who asks for support through the app: a school contact linked to a school. */
export function canRequestSupport(user: SessionUser): boolean {
  return user.role === "SCHOOL_CONTACT";
}

/** Who triages the schools' requests (accept, decline with a reason, allocate): the team manager. */
export function canTriageSchoolRequests(user: SessionUser): boolean {
  return user.role === "ADMIN";
}

/** The referrals a school contact follows: their own school's, of their own team. Nobody else gets any through this filter. */
export function schoolReferralsVisibleTo(user: SessionUser, schoolId: string | null): Prisma.ReferralWhereInput {
  assertVerifiedUser(user);
  if (user.role !== "SCHOOL_CONTACT" || !schoolId) return { id: { in: [] } };
  return { schoolId, school: { teamId: user.organisationId } };
}

/**
 * Who reads the impact report, and how: the team manager in full ("team"),
 * a school contact about their own pupils only, aggregated with small numbers
 * hidden ("school"), the council's leadership across the team's schools,
 * aggregated with small numbers hidden ("leadership": the shared version,
 * which the team manager previews, prints or downloads with `audience=shared`).
 */
export function impactReportAudience(user: SessionUser): "team" | "school" | "leadership" | null {
  if (user.role === "ADMIN") return "team";
  if (user.role === "SCHOOL_CONTACT") return "school";
  if (user.role === "LEADERSHIP") return "leadership";
  return null;
}
