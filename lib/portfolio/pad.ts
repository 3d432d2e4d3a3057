import "server-only";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/session-user";
import { placementsVisibleTo } from "@/lib/access/placements";
import {
  canReadPad,
  evidenceVisibleTo,
  finalAssessmentsVisibleTo,
  milestonesVisibleTo,
  observationsVisibleTo,
  readsPortfolioContent,
} from "@/lib/access/portfolio";
import { supervisionRecordsVisibleTo } from "@/lib/access/supervision";
import { notFound } from "@/lib/errors";
import { parseId } from "@/lib/core/command";
import { namesFor, personFields, placementPeople, UNNAMED_RATIFIER } from "@/lib/portfolio/people";
import { todayInUk, toIsoDate } from "@/lib/dates";
import { CAPABILITY_LEVEL_LABELS, capabilityLevelFor, frameworkInForce } from "@/lib/frameworks/frameworks";
import { RECOMMENDATION_LABELS as MEETING_RECOMMENDATION_LABELS } from "@/lib/portfolio/milestone-rules";
import {
  FINAL_STATUS_LABELS,
  RECOMMENDATION_LABELS,
  needsRatification,
  type FinalStatusName,
} from "@/lib/portfolio/final-assessment-rules";
import { withPepsStage } from "@/lib/portfolio/final-assessment-scope";
import { SUPERVISION_TYPE_LABELS } from "@/lib/validations/supervision";
import { capabilitiesByFramework } from "@/lib/portfolio/evidence-rules";

// The Practice Assessment Document (docs/domain.md "Observations, reviews,
// concerns and the final assessment"): one placement's portfolio laid
// out as the parts a university's assessment panel reads — front sheet,
// learning agreement, index of evidence, observations, feedback, reflection,
// midpoint, final report, development plan, supervision log and the PCF level
// descriptors. Children appear by pseudonymous code only; drafts never appear.

export const EVIDENCE_TYPE_LABELS: Record<string, string> = {
  REFLECTIVE_LOG: "Reflective log",
  SESSION_PLAN: "Session plan",
  CASE_NOTE_EXTRACT: "Case note extract",
  CHILD_OR_FAMILY_FEEDBACK: "Child or family feedback",
  PROFESSIONAL_FEEDBACK: "Professional feedback",
  TRAINING_CERTIFICATE: "Training certificate",
  OTHER: "Other",
};

export const EVIDENCE_STATUS_LABELS: Record<string, string> = {
  DRAFT: "Draft",
  SUBMITTED: "Submitted, awaiting review",
  CHANGES_REQUESTED: "Changes requested",
  ACCEPTED: "Accepted",
};

const ATTENDEE_LABELS: Record<string, string> = {
  STUDENT: "Student",
  PRACTICE_EDUCATOR: "Practice educator",
  ONSITE_SUPERVISOR: "On-site supervisor",
  TUTOR: "Tutor",
};

const PEPS_LABELS: Record<string, string> = { STAGE_1: "PEPS stage 1", STAGE_2: "PEPS stage 2" };

const domainLabel = (item: { number: number; name: string }) => `${item.number}. ${item.name}`;

/**
 * May this user read the PAD, and through which door? Whoever may read the
 * final assessment may read the PAD; for a placement without one (or one
 * the user cannot read yet, e.g. a tutor and a draft), whoever may read the
 * evidence. The team manager reads no portfolio content: 404.
 */
async function padAccess(user: SessionUser, placementId: string) {
  const db = getDb();
  const viewer = await withPepsStage(db, user);
  if (!readsPortfolioContent(viewer)) throw notFound("That Practice Assessment Document");
  const [assessment, visiblePlacement] = await Promise.all([
    db.finalAssessment.findFirst({
      where: { AND: [finalAssessmentsVisibleTo(viewer), { placementId }] },
      select: { id: true },
    }),
    db.placement.findFirst({
      where: { AND: [placementsVisibleTo(viewer), { id: placementId }] },
      select: { id: true },
    }),
  ]);
  if (!canReadPad(viewer, assessment !== null) || (!assessment && !visiblePlacement))
    throw notFound("That Practice Assessment Document");
  // A stage 2 ratifier who is not on the placement reads what the university
  // would (no drafts, signed supervision): they judge the whole PAD.
  const ratifierOnly = assessment !== null && visiblePlacement === null;
  return { viewer, ratifierOnly };
}

