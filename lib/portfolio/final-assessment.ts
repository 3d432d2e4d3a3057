import "server-only";
import { getDb, type Tx } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";
import { placementsVisibleTo } from "@/lib/access/placements";
import { canWriteFinalAssessment, finalAssessmentsVisibleTo } from "@/lib/access/portfolio";
import { AppError, conflict, forbidden, notFound, parseInput } from "@/lib/errors";
import { changedFields, createdFields, writeAudit } from "@/lib/audit";
import { notify } from "@/lib/notifications/notifications";
import { toIsoDate } from "@/lib/dates";
import { capabilityLevelFor, frameworkInForce } from "@/lib/frameworks/frameworks";
import {
  FINAL_STATUS_LABELS,
  missingBeforePeSigns,
  peFieldsEditable,
  ratificationRefusal,
  ratifierWarning,
  sign,
  studentReflectionEditable,
  waitingFor,
  type FinalStatusName,
  type PepsStageName,
  type SignState,
} from "@/lib/portfolio/final-assessment-rules";
import {
  finalAssessmentPeSchema,
  finalReflectionSchema,
  ratifySchema,
  signFinalAssessmentSchema,
} from "@/lib/validations/final-assessment";

// The final assessment of a placement: the PE's holistic report against the
// nine PCF domains, the student's critical reflection, the signatures and,
// for a stage 1 PE's final placement, a stage 2 PE's ratification.

export type Viewer = SessionUser & { pepsStage: PepsStageName | null };

/** The user with their PEPS stage, read fresh: the stage 2 ratifier's access depends on it. */
export async function withPepsStage(tx: Tx, user: SessionUser): Promise<Viewer> {
  assertVerifiedUser(user);
  if (user.role !== "PRACTICE_EDUCATOR") return { ...user, pepsStage: null };
  const row = await tx.user.findUnique({ where: { id: user.id }, select: { pepsStage: true } });
  return { ...user, pepsStage: row?.pepsStage ?? null };
}

const placementInclude = {
  student: {
    select: {
      id: true,
      name: true,
      studentProfile: { select: { university: { select: { name: true } }, programme: { select: { name: true } } } },
    },
  },
  onsiteSupervisor: { select: { id: true, name: true } },
  tutor: { select: { id: true, name: true } },
  practiceEducators: {
    orderBy: { startDate: "asc" as const },
    include: { practiceEducator: { select: { id: true, name: true, pepsStage: true } } },
  },
};

const assessmentInclude = {
  domains: {
    include: { frameworkItem: { select: { id: true, code: true, number: true, name: true, frameworkId: true } } },
  },
  practiceEducator: { select: { id: true, name: true, pepsStage: true } },
  onsiteSignedBy: { select: { name: true } },
  ratifiedBy: { select: { name: true } },
};

async function loadPlacement(tx: Tx, where: object) {
  const placement = await tx.placement.findFirst({ where, include: placementInclude });
  if (!placement) return null;
  const current = placement.practiceEducators.find((spell) => spell.endDate === null) ?? null;
  return {
    ...placement,
    currentPracticeEducatorId: current?.practiceEducatorId ?? null,
    currentPracticeEducator: current?.practiceEducator ?? null,
  };
}

type LoadedPlacement = NonNullable<Awaited<ReturnType<typeof loadPlacement>>>;
type LoadedAssessment = NonNullable<Awaited<ReturnType<typeof loadAssessment>>>;

function loadAssessment(tx: Tx, where: object) {
  return tx.finalAssessment.findFirst({ where, include: assessmentInclude });
}

/**
 * The placement and (if the user may read it) its final assessment. Whoever
 * sees the placement (but not the team manager, who reads no final report)
 * gets the placement; a stage 2 ratifier who is not on it gets both through
 * the assessment they are asked to ratify. Anything else is a 404.
 */
