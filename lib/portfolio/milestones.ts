import "server-only";
import { getDb, type Tx } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";
import { canRecordMilestone, milestonesVisibleTo, placementOpenForPortfolio } from "@/lib/access/portfolio";
import { conflict, forbidden, notFound, parseInput } from "@/lib/errors";
import { changedFields, createdFields, writeAudit } from "@/lib/audit";
import { formatDate, fromIsoDate, todayInUk, toIsoDate } from "@/lib/dates";
import { summariseDays } from "@/lib/placements/placement-days";
import {
  finalReviewEarlyProblem,
  MILESTONE_LABELS,
  MILESTONE_RECOMMENDATIONS,
  midpointActionPlanProblem,
  placementMilestones,
  type MilestoneKindName,
} from "@/lib/portfolio/milestone-rules";
import {
  fieldProblem,
  milestoneFacts,
  placementForReviews,
  placementSummary,
  type ReviewPlacement,
} from "@/lib/portfolio/review-placement";
import { milestoneKindOf, recordMilestoneSchema, SLUG_OF } from "@/lib/validations/milestone";
import { notify } from "@/lib/notifications/notifications";
import { AppError } from "@/lib/errors";
import type { z } from "zod";

// The three review meetings of a placement (DOMAIN.md "Milestones and
// assessment"): one of each kind, recorded by the current PE. Due dates and
// states come from lib/portfolio/milestone-rules.ts.

type MilestoneInput = z.output<typeof recordMilestoneSchema>;

export function kindOrNotFound(kind: string): MilestoneKindName {
  const found = milestoneKindOf(String(kind));
  if (!found) throw notFound("That review meeting");
  return found;
}

async function loadMilestones(tx: Tx, user: SessionUser, placementId: string) {
  return tx.placementMilestone.findMany({
    where: { AND: [milestonesVisibleTo(user), { placementId }] },
    include: { recordedBy: { select: { name: true } } },
  });
}

type MilestoneRow = Awaited<ReturnType<typeof loadMilestones>>[number];

