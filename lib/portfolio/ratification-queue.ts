import "server-only";
import { getDb } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { finalAssessmentsVisibleTo, hasPepsStage, isStage2PracticeEducator } from "@/lib/access/portfolio";
import { withPepsStage } from "@/lib/portfolio/final-assessment-scope";
import { namesFor, personFields } from "@/lib/portfolio/people";

/** A stage 2 PE's queue: the team's final assessments waiting for ratification that they did not write. */
export async function listAwaitingRatification(user: SessionUser) {
  const db = getDb();
  const viewer = await withPepsStage(db, user);
  const eligible = isStage2PracticeEducator(viewer);
  // Why there is nothing to ratify, for the page to say in words.
  const isPracticeEducator = hasPepsStage(viewer);
  if (!eligible) return { eligible: false, isPracticeEducator, pepsStage: viewer.pepsStage, items: [] };
  const rows = await db.finalAssessment.findMany({
    where: {
      AND: [
        finalAssessmentsVisibleTo(viewer),
        {
          status: "AWAITING_RATIFICATION",
          practiceEducatorId: { not: viewer.id },
          placement: { teamId: viewer.organisationId },
        },
      ],
    },
    orderBy: { updatedAt: "asc" },
    include: {
      practiceEducator: { select: personFields },
      placement: {
        select: {
          id: true,
          level: true,
          setting: true,
          teamId: true,
          studentId: true,
          student: { select: personFields },
        },
      },
    },
  });
  return {
    eligible: true,
    isPracticeEducator,
    pepsStage: viewer.pepsStage,
    items: rows.map((row) => {
      // The ratifier is not on the placement: they read the names of its team and of the student placed with it.
      const names = namesFor(viewer, new Set<string>(), row.placement);
      return {
        id: row.id,
        placementId: row.placement.id,
        studentName: names.name(row.placement.student),
        setting: row.placement.setting,
        level: row.placement.level,
        practiceEducatorName: names.name(row.practiceEducator),
        recommendation: row.recommendation,
        peSignedAt: row.peSignedAt?.toISOString() ?? null,
        waitingSince: row.updatedAt.toISOString(),
      };
    }),
  };
}