export async function resolveFinalAssessment(tx: Tx, user: SessionUser, placementId: string) {
  const viewer = await withPepsStage(tx, user);
  if (viewer.role === "ADMIN") throw notFound("That final assessment");
  const assessment = await loadAssessment(tx, { AND: [finalAssessmentsVisibleTo(viewer), { placementId }] });
  const placement = await loadPlacement(
    tx,
    assessment ? { id: placementId } : { AND: [placementsVisibleTo(viewer), { id: placementId }] },
  );
  if (!placement) throw notFound("That placement");
  // A stage 2 ratifier reads the assessment without being one of the placement's people.
  const onPlacement =
    !assessment ||
    (await tx.placement.count({ where: { AND: [placementsVisibleTo(viewer), { id: placementId }] } })) > 0;
  return { viewer, placement, assessment, onPlacement };
}

async function resolveById(tx: Tx, user: SessionUser, assessmentId: string) {
  const viewer = await withPepsStage(tx, user);
  const assessment = await loadAssessment(tx, { AND: [finalAssessmentsVisibleTo(viewer), { id: assessmentId }] });
  if (!assessment) throw notFound("That final assessment");
  const placement = (await loadPlacement(tx, { id: assessment.placementId }))!;
  return { viewer, placement, assessment };
}

const isStudentOf = (user: SessionUser, placement: LoadedPlacement) =>
  user.role === "STUDENT" && placement.studentId === user.id;
const isOnsiteOf = (user: SessionUser, placement: LoadedPlacement) =>
  user.role === "ONSITE_SUPERVISOR" && placement.onsiteSupervisorId === user.id;

function signState(placement: LoadedPlacement, assessment: LoadedAssessment): SignState {
  return {
    status: assessment.status as FinalStatusName,
    studentSignedAt: assessment.studentSignedAt,
    onsiteSignedAt: assessment.onsiteSignedAt,
    hasOnsiteSupervisor: placement.onsiteSupervisorId !== null,
    level: placement.level,
    assessorStage: assessment.practiceEducator.pepsStage,
  };
}

function domainTexts(assessment: LoadedAssessment): Record<string, string> {
  return Object.fromEntries(assessment.domains.map((domain) => [domain.frameworkItem.code, domain.text]));
}

