import "server-only";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/session-user";
import { milestonesVisibleTo } from "@/lib/access/portfolio";
import { keysetOrder, keysetWhere, pageOf, type KeysetPage } from "@/lib/core/paging";
import { toIsoDate } from "@/lib/dates";
import { z } from "zod";

// GET /api/v1/milestones: the learning agreement, midpoint and final review
// meetings of the placements the caller may see, a page at a time in
// (updatedAt, id) order, for a university system to sync.

/** The list's filters; an unknown value is ignored, never an error. */
export const milestoneFiltersSchema = z.object({
  placementId: z.string().max(64).optional().catch(undefined),
  kind: z.enum(["LEARNING_AGREEMENT", "MIDPOINT_REVIEW", "FINAL_REVIEW"]).optional().catch(undefined),
});

const milestoneSelect = {
  id: true,
  placementId: true,
  kind: true,
  heldOn: true,
  attendees: true,
  recommendation: true,
  actionPlan: true,
  earlyReason: true,
  daysCompletedAtMeeting: true,
  notes: true,
  learningNeeds: true,
  learningOpportunities: true,
  reasonableAdjustments: true,
  supervisionArrangements: true,
  createdAt: true,
  updatedAt: true,
  recordedBy: { select: { name: true } },
} satisfies Prisma.PlacementMilestoneSelect;

type MilestoneRow = Prisma.PlacementMilestoneGetPayload<{ select: typeof milestoneSelect }>;

function toMilestone(row: MilestoneRow) {
  return {
    id: row.id,
    placementId: row.placementId,
    kind: row.kind,
    heldOn: toIsoDate(row.heldOn),
    attendees: row.attendees,
    recommendation: row.recommendation,
    daysCompletedAtMeeting: row.daysCompletedAtMeeting,
    actionPlan: row.actionPlan,
    earlyReason: row.earlyReason,
    notes: row.notes,
    learningAgreement:
      row.kind === "LEARNING_AGREEMENT"
        ? {
            learningNeeds: row.learningNeeds,
            learningOpportunities: row.learningOpportunities,
            reasonableAdjustments: row.reasonableAdjustments,
            supervisionArrangements: row.supervisionArrangements,
          }
        : null,
    recordedByName: row.recordedBy.name,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export type MilestoneListRow = ReturnType<typeof toMilestone>;

export async function listMilestonesPage(
  user: SessionUser,
  filters: z.output<typeof milestoneFiltersSchema>,
  page: KeysetPage,
): Promise<{ milestones: MilestoneListRow[]; nextCursor: string | null }> {
  const and: Prisma.PlacementMilestoneWhereInput[] = [
    milestonesVisibleTo(user),
    ...(keysetWhere(page) as Prisma.PlacementMilestoneWhereInput[]),
  ];
  if (filters.placementId) and.push({ placementId: filters.placementId });
  if (filters.kind) and.push({ kind: filters.kind });
  const rows = await getDb().placementMilestone.findMany({
    where: { AND: and },
    orderBy: keysetOrder,
    take: page.limit + 1,
    select: milestoneSelect,
  });
  const { rows: pageRows, nextCursor } = pageOf(rows, page.limit);
  return { milestones: pageRows.map(toMilestone), nextCursor };
}
