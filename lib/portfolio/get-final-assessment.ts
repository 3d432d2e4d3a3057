import "server-only";
import { getDb } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import {
  canReadPad,
  canSignFinalAssessmentAs,
  canWriteFinalAssessment,
  canWriteFinalReflection,
  ratificationRefusal,
  readsDraftFinalAssessments,
} from "@/lib/access/portfolio";
import { parseId } from "@/lib/core/command";
import { namesFor, placementPeople, UNNAMED_RATIFIER, type Namer } from "@/lib/portfolio/people";
import { toIsoDate } from "@/lib/dates";
import { capabilityLevelFor, frameworkInForce } from "@/lib/frameworks/frameworks";
import {
  FINAL_STATUS_LABELS,
  peFieldsEditable,
  ratifierWarning,
  sign,
  studentReflectionEditable,
  waitingFor,
  type FinalStatusName,
} from "@/lib/portfolio/final-assessment-rules";
import {
  domainTextsOf,
  finalAssessmentOfPlacement,
  signStateOf,
  type AssessedPlacement,
  type LoadedAssessment,
  type Viewer,
} from "@/lib/portfolio/final-assessment-scope";

// The final assessment as its page and the API show it: the PE's report
// against the nine PCF domains of the version it was started on, the
// student's reflection, the signatures, and what this user may do next.

function present(
  viewer: Viewer,
  placement: AssessedPlacement,
  assessment: LoadedAssessment | null,
  framework: Awaited<ReturnType<typeof frameworkInForce>>,
  onPlacement: boolean,
  names: Namer,
) {
  const status = assessment?.status as FinalStatusName | undefined;
  const level = capabilityLevelFor(placement.level);
  const items = framework?.items ?? [];
  const state = assessment ? signStateOf(placement, assessment) : null;
  const texts = assessment ? domainTextsOf(assessment) : {};
  const canWrite = canWriteFinalAssessment(viewer, placement);
  const assessorStage = assessment
    ? assessment.practiceEducator.pepsStage
    : (placement.currentPracticeEducator?.pepsStage ?? null);
  return {
    placement: {
      id: placement.id,
      studentName: names.name(placement.student),
      universityName: placement.student.studentProfile?.university.name ?? null,
      programmeName: placement.student.studentProfile?.programme.name ?? null,
      level: placement.level,
      status: placement.status,
      setting: placement.setting,
      startDate: toIsoDate(placement.startDate),
      endDate: toIsoDate(placement.endDate),
      practiceEducatorName: names.nameOrNull(placement.currentPracticeEducator),
      onsiteSupervisorName: names.nameOrNull(placement.onsiteSupervisor),
      tutorName: names.nameOrNull(placement.tutor),
    },
    framework: framework
      ? {
          id: framework.id,
          name: framework.name,
          version: framework.version,
          items: items.map((item) => ({
            id: item.id,
            code: item.code,
            number: item.number,
            name: item.name,
            descriptor: item.levelDescriptors.find((descriptor) => descriptor.level === level)?.text ?? "",
          })),
        }
      : null,
    assessment:
      assessment && state && status
        ? {
            id: assessment.id,
            status,
            statusLabel: FINAL_STATUS_LABELS[status],
            waitingFor: waitingFor(state),
            version: assessment.version,
            reflectionVersion: assessment.reflectionVersion,
            holisticSummary: assessment.holisticSummary,
            developmentPlan: assessment.developmentPlan,
            recommendation: assessment.recommendation,
            studentReflection: assessment.studentReflection,
            domains: items.map((item) => ({
              frameworkItemId: item.id,
              code: item.code,
              number: item.number,
              name: item.name,
              text: texts[item.code] ?? "",
            })),
            practiceEducatorName: names.name(assessment.practiceEducator),
            practiceEducatorPepsStage: assessment.practiceEducator.pepsStage,
            peSignedAt: assessment.peSignedAt?.toISOString() ?? null,
            studentSignedAt: assessment.studentSignedAt?.toISOString() ?? null,
            onsiteSignedAt: assessment.onsiteSignedAt?.toISOString() ?? null,
            onsiteSignedByName: names.nameOrNull(assessment.onsiteSignedBy),
            ratifiedAt: assessment.ratifiedAt?.toISOString() ?? null,
            ratifiedByName: assessment.ratifiedBy ? names.nameOr(assessment.ratifiedBy, UNNAMED_RATIFIER) : null,
          }
        : null,
    warning: ratifierWarning(placement.level, assessorStage),
    /** False for a stage 2 ratifier who is not one of the placement's people (the placement page is not theirs). */
    onPlacement,
    /** The PAD is readable: through the final assessment, or (without one) by whoever reads the evidence. */
    canReadPad: canReadPad(viewer, assessment !== null),
    /** Why there is nothing to show yet, for a page without an assessment. */
    notStarted: assessment
      ? null
      : !readsDraftFinalAssessments(viewer)
        ? ("UNTIL_PE_SIGNS" as const)
        : placement.status === "PLANNED"
          ? ("PLACEMENT_NOT_STARTED" as const)
          : ("NOT_STARTED" as const),
    permissions: {
      canStart: !assessment && canWrite && placement.status !== "PLANNED",
      canEditPeParts: Boolean(assessment && status && canWrite && peFieldsEditable(status)),
      canSignAsPracticeEducator: Boolean(assessment && status === "DRAFT" && canWrite),
      canEditReflection: Boolean(
        assessment &&
        status &&
        canWriteFinalReflection(viewer, placement) &&
        studentReflectionEditable(status, assessment.studentSignedAt),
      ),
      canSignAsStudent: Boolean(
        assessment && state && canSignFinalAssessmentAs(viewer, placement, "STUDENT") && sign("STUDENT", state).ok,
      ),
      canSignAsOnsiteSupervisor: Boolean(
        assessment &&
        state &&
        canSignFinalAssessmentAs(viewer, placement, "ONSITE_SUPERVISOR") &&
        sign("ONSITE_SUPERVISOR", state).ok,
      ),
      canRatify: Boolean(
        assessment &&
        !ratificationRefusal(viewer, {
          status: assessment.status as FinalStatusName,
          practiceEducatorId: assessment.practiceEducatorId,
          teamId: placement.teamId,
        }),
      ),
    },
  };
}

export type FinalAssessmentView = ReturnType<typeof present>;

/** The final assessment page and GET /api/v1/placements/:id/final-assessment. */
export async function getFinalAssessment(user: SessionUser, placementId: string): Promise<FinalAssessmentView> {
  const db = getDb();
  const { viewer, placement, assessment, onPlacement } = await finalAssessmentOfPlacement(
    db,
    user,
    parseId(placementId, "That placement"),
  );
  const framework = assessment?.domains[0]
    ? await db.framework.findUnique({
        where: { id: assessment.domains[0].frameworkItem.frameworkId },
        include: { items: { orderBy: { number: "asc" }, include: { levelDescriptors: true } } },
      })
    : await frameworkInForce(db, "PCF");
  // A stage 2 ratifier who is not on the placement does not work with its people.
  const worksWith = onPlacement ? await placementPeople(db, placement.id) : new Set<string>();
  return present(viewer, placement, assessment, framework, onPlacement, namesFor(viewer, worksWith, placement));
}
