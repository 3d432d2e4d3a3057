import "server-only";
import type { Tx } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { canSignFinalAssessmentAs, ratificationRefusal } from "@/lib/access/portfolio";
import { command, parseId } from "@/lib/core/command";
import { conflict, invalid } from "@/lib/errors";
import { notify } from "@/lib/notifications/notifications";
import { missingBeforePeSigns, sign, type FinalStatusName } from "@/lib/portfolio/final-assessment-rules";
import {
  domainTextsOf,
  finalAssessmentInScope,
  signStateOf,
  type AssessedPlacement,
  type LoadedAssessment,
} from "@/lib/portfolio/final-assessment-scope";
import { ratifySchema, SIGNATORIES, signFinalAssessmentSchema } from "@/lib/validations/final-assessment";
import { choiceIn } from "@/lib/validations/known-fields";

// The signatures of the final assessment and its ratification (docs/domain.md
// "Observations, reviews, concerns and the final assessment"): the PE signs
// first, once the report is complete; the student and the on-site supervisor
// then sign in any order; a stage 1 PE's final-placement assessment waits for
// a stage 2 PE of the team to ratify it.

const linkTo = (placementId: string) => `/placements/${placementId}/final-assessment`;

const SIGN_REFUSALS = {
  PRACTICE_EDUCATOR: "Only the placement's current practice educator signs as practice educator.",
  STUDENT: "Only the student signs as student.",
  ONSITE_SUPERVISOR: "Only the placement's on-site supervisor signs as on-site supervisor.",
} as const;

const SIGNATURE_LABELS: Record<string, string> = {
  holisticSummary: "holistic summary",
  developmentPlan: "development plan",
  recommendation: "recommendation",
  status: "signatures",
  peSignedAt: "signatures",
  studentSignedAt: "signatures",
  onsiteSignedAt: "signatures",
};