export async function getPad(user: SessionUser, rawPlacementId: string) {
  const placementId = parseId(rawPlacementId, "That Practice Assessment Document");
  const { viewer, ratifierOnly } = await padAccess(user, placementId);
  const db = getDb();
  // Each Prisma where type has its own AND; a ratifier-only reader reads the placement's own rows unscoped.
  const scoped = <W extends { AND?: W | W[] }>(filter: W, own: W): W =>
    ratifierOnly ? own : ({ AND: [filter, own] } as W);

  const evidenceWhere = scoped<Prisma.EvidenceItemWhereInput>(evidenceVisibleTo(viewer), {
    placementId,
    status: { not: "DRAFT" },
  });
  const [placement, assessment, evidence, observations, milestones, supervision, daysCompleted] = await Promise.all([
    db.placement.findUniqueOrThrow({
      where: { id: placementId },
      include: {
        team: { select: { name: true } },
        student: {
          select: {
            ...personFields,
            studentProfile: {
              select: {
                yearOfStudy: true,
                university: { select: { name: true } },
                programme: { select: { name: true } },
                cohort: { select: { name: true } },
              },
            },
          },
        },
        onsiteSupervisor: { select: personFields },
        tutor: { select: personFields },
        practiceEducators: {
          orderBy: { startDate: "asc" },
          include: { practiceEducator: { select: { ...personFields, pepsStage: true } } },
        },
      },
    }),
    db.finalAssessment.findFirst({
      where: { AND: [finalAssessmentsVisibleTo(viewer), { placementId }] },
      include: {
        domains: { include: { frameworkItem: { select: { number: true, name: true, frameworkId: true } } } },
        practiceEducator: { select: { ...personFields, pepsStage: true } },
        onsiteSignedBy: { select: personFields },
        ratifiedBy: { select: { ...personFields, pepsStage: true } },
      },
    }),
    db.evidenceItem.findMany({
      where: evidenceWhere,
      orderBy: [{ occurredOn: "asc" }, { createdAt: "asc" }],
      include: {
        links: {
          include: { frameworkItem: { select: { number: true, name: true, framework: { select: { code: true } } } } },
        },
      },
    }),
    db.directObservation.findMany({
      where: scoped<Prisma.DirectObservationWhereInput>(observationsVisibleTo(viewer), { placementId }),
      orderBy: { observedOn: "asc" },
      include: {
        observer: { select: personFields },
        domains: { include: { frameworkItem: { select: { number: true, name: true } } } },
      },
    }),
    db.placementMilestone.findMany({
      where: scoped<Prisma.PlacementMilestoneWhereInput>(milestonesVisibleTo(viewer), { placementId }),
      include: { recordedBy: { select: personFields } },
    }),
    db.supervisionRecord.findMany({
      where: scoped<Prisma.SupervisionRecordWhereInput>(supervisionRecordsVisibleTo(viewer), {
        placementId,
        status: "SIGNED",
      }),
      orderBy: [{ heldOn: "asc" }, { startTime: "asc" }],
      select: { heldOn: true, startTime: true, durationMinutes: true, type: true },
    }),
    db.attendanceDay.count({ where: { placementId, kind: "PLACEMENT_DAY" } }),
  ]);

  // A stage 2 ratifier who is not on the placement does not work with its people.
  const names = namesFor(viewer, ratifierOnly ? new Set<string>() : await placementPeople(db, placementId), placement);
  const level = capabilityLevelFor(placement.level);
  const frameworkId = assessment?.domains[0]?.frameworkItem.frameworkId;
  const framework = frameworkId
    ? await db.framework.findUnique({
        where: { id: frameworkId },
        include: { items: { orderBy: { number: "asc" }, include: { levelDescriptors: true } } },
      })
    : await frameworkInForce(db, "PCF");

  const status = assessment?.status as FinalStatusName | undefined;
  const recommendation = assessment?.recommendation
    ? `${RECOMMENDATION_LABELS[assessment.recommendation]}${status === "DRAFT" ? " (draft, not yet signed)" : ""}`
    : null;
  const milestone = (kind: string) => milestones.find((row) => row.kind === kind) ?? null;
  const learningAgreement = milestone("LEARNING_AGREEMENT");
  const midpoint = milestone("MIDPOINT_REVIEW");
  const finalReview = milestone("FINAL_REVIEW");
  const meeting = (row: NonNullable<typeof learningAgreement>) => ({
    heldOn: toIsoDate(row.heldOn),
    attendees: row.attendees.map((attendee) => ATTENDEE_LABELS[attendee] ?? attendee),
    notes: row.notes,
    learningNeeds: row.learningNeeds,
    learningOpportunities: row.learningOpportunities,
    reasonableAdjustments: row.reasonableAdjustments,
    supervisionArrangements: row.supervisionArrangements,
    recommendation: row.recommendation
      ? (MEETING_RECOMMENDATION_LABELS[row.recommendation] ?? row.recommendation)
      : null,
    actionPlan: row.actionPlan,
    daysCompletedAtMeeting: row.daysCompletedAtMeeting,
    recordedByName: names.name(row.recordedBy),
  });
  const evidenceRow = (item: (typeof evidence)[number]) => ({
    id: item.id,
    title: item.title,
    occurredOn: toIsoDate(item.occurredOn),
    type: EVIDENCE_TYPE_LABELS[item.type] ?? item.type,
    status: EVIDENCE_STATUS_LABELS[item.status] ?? item.status,
    childCode: item.childCode,
    // By framework: a PCF domain and a KSS statement can share a number (docs/domain.md).
    capabilities: capabilitiesByFramework(
      item.links.map((link) => ({ ...link.frameworkItem, framework: link.frameworkItem.framework.code })),
    ),
    body: item.body,
  });
  const texts = new Map(assessment?.domains.map((domain) => [domain.frameworkItemId, domain.text]) ?? []);

  return {
    generatedOn: todayInUk(),
    placementId,
    frontSheet: {
      studentName: names.name(placement.student),
      universityName: placement.student.studentProfile?.university.name ?? null,
      programmeName: placement.student.studentProfile?.programme.name ?? null,
      cohortName: placement.student.studentProfile?.cohort?.name ?? null,
      level: placement.level === "FINAL" ? "Final (last) placement" : "First placement",
      setting: placement.setting,
      teamName: placement.team.name,
      startDate: toIsoDate(placement.startDate),
      endDate: toIsoDate(placement.endDate),
      daysRequired: placement.requiredDays,
      daysCompleted,
      practiceEducators: placement.practiceEducators.map((spell) => ({
        name: names.name(spell.practiceEducator),
        pepsStage: spell.practiceEducator.pepsStage ? PEPS_LABELS[spell.practiceEducator.pepsStage] : null,
        from: toIsoDate(spell.startDate),
        to: spell.endDate ? toIsoDate(spell.endDate) : null,
      })),
      onsiteSupervisorName: names.nameOrNull(placement.onsiteSupervisor),
      tutorName: names.nameOrNull(placement.tutor),
      recommendation,
    },
    learningAgreement: learningAgreement ? meeting(learningAgreement) : null,
    evidence: evidence.map(evidenceRow),
    observations: observations.map((observation) => ({
      id: observation.id,
      observedOn: toIsoDate(observation.observedOn),
      observerName: names.name(observation.observer),
      observerRole: observation.observer.role === "ONSITE_SUPERVISOR" ? "On-site supervisor" : "Practice educator",
      activity: observation.activity,
      preparationNote: observation.preparationNote,
      feedback: observation.feedback,
      feedbackGiven: observation.feedbackAt !== null,
      reflection: observation.reflection,
      domains: observation.domains
        .map((domain) => ({
          number: domain.frameworkItem.number,
          label: domainLabel(domain.frameworkItem),
          note: domain.note,
        }))
        .sort((a, b) => a.number - b.number),
    })),
    lessFormalObservations: evidence.filter((item) => item.type === "PROFESSIONAL_FEEDBACK").map(evidenceRow),
    serviceUserFeedback: evidence.filter((item) => item.type === "CHILD_OR_FAMILY_FEEDBACK").map(evidenceRow),
    criticalReflection: assessment
      ? { text: assessment.studentReflection, signed: assessment.studentSignedAt !== null }
      : null,
    midpoint: midpoint ? meeting(midpoint) : null,
    finalReview: finalReview ? meeting(finalReview) : null,
    finalReport:
      assessment && status
        ? {
            status: FINAL_STATUS_LABELS[status],
            isDraft: status === "DRAFT",
            holisticSummary: assessment.holisticSummary,
            recommendation,
            domains: (framework?.items ?? []).map((item) => ({
              label: domainLabel(item),
              text: texts.get(item.id) ?? "",
            })),
            signatures: [
              {
                role: "Practice educator",
                name: names.name(assessment.practiceEducator),
                signedAt: assessment.peSignedAt?.toISOString() ?? null,
              },
              {
                role: "Student",
                name: names.name(placement.student),
                signedAt: assessment.studentSignedAt?.toISOString() ?? null,
              },
              ...(placement.onsiteSupervisor || assessment.onsiteSignedAt
                ? [
                    {
                      role: "On-site supervisor",
                      name: names.nameOrNull(assessment.onsiteSignedBy ?? placement.onsiteSupervisor) ?? "—",
                      signedAt: assessment.onsiteSignedAt?.toISOString() ?? null,
                    },
                  ]
                : []),
            ],
            ratification: assessment.ratifiedAt
              ? {
                  needed: true,
                  name: assessment.ratifiedBy ? names.nameOr(assessment.ratifiedBy, UNNAMED_RATIFIER) : "—",
                  ratifiedAt: assessment.ratifiedAt.toISOString(),
                }
              : {
                  needed: needsRatification(placement.level, assessment.practiceEducator.pepsStage),
                  name: null,
                  ratifiedAt: null,
                },
          }
        : null,
    developmentPlan: assessment ? assessment.developmentPlan : null,
    supervision: {
      sessions: supervision.map((record) => ({
        heldOn: toIsoDate(record.heldOn),
        startTime: record.startTime,
        durationMinutes: record.durationMinutes,
        type: SUPERVISION_TYPE_LABELS[record.type as keyof typeof SUPERVISION_TYPE_LABELS] ?? record.type,
      })),
      totalMinutes: supervision.reduce((sum, record) => sum + record.durationMinutes, 0),
    },
    appendix: framework
      ? {
          frameworkName: framework.name,
          version: framework.version,
          levelLabel: CAPABILITY_LEVEL_LABELS[level],
          items: framework.items.map((item) => ({
            label: domainLabel(item),
            superDomain: item.superDomain,
            descriptor: item.levelDescriptors.find((descriptor) => descriptor.level === level)?.text ?? "",
          })),
        }
      : null,
  };
}

export type Pad = Awaited<ReturnType<typeof getPad>>;