function toDto(row: MilestoneRow) {
  return {
    id: row.id,
    kind: row.kind as MilestoneKindName,
    heldOn: toIsoDate(row.heldOn),
    attendees: row.attendees,
    notes: row.notes,
    learningNeeds: row.learningNeeds,
    learningOpportunities: row.learningOpportunities,
    reasonableAdjustments: row.reasonableAdjustments,
    supervisionArrangements: row.supervisionArrangements,
    recommendation: row.recommendation,
    actionPlan: row.actionPlan,
    earlyReason: row.earlyReason,
    daysCompletedAtMeeting: row.daysCompletedAtMeeting,
    recordedByName: row.recordedBy.name,
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

export type MilestoneRecord = ReturnType<typeof toDto>;

/** The three meetings with due dates, states and what was recorded; the supervision dates the midpoint asks for. */
export async function getMilestones(user: SessionUser, placementId: string) {
  const db = getDb();
  const placement = await placementForReviews(db, user, placementId);
  const today = todayInUk();
  const [rows, facts, sessions] = await Promise.all([
    loadMilestones(db, user, placement.id),
    milestoneFacts(db, placement),
    // Dates only: the midpoint review lists the sessions held, not what was said in them.
    db.supervisionRecord.findMany({
      where: { placementId: placement.id, heldOn: { lte: fromIsoDate(today) } },
      select: { heldOn: true },
      orderBy: { heldOn: "asc" },
    }),
  ]);
  const summaries = placementMilestones({
    startDate: toIsoDate(placement.startDate),
    requiredDays: placement.requiredDays,
    absenceDays: facts.absenceDays,
    status: placement.status,
    held: facts.heldOn,
    today,
  });
  const days = summariseDays({
    requiredDays: placement.requiredDays,
    startDate: toIsoDate(placement.startDate),
    endDate: toIsoDate(placement.endDate),
    attendance: facts.attendance,
    today,
  });
  const canRecord = canRecordMilestone(user, placement) && placementOpenForPortfolio(placement);
  return {
    placement: placementSummary(placement),
    daysCompleted: days.completed,
    absenceDays: facts.absenceDays,
    supervisionSessionDates: sessions.map((session) => toIsoDate(session.heldOn)),
    milestones: summaries.map((summary) => {
      const row = rows.find((candidate) => candidate.kind === summary.kind);
      return { ...summary, slug: SLUG_OF[summary.kind], record: row ? toDto(row) : null };
    }),
    permissions: { canRecord },
  };
}

/** The rules of each kind of meeting, with the placement's days at the meeting. */
async function checkMeeting(tx: Tx, placement: ReviewPlacement, kind: MilestoneKindName, data: MilestoneInput) {
  const start = toIsoDate(placement.startDate);
  if (data.heldOn < start)
    throw fieldProblem("heldOn", `The meeting cannot be before the placement started (${formatDate(start)})`);
  if (data.heldOn > todayInUk()) throw fieldProblem("heldOn", "Record the meeting once it has happened");

  const problems: Record<string, string[]> = {};
  const allowed = MILESTONE_RECOMMENDATIONS[kind];
  if (allowed.length === 0 && data.recommendation)
    problems.recommendation = ["The learning agreement has no recommendation"];
  if (allowed.length > 0 && !data.recommendation) problems.recommendation = ["Choose a recommendation"];
  if (allowed.length > 0 && data.recommendation && !allowed.includes(data.recommendation))
    problems.recommendation = [`Choose one of: ${allowed.join(", ")}`];
  if (kind === "LEARNING_AGREEMENT") {
    if (!data.learningNeeds) problems.learningNeeds = ["Enter the student's learning needs"];
    if (!data.learningOpportunities) problems.learningOpportunities = ["Enter the learning opportunities promised"];
    if (!data.supervisionArrangements) problems.supervisionArrangements = ["Enter the supervision arrangements"];
  }
  if (kind === "MIDPOINT_REVIEW") {
    const problem = midpointActionPlanProblem({ recommendation: data.recommendation, actionPlan: data.actionPlan });
    if (problem) problems.actionPlan = [problem];
  }

  // Days completed up to the meeting: the midpoint records them, the final review's early rule needs them.
  const attendance = await tx.attendanceDay.findMany({
    where: { placementId: placement.id, date: { lte: fromIsoDate(data.heldOn) } },
    select: { kind: true },
  });
  const daysCompleted = attendance.filter((day) => day.kind === "PLACEMENT_DAY").length;
  if (kind === "FINAL_REVIEW") {
    const problem = finalReviewEarlyProblem({
      daysCompleted,
      requiredDays: placement.requiredDays,
      earlyReason: data.earlyReason,
    });
    if (problem) problems.earlyReason = [problem];
  }
  if (Object.keys(problems).length > 0) throw new AppError("validation", "Check the highlighted fields.", problems);
  return daysCompleted;
}

function meetingData(kind: MilestoneKindName, data: MilestoneInput, daysCompleted: number) {
  const agreement = kind === "LEARNING_AGREEMENT";
  return {
    heldOn: fromIsoDate(data.heldOn),
    attendees: data.attendees,
    notes: data.notes,
    learningNeeds: agreement ? data.learningNeeds : "",
    learningOpportunities: agreement ? data.learningOpportunities : "",
    reasonableAdjustments: agreement ? data.reasonableAdjustments : "",
    supervisionArrangements: agreement ? data.supervisionArrangements : "",
    recommendation: agreement ? null : data.recommendation,
    actionPlan: kind === "MIDPOINT_REVIEW" ? data.actionPlan : "",
    earlyReason: kind === "FINAL_REVIEW" ? data.earlyReason : null,
    daysCompletedAtMeeting: agreement ? null : daysCompleted,
  };
}

/**
 * The current PE records a review meeting (no `version`) or edits the one
 * recorded (with the `version` they started from). A second meeting of the
 * same kind is refused: there is one of each.
 */
export async function recordMilestone(user: SessionUser, placementId: string, kindParam: string, input: unknown) {
  assertVerifiedUser(user);
  const kind = kindOrNotFound(kindParam);
  const data = parseInput(recordMilestoneSchema, input);
  return getDb().$transaction(async (tx) => {
    const placement = await placementForReviews(tx, user, placementId);
    if (!canRecordMilestone(user, placement))
      throw forbidden("Only the placement's current practice educator records review meetings.");
    if (!placementOpenForPortfolio(placement))
      throw conflict("The placement has finished: its review meetings can no longer be changed.");
    const existing = await tx.placementMilestone.findUnique({
      where: { placementId_kind: { placementId: placement.id, kind } },
    });
    const label = MILESTONE_LABELS[kind];
    if (data.version === undefined && existing) {
      throw conflict(
        `The ${label.toLowerCase()} is already recorded (held on ${formatDate(toIsoDate(existing.heldOn))}). Edit that record instead of adding another.`,
        { currentVersion: existing.version },
      );
    }
    if (data.version !== undefined && !existing)
      throw conflict(`No ${label.toLowerCase()} is recorded yet: record it first.`);
    if (existing && existing.version !== data.version) {
      throw conflict(
        `Someone changed the ${label.toLowerCase()} after you opened it. Nothing of yours was saved: reload and make your changes again.`,
        { currentVersion: existing.version },
      );
    }
    const daysCompleted = await checkMeeting(tx, placement, kind, data);
    const next = meetingData(kind, data, daysCompleted);
    const recipients = [placement.studentId, placement.tutorId ?? ""].filter((id) => id !== user.id);
    const link = `/placements/${placement.id}/reviews`;

    if (!existing) {
      const created = await tx.placementMilestone
        .create({ data: { ...next, placementId: placement.id, kind, recordedById: user.id } })
        .catch((error: unknown) => {
          // Two PEs' tabs racing: the unique index keeps one.
          if ((error as { code?: string }).code === "P2002")
            throw conflict(`The ${label.toLowerCase()} is already recorded.`);
          throw error;
        });
      await writeAudit(tx, user, {
        action: "CREATE",
        entity: "PlacementMilestone",
        entityId: created.id,
        changes: createdFields(created),
      });
      await notify(tx, recipients, {
        kind: "MILESTONE_RECORDED",
        title: `${label} recorded`,
        body: `${user.name} recorded the ${label.toLowerCase()} held on ${formatDate(data.heldOn)}.`,
        link,
      });
      return { id: created.id, kind, version: created.version, created: true };
    }

    const { count } = await tx.placementMilestone.updateMany({
      where: { id: existing.id, version: existing.version },
      data: { ...next, version: { increment: 1 } },
    });
    if (count === 0)
      throw conflict(
        `Someone changed the ${label.toLowerCase()} at the same moment. Nothing was saved: reload and try again.`,
      );
    await writeAudit(tx, user, {
      action: "UPDATE",
      entity: "PlacementMilestone",
      entityId: existing.id,
      changes: { ...changedFields(existing, next), version: { from: existing.version, to: existing.version + 1 } },
    });
    await notify(tx, recipients, {
      kind: "MILESTONE_UPDATED",
      title: `${label} updated`,
      body: `${user.name} updated the record of the ${label.toLowerCase()}.`,
      link,
    });
    return { id: existing.id, kind, version: existing.version + 1, created: false };
  });
}
