import "server-only";
import type { SessionUser } from "@/lib/auth/session-user";
import { canWriteFinalAssessment, canWriteFinalReflection } from "@/lib/access/portfolio";
import { command, parseId } from "@/lib/core/command";
import { CHECK_FIELDS, conflict, invalid, notFound } from "@/lib/errors";
import { frameworkInForce } from "@/lib/frameworks/frameworks";
import {
  peFieldsEditable,
  studentReflectionEditable,
  type FinalStatusName,
} from "@/lib/portfolio/final-assessment-rules";
import { finalAssessmentOfPlacement } from "@/lib/portfolio/final-assessment-scope";
import { finalAssessmentPeSchema, finalReflectionSchema } from "@/lib/validations/final-assessment";

// Writing the final assessment: the current PE starts it and drafts their
// report; the student drafts their critical reflection alongside, with a
// version of its own so neither's saves collide with the other's
// (docs/domain.md "Observations, reviews, concerns and the final assessment").

type Loaded = Awaited<ReturnType<typeof finalAssessmentOfPlacement>>;

/** The assessment must exist for its parts to be saved. */
function existing(loaded: Loaded) {
  if (!loaded.assessment) throw notFound("That final assessment");
  return { ...loaded, assessment: loaded.assessment };
}

const onlyTheCurrentPe =
  (refusal: string) =>
  (user: SessionUser, { placement }: Loaded) =>
    canWriteFinalAssessment(user, placement) || refusal;

/** The current PE starts the final assessment: one per placement, with a blank text for each PCF domain in force. */
export const startFinalAssessment = command({
  parse: (placementId: string) => ({ placementId: parseId(placementId, "That placement") }),
  load: ({ tx, user }, input) => finalAssessmentOfPlacement(tx, user, input.placementId),
  allow: onlyTheCurrentPe("Only the placement's current practice educator starts the final assessment."),
  async run({ tx, user, audit, placementChanged }, { placement }) {
    if (await tx.finalAssessment.findUnique({ where: { placementId: placement.id }, select: { id: true } }))
      throw conflict("This placement already has a final assessment: open it instead of starting another.");
    if (placement.status === "PLANNED")
      throw conflict("The placement has not started yet, so there is nothing to assess.");
    const framework = await frameworkInForce(tx, "PCF");
    if (!framework)
      throw conflict(
        "No version of the Professional Capabilities Framework is in force: ask the team manager to check the frameworks.",
      );
    const created = await tx.finalAssessment.create({
      data: {
        placementId: placement.id,
        practiceEducatorId: user.id,
        domains: { create: framework.items.map((item) => ({ frameworkItemId: item.id, text: "" })) },
      },
    });
    await audit.created("FinalAssessment", created, { framework: `${framework.code} ${framework.version}` });
    placementChanged(placement.id);
    return { id: created.id, version: created.version, reflectionVersion: created.reflectionVersion };
  },
});

const PE_PART_LABELS: Record<string, string> = {
  holisticSummary: "holistic summary",
  developmentPlan: "development plan",
  recommendation: "recommendation",
  practiceEducatorId: "assessor",
  status: "signatures",
  peSignedAt: "signatures",
  studentSignedAt: "signatures",
  onsiteSignedAt: "signatures",
};