function present(
  viewer: Viewer,
  placement: LoadedPlacement,
  assessment: LoadedAssessment | null,
  framework: Awaited<ReturnType<typeof frameworkInForce>>,
  onPlacement: boolean,
) {
  const status = assessment?.status as FinalStatusName | undefined;
  const level = capabilityLevelFor(placement.level);
  const items = framework?.items ?? [];
  const state = assessment ? signState(placement, assessment) : null;
  const texts = assessment ? domainTexts(assessment) : {};
  const canWrite = canWriteFinalAssessment(viewer, placement);
  const assessorStage = assessment
    ? assessment.practiceEducator.pepsStage
    : (placement.currentPracticeEducator?.pepsStage ?? null);
  return {
    placement: {
      id: placement.id,
      studentName: placement.student.name,
      universityName: placement.student.studentProfile?.university.name ?? null,
      programmeName: placement.student.studentProfile?.programme.name ?? null,
      level: placement.level,
      status: placement.status,
      setting: placement.setting,
      startDate: toIsoDate(placement.startDate),
      endDate: toIsoDate(placement.endDate),
      practiceEducatorName: placement.currentPracticeEducator?.name ?? null,
      onsiteSupervisorName: placement.onsiteSupervisor?.name ?? null,
      tutorName: placement.tutor?.name ?? null,
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
            practiceEducatorName: assessment.practiceEducator.name,
            practiceEducatorPepsStage: assessment.practiceEducator.pepsStage,
            peSignedAt: assessment.peSignedAt?.toISOString() ?? null,
            studentSignedAt: assessment.studentSignedAt?.toISOString() ?? null,
            onsiteSignedAt: assessment.onsiteSignedAt?.toISOString() ?? null,
            onsiteSignedByName: assessment.onsiteSignedBy?.name ?? null,
            ratifiedAt: assessment.ratifiedAt?.toISOString() ?? null,
            ratifiedByName: assessment.ratifiedBy?.name ?? null,
          }
        : null,
    warning: ratifierWarning(placement.level, assessorStage),
    /** False for a stage 2 ratifier who is not one of the placement's people (the placement page is not theirs). */
    onPlacement,
    /** The PAD is readable: through the final assessment, or (without one) by whoever reads the evidence. */
    canReadPad:
      assessment !== null ||
      viewer.role === "STUDENT" ||
      viewer.role === "PRACTICE_EDUCATOR" ||
      viewer.role === "UNIVERSITY_TUTOR",
    permissions: {
      canStart: !assessment && canWrite && placement.status !== "PLANNED",
      canEditPeParts: Boolean(assessment && status && canWrite && peFieldsEditable(status)),
      canSignAsPracticeEducator: Boolean(assessment && status === "DRAFT" && canWrite),
      canEditReflection: Boolean(
        assessment &&
        status &&
        isStudentOf(viewer, placement) &&
        studentReflectionEditable(status, assessment.studentSignedAt),
      ),
      canSignAsStudent: Boolean(assessment && state && isStudentOf(viewer, placement) && sign("STUDENT", state).ok),
      canSignAsOnsiteSupervisor: Boolean(
        assessment && state && isOnsiteOf(viewer, placement) && sign("ONSITE_SUPERVISOR", state).ok,
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
  const { viewer, placement, assessment, onPlacement } = await resolveFinalAssessment(db, user, placementId);
  const framework = assessment?.domains[0]
    ? await db.framework.findUnique({
        where: { id: assessment.domains[0].frameworkItem.frameworkId },
        include: { items: { orderBy: { number: "asc" }, include: { levelDescriptors: true } } },
      })
    : await frameworkInForce(db, "PCF");
  return present(viewer, placement, assessment, framework, onPlacement);
}

/** The current PE starts the final assessment: one per placement, with a blank text for each PCF domain in force. */
export async function startFinalAssessment(user: SessionUser, placementId: string) {
  assertVerifiedUser(user);
  return getDb().$transaction(async (tx) => {
    const { viewer, placement } = await resolveFinalAssessment(tx, user, placementId);
    if (!canWriteFinalAssessment(viewer, placement))
      throw forbidden("Only the placement's current practice educator starts the final assessment.");
    if (await tx.finalAssessment.findUnique({ where: { placementId }, select: { id: true } })) {
      throw conflict("This placement already has a final assessment: open it instead of starting another.");
    }
    if (placement.status === "PLANNED")
      throw conflict("The placement has not started yet, so there is nothing to assess.");
    const framework = await frameworkInForce(tx, "PCF");
    if (!framework)
      throw conflict(
        "No version of the Professional Capabilities Framework is in force: ask the team manager to check the frameworks.",
      );
    const created = await tx.finalAssessment.create({
      data: {
        placementId,
        practiceEducatorId: user.id,
        domains: { create: framework.items.map((item) => ({ frameworkItemId: item.id, text: "" })) },
      },
    });
    await writeAudit(tx, user, {
      action: "CREATE",
      entity: "FinalAssessment",
      entityId: created.id,
      changes: { ...createdFields(created), framework: `${framework.code} ${framework.version}` },
    });
    return { id: created.id, version: created.version, reflectionVersion: created.reflectionVersion };
  });
}

/** The PE saves their parts of the draft (any subset). A stale version is a 409 and nothing is saved. */
export async function saveFinalAssessmentPeParts(user: SessionUser, placementId: string, input: unknown) {
  assertVerifiedUser(user);
  const data = parseInput(finalAssessmentPeSchema, input ?? {});
  return getDb().$transaction(async (tx) => {
    const { viewer, placement, assessment } = await resolveFinalAssessment(tx, user, placementId);
    if (!assessment) throw notFound("That final assessment");
    if (!canWriteFinalAssessment(viewer, placement))
      throw forbidden("Only the placement's current practice educator writes the final report.");
    if (!peFieldsEditable(assessment.status as FinalStatusName))
      throw conflict("You have signed the final report, so it is locked.");
    if (assessment.version !== data.version) {
      throw conflict(
        "The final report was saved elsewhere after you opened it. Nothing of yours was saved: copy your text, reload, and add it again.",
        { currentVersion: assessment.version },
      );
    }
    const byCode = new Map(assessment.domains.map((domain) => [domain.frameworkItem.code, domain]));
    const unknown = Object.keys(data.domains ?? {}).filter((code) => !byCode.has(code));
    if (unknown.length)
      throw new AppError(
        "validation",
        "Check the highlighted fields.",
        Object.fromEntries(unknown.map((code) => [`domains.${code}`, ["Not a domain of this framework"]])),
      );

    const next: Record<string, unknown> = {};
    if (data.holisticSummary !== undefined) next.holisticSummary = data.holisticSummary;
    if (data.developmentPlan !== undefined) next.developmentPlan = data.developmentPlan;
    if (data.recommendation !== undefined) next.recommendation = data.recommendation;
    // The assessor is whoever writes it now (the PE may have changed since it was started).
    if (assessment.practiceEducatorId !== user.id) next.practiceEducatorId = user.id;
    const changes: Record<string, unknown> = changedFields(assessment, next);

    const { count } = await tx.finalAssessment.updateMany({
      where: { id: assessment.id, version: data.version, status: "DRAFT" },
      data: { ...next, version: { increment: 1 } },
    });
    if (count === 0) throw conflict("Someone else saved the final report at the same moment. Reload and try again.");
    for (const [code, text] of Object.entries(data.domains ?? {})) {
      const domain = byCode.get(code)!;
      if (domain.text === text) continue;
      await tx.finalDomainAssessment.update({
        where: {
          assessmentId_frameworkItemId: { assessmentId: assessment.id, frameworkItemId: domain.frameworkItemId },
        },
        data: { text },
      });
      changes[`domain ${code}`] = { from: domain.text, to: text };
    }
    await writeAudit(tx, user, {
      action: "UPDATE",
      entity: "FinalAssessment",
      entityId: assessment.id,
      changes: { ...changes, version: { from: data.version, to: data.version + 1 } },
    });
    return { id: assessment.id, version: data.version + 1 };
  });
}

/** The student writes their critical reflection until they sign. Its own version: the PE's saves never collide with it. */
export async function saveFinalReflection(user: SessionUser, placementId: string, input: unknown) {
  assertVerifiedUser(user);
  const data = parseInput(finalReflectionSchema, input ?? {});
  return getDb().$transaction(async (tx) => {
    const { placement, assessment } = await resolveFinalAssessment(tx, user, placementId);
    if (!assessment) throw notFound("That final assessment");
    if (!isStudentOf(user, placement)) throw forbidden("Only the student writes the reflective summary.");
    if (!studentReflectionEditable(assessment.status as FinalStatusName, assessment.studentSignedAt))
      throw conflict("You have signed the final assessment, so your reflection is locked.");
    if (assessment.reflectionVersion !== data.reflectionVersion)
      throw conflict(
        "Your reflection was saved from another window after you opened this one. Reload to see the latest version.",
      );
    const { count } = await tx.finalAssessment.updateMany({
      where: { id: assessment.id, reflectionVersion: data.reflectionVersion, studentSignedAt: null },
      data: { studentReflection: data.studentReflection, reflectionVersion: { increment: 1 } },
    });
    if (count === 0) throw conflict("Your reflection was saved elsewhere at the same moment. Reload and try again.");
    await writeAudit(tx, user, {
      action: "UPDATE",
      entity: "FinalAssessment",
      entityId: assessment.id,
      changes: changedFields(assessment, { studentReflection: data.studentReflection }),
    });
    return { id: assessment.id, reflectionVersion: data.reflectionVersion + 1 };
  });
}

const linkTo = (placementId: string) => `/placements/${placementId}/final-assessment`;

/** Notifies whoever must act next, or the assessor when the assessment is complete. */
async function announce(
  tx: Tx,
  user: SessionUser,
  placement: LoadedPlacement,
  assessment: LoadedAssessment,
  status: FinalStatusName,
) {
  const link = linkTo(placement.id);
  if (status === "AWAITING_RATIFICATION") {
    const ratifiers = await tx.user.findMany({
      where: {
        role: "PRACTICE_EDUCATOR",
        pepsStage: "STAGE_2",
        active: true,
        organisationId: placement.teamId,
        id: { not: assessment.practiceEducatorId },
      },
      select: { id: true },
    });
    await notify(
      tx,
      ratifiers.map((ratifier) => ratifier.id),
      {
        kind: "FINAL_ASSESSMENT_RATIFICATION",
        title: `Final assessment of ${placement.student.name} needs ratifying`,
        body: `${assessment.practiceEducator.name} (PEPS stage 1) assessed this final placement. A stage 2 practice educator must ratify it.`,
        link,
      },
    );
  } else if (status === "COMPLETE") {
    await notify(
      tx,
      [assessment.practiceEducatorId, placement.studentId].filter((id) => id !== user.id),
      {
        kind: "FINAL_ASSESSMENT_COMPLETE",
        title: `Final assessment of ${placement.student.name} is complete`,
        body: "Every signature is in. The Practice Assessment Document is ready to download.",
        link,
      },
    );
  }
}

/** Signs as the PE (first, once the report is complete), the student or the on-site supervisor. */
export async function signFinalAssessment(user: SessionUser, assessmentId: string, input: unknown) {
  assertVerifiedUser(user);
  const data = parseInput(signFinalAssessmentSchema, input ?? {});
  return getDb().$transaction(async (tx) => {
    const { viewer, placement, assessment } = await resolveById(tx, user, assessmentId);
    if (data.version !== undefined && data.version !== assessment.version)
      throw conflict("The final assessment changed after you opened it. Reload, read it again, then sign.");
    const state = signState(placement, assessment);
    const now = new Date();
    let update: Record<string, unknown>;
    let status: FinalStatusName;
    if (data.as === "PRACTICE_EDUCATOR") {
      if (!canWriteFinalAssessment(viewer, placement))
        throw forbidden("Only the placement's current practice educator signs as practice educator.");
      const result = sign("PRACTICE_EDUCATOR", state);
      if (!result.ok) throw conflict(result.reason);
      const missing = missingBeforePeSigns(
        {
          holisticSummary: assessment.holisticSummary,
          recommendation: assessment.recommendation,
          domains: domainTexts(assessment),
        },
        assessment.domains.map((domain) => domain.frameworkItem.code),
      );
      if (Object.keys(missing).length)
        throw new AppError(
          "validation",
          "The final report is not complete: write the missing parts, then sign.",
          missing,
        );
      status = result.status;
      update = { status, peSignedAt: now, practiceEducatorId: user.id };
    } else if (data.as === "STUDENT") {
      if (!isStudentOf(user, placement)) throw forbidden("Only the student signs as student.");
      const result = sign("STUDENT", state);
      if (!result.ok) throw conflict(result.reason);
      if (!assessment.studentReflection.trim())
        throw new AppError("validation", "Write your reflective summary before you sign.", {
          studentReflection: ["Write your reflective summary before you sign"],
        });
      status = result.status;
      update = { status, studentSignedAt: now };
    } else {
      if (!isOnsiteOf(user, placement))
        throw forbidden("Only the placement's on-site supervisor signs as on-site supervisor.");
      const result = sign("ONSITE_SUPERVISOR", state);
      if (!result.ok) throw conflict(result.reason);
      status = result.status;
      update = { status, onsiteSignedAt: now, onsiteSignedById: user.id };
    }
    // The version in the where clause: two signatures racing cannot both count.
    const { count } = await tx.finalAssessment.updateMany({
      where: { id: assessment.id, version: assessment.version },
      data: { ...update, version: { increment: 1 } },
    });
    if (count === 0) throw conflict("Someone signed or saved at the same moment. Reload and try again.");
    await writeAudit(tx, user, {
      action: "UPDATE",
      entity: "FinalAssessment",
      entityId: assessment.id,
      changes: { ...changedFields(assessment, update), signedAs: data.as },
    });

    if (data.as === "PRACTICE_EDUCATOR") {
      await notify(tx, [placement.studentId, placement.onsiteSupervisorId ?? ""], {
        kind: "FINAL_ASSESSMENT_SIGNED",
        title: `Final assessment of ${placement.student.name} signed by the practice educator`,
        body: "Read the final report and sign it. Students: write your reflective summary first.",
        link: linkTo(placement.id),
      });
    } else {
      await announce(tx, user, placement, assessment, status);
    }
    return { id: assessment.id, status, version: assessment.version + 1 };
  });
}

/** A stage 2 PE of the team, not the assessor, ratifies a stage 1 PE's final-placement assessment. */
export async function ratifyFinalAssessment(user: SessionUser, assessmentId: string, input: unknown = {}) {
  assertVerifiedUser(user);
  const data = parseInput(ratifySchema, input ?? {});
  return getDb().$transaction(async (tx) => {
    const { viewer, placement, assessment } = await resolveById(tx, user, assessmentId);
    const target = { practiceEducatorId: assessment.practiceEducatorId, teamId: placement.teamId };
    const notAllowed = ratificationRefusal(viewer, { ...target, status: "AWAITING_RATIFICATION" });
    if (notAllowed) throw forbidden(notAllowed);
    const wrongStatus = ratificationRefusal(viewer, { ...target, status: assessment.status as FinalStatusName });
    if (wrongStatus) throw conflict(wrongStatus);
    if (data.version !== undefined && data.version !== assessment.version)
      throw conflict("The final assessment changed after you opened it. Reload and read it again.");
    const update = { status: "COMPLETE" as const, ratifiedAt: new Date(), ratifiedById: user.id };
    const { count } = await tx.finalAssessment.updateMany({
      where: { id: assessment.id, version: assessment.version, status: "AWAITING_RATIFICATION" },
      data: { ...update, version: { increment: 1 } },
    });
    if (count === 0) throw conflict("Someone ratified this assessment at the same moment. Reload to see it.");
    await writeAudit(tx, user, {
      action: "UPDATE",
      entity: "FinalAssessment",
      entityId: assessment.id,
      changes: changedFields(assessment, update),
    });
    await announce(tx, user, placement, assessment, "COMPLETE");
    return { id: assessment.id, status: "COMPLETE" as const, version: assessment.version + 1 };
  });
}

/** A stage 2 PE's queue: the team's final assessments waiting for ratification that they did not write. */
export async function listAwaitingRatification(user: SessionUser) {
  const db = getDb();
  const viewer = await withPepsStage(db, user);
  const eligible = viewer.role === "PRACTICE_EDUCATOR" && viewer.pepsStage === "STAGE_2";
  if (!eligible) return { eligible: false, pepsStage: viewer.pepsStage, items: [] };
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
      practiceEducator: { select: { name: true } },
      placement: { select: { id: true, level: true, setting: true, student: { select: { name: true } } } },
    },
  });
  return {
    eligible: true,
    pepsStage: viewer.pepsStage,
    items: rows.map((row) => ({
      id: row.id,
      placementId: row.placement.id,
      studentName: row.placement.student.name,
      setting: row.placement.setting,
      level: row.placement.level,
      practiceEducatorName: row.practiceEducator.name,
      recommendation: row.recommendation,
      peSignedAt: row.peSignedAt?.toISOString() ?? null,
      waitingSince: row.updatedAt.toISOString(),
    })),
  };
}
