import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";
import { teamOfApiToken } from "@/lib/access/placements";

/**
 * placementsVisibleTo (lib/access/placements.ts) as a SQL condition on the
 * placement aliased `p`, for the hot reads that skip Prisma's query compiler
 * (lib/progress/hot-reads.ts). The same rule written twice:
 * tests/db/placements-visible-sql.test.ts proves both select the same
 * placements for every user of a generated world, so change both together.
 */
export function placementsVisibleSql(user: SessionUser): Prisma.Sql {
  assertVerifiedUser(user);
  switch (user.role) {
    case "ADMIN":
      return Prisma.sql`p."teamId" = ${user.organisationId}`;
    case "PRACTICE_EDUCATOR":
      // Past PEs keep read access to the placements they assessed.
      return Prisma.sql`EXISTS (SELECT 1 FROM "PracticeEducatorAssignment" v WHERE v."placementId" = p.id AND v."practiceEducatorId" = ${user.id})`;
    case "ONSITE_SUPERVISOR":
      return Prisma.sql`p."onsiteSupervisorId" = ${user.id}`;
    case "STUDENT":
      return Prisma.sql`p."studentId" = ${user.id}`;
    case "UNIVERSITY_TUTOR": {
      const team = teamOfApiToken(user);
      const ofTeam = team ? Prisma.sql` AND p."teamId" = ${team}` : Prisma.empty;
      return Prisma.sql`(EXISTS (SELECT 1 FROM "StudentProfile" v WHERE v."userId" = p."studentId" AND v."universityId" = ${user.organisationId})${ofTeam})`;
    }
    case "SCHOOL_CONTACT":
    case "EXTERNAL_EXAMINER":
    case "SERVICE_USER_REPRESENTATIVE":
    case "LEADERSHIP":
      // Panel members read sampled PADs through lib/access/panels.ts, never the placement lists.
      return Prisma.sql`FALSE`;
  }
}