/** The PE saves their parts of the draft (any subset). A stale version is a 409 and nothing is saved. */
export const saveFinalAssessmentPeParts = command({
  parse: (placementId: string, body: unknown) => ({
    placementId: parseId(placementId, "That placement"),
    body: body ?? {},
  }),
  input: finalAssessmentPeSchema,
  load: async ({ tx, user }, input) => existing(await finalAssessmentOfPlacement(tx, user, input.placementId)),
  allow: onlyTheCurrentPe("Only the placement's current practice educator writes the final report."),
  version: ({ assessment }, data) => ({
    entity: "FinalAssessment",
    id: assessment.id,
    current: assessment.version,
    expected: data.version,
    what: "the final report",
    labels: PE_PART_LABELS,
  }),
  async run({ tx, user, audit }, { assessment }, data) {
    if (!peFieldsEditable(assessment.status as FinalStatusName))
      throw conflict("You have signed the final report, so it is locked.");
    const byCode = new Map(assessment.domains.map((domain) => [domain.frameworkItem.code, domain]));
    const unknown = Object.keys(data.domains ?? {}).filter((code) => !byCode.has(code));
    if (unknown.length)
      throw invalid(
        CHECK_FIELDS,
        Object.fromEntries(unknown.map((code) => [`domains.${code}`, ["Not a domain of this framework"]])),
      );

    const next: Record<string, unknown> = {};
    if (data.holisticSummary !== undefined) next.holisticSummary = data.holisticSummary;
    if (data.developmentPlan !== undefined) next.developmentPlan = data.developmentPlan;
    if (data.recommendation !== undefined) next.recommendation = data.recommendation;
    // The assessor is whoever writes it now (the PE may have changed since it was started).
    if (assessment.practiceEducatorId !== user.id) next.practiceEducatorId = user.id;

    const { count } = await tx.finalAssessment.updateMany({
      where: { id: assessment.id, version: data.version, status: "DRAFT" },
      data: { ...next, version: { increment: 1 } },
    });
    if (count === 0) throw conflict("Someone else saved the final report at the same moment. Reload and try again.");
    const before: Record<string, unknown> = { ...assessment };
    const after: Record<string, unknown> = { ...next };
    for (const [code, text] of Object.entries(data.domains ?? {})) {
      const domain = byCode.get(code)!;
      if (domain.text === text) continue;
      await tx.finalDomainAssessment.update({
        where: {
          assessmentId_frameworkItemId: { assessmentId: assessment.id, frameworkItemId: domain.frameworkItemId },
        },
        data: { text },
      });
      before[`domain ${code}`] = domain.text;
      after[`domain ${code}`] = text;
    }
    await audit.updated("FinalAssessment", assessment.id, before, after, {
      from: data.version,
      to: data.version + 1,
    });
    return { id: assessment.id, version: data.version + 1 };
  },
});

/**
 * The student writes their critical reflection until they sign. It has its
 * own version, audited as its own record, so the PE's saves never collide with it.
 */
export const saveFinalReflection = command({
  parse: (placementId: string, body: unknown) => ({
    placementId: parseId(placementId, "That placement"),
    body: body ?? {},
  }),
  input: finalReflectionSchema,
  load: async ({ tx, user }, input) => existing(await finalAssessmentOfPlacement(tx, user, input.placementId)),
  allow: (user, { placement }) =>
    canWriteFinalReflection(user, placement) || "Only the student writes the reflective summary.",
  version: ({ assessment }, data) => ({
    entity: "FinalAssessmentReflection",
    id: assessment.id,
    current: assessment.reflectionVersion,
    expected: data.reflectionVersion,
    what: "your reflection",
    labels: { studentReflection: "text" },
  }),
  async run({ tx, audit }, { assessment }, data) {
    if (!studentReflectionEditable(assessment.status as FinalStatusName, assessment.studentSignedAt))
      throw conflict("You have signed the final assessment, so your reflection is locked.");
    const { count } = await tx.finalAssessment.updateMany({
      where: { id: assessment.id, reflectionVersion: data.reflectionVersion, studentSignedAt: null },
      data: { studentReflection: data.studentReflection, reflectionVersion: { increment: 1 } },
    });
    if (count === 0) throw conflict("Your reflection was saved elsewhere at the same moment. Reload and try again.");
    await audit.updated(
      "FinalAssessmentReflection",
      assessment.id,
      assessment,
      { studentReflection: data.studentReflection },
      { from: data.reflectionVersion, to: data.reflectionVersion + 1 },
    );
    return { id: assessment.id, reflectionVersion: data.reflectionVersion + 1 };
  },
});