/** Notifies whoever must act next, or the assessor and the student when the assessment is complete. */
async function announce(
  tx: Tx,
  user: SessionUser,
  placement: AssessedPlacement,
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
export const signFinalAssessment = command({
  parse: (assessmentId: string, body: unknown) => ({
    assessmentId: parseId(assessmentId, "That final assessment"),
    as: choiceIn(body, "as", SIGNATORIES),
    body: body ?? {},
  }),
  input: signFinalAssessmentSchema,
  load: ({ tx, user }, input) => finalAssessmentInScope(tx, user, input.assessmentId),
  // Each signature is one person's; a body naming none is refused by its schema, once the user signs at all.
  allow: (user, { placement }, { as }) =>
    as
      ? canSignFinalAssessmentAs(user, placement, as) || SIGN_REFUSALS[as]
      : SIGNATORIES.some((signatory) => canSignFinalAssessmentAs(user, placement, signatory)) ||
        "Only the practice educator, the student and the on-site supervisor sign the final assessment.",
  // When the caller names the version they read, a signature over a stale view is refused.
  version: ({ assessment }, data) =>
    data.version === undefined
      ? null
      : {
          entity: "FinalAssessment",
          id: assessment.id,
          current: assessment.version,
          expected: data.version,
          what: "the final assessment",
          labels: SIGNATURE_LABELS,
        },
  async run({ tx, user, audit, placementChanged }, { placement, assessment }, data) {
    const result = sign(data.as, signStateOf(placement, assessment));
    if (!result.ok) throw conflict(result.reason);
    const now = new Date();
    let update: Record<string, unknown>;
    if (data.as === "PRACTICE_EDUCATOR") {
      const missing = missingBeforePeSigns(
        {
          holisticSummary: assessment.holisticSummary,
          recommendation: assessment.recommendation,
          domains: domainTextsOf(assessment),
        },
        assessment.domains.map((domain) => domain.frameworkItem.code),
      );
      if (Object.keys(missing).length)
        throw invalid("The final report is not complete: write the missing parts, then sign.", missing);
      update = { status: result.status, peSignedAt: now, practiceEducatorId: user.id };
    } else if (data.as === "STUDENT") {
      if (!assessment.studentReflection.trim())
        throw invalid("Write your reflective summary before you sign.", {
          studentReflection: ["Write your reflective summary before you sign"],
        });
      update = { status: result.status, studentSignedAt: now };
    } else {
      update = { status: result.status, onsiteSignedAt: now, onsiteSignedById: user.id };
    }
    // The version in the where clause: two signatures racing cannot both count.
    const { count } = await tx.finalAssessment.updateMany({
      where: { id: assessment.id, version: assessment.version },
      data: { ...update, version: { increment: 1 } },
    });
    if (count === 0) throw conflict("Someone signed or saved at the same moment. Reload and try again.");
    // Who signed, as well as what changed: the audit log answers "signed as what?".
    await audit.updated(
      "FinalAssessment",
      assessment.id,
      { ...assessment, signedAs: null },
      { ...update, signedAs: data.as },
      { from: assessment.version, to: assessment.version + 1 },
    );
    placementChanged(placement.id);

    if (data.as === "PRACTICE_EDUCATOR") {
      await notify(tx, [placement.studentId, placement.onsiteSupervisorId ?? ""], {
        kind: "FINAL_ASSESSMENT_SIGNED",
        title: `Final assessment of ${placement.student.name} signed by the practice educator`,
        body: "Read the final report and sign it. Students: write your reflective summary first.",
        link: linkTo(placement.id),
      });
    } else {
      await announce(tx, user, placement, assessment, result.status);
    }
    return { id: assessment.id, status: result.status, version: assessment.version + 1 };
  },
});

/** A stage 2 PE of the team, not the assessor, ratifies a stage 1 PE's final-placement assessment. */
export const ratifyFinalAssessment = command({
  parse: (assessmentId: string, body: unknown = {}) => ({
    assessmentId: parseId(assessmentId, "That final assessment"),
    body: body ?? {},
  }),
  input: ratifySchema,
  load: ({ tx, user }, input) => finalAssessmentInScope(tx, user, input.assessmentId),
  // Who may ratify at all is a 403; whether this assessment is ready for it is a 409 (below).
  allow: (_user, { viewer, placement, assessment }) =>
    ratificationRefusal(viewer, {
      status: "AWAITING_RATIFICATION",
      practiceEducatorId: assessment.practiceEducatorId,
      teamId: placement.teamId,
    }) ?? true,
  version: ({ assessment }, data) =>
    data.version === undefined
      ? null
      : {
          entity: "FinalAssessment",
          id: assessment.id,
          current: assessment.version,
          expected: data.version,
          what: "the final assessment",
          labels: SIGNATURE_LABELS,
        },
  async run({ tx, user, audit, placementChanged }, { viewer, placement, assessment }) {
    const wrongStatus = ratificationRefusal(viewer, {
      status: assessment.status as FinalStatusName,
      practiceEducatorId: assessment.practiceEducatorId,
      teamId: placement.teamId,
    });
    if (wrongStatus) throw conflict(wrongStatus);
    const update = { status: "COMPLETE" as const, ratifiedAt: new Date(), ratifiedById: user.id };
    const { count } = await tx.finalAssessment.updateMany({
      where: { id: assessment.id, version: assessment.version, status: "AWAITING_RATIFICATION" },
      data: { ...update, version: { increment: 1 } },
    });
    if (count === 0) throw conflict("Someone ratified this assessment at the same moment. Reload to see it.");
    await audit.updated("FinalAssessment", assessment.id, assessment, update, {
      from: assessment.version,
      to: assessment.version + 1,
    });
    placementChanged(placement.id);
    await announce(tx, user, placement, assessment, "COMPLETE");
    return { id: assessment.id, status: "COMPLETE" as const, version: assessment.version + 1 };
  },
});
