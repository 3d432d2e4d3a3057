import type { SessionUser } from "@/lib/auth/session-user";
import {
  canAddEvidenceAddendum,
  canObserve,
  canProgressConcern,
  canRaiseConcern,
  canSignFinalAssessmentAs,
  canWriteEvidence,
  evidenceVisibleTo,
  observationPermissions,
  portfolioAreasFor,
  ratificationRefusal,
} from "@/lib/access/portfolio";

const person = (id: string, role: SessionUser["role"], organisationId = "team"): SessionUser => ({
  id,
  role,
  organisationId,
  name: id,
  email: `${id}@example.org`,
});

const student = person("student", "STUDENT", "uni");
const pe = person("pe", "PRACTICE_EDUCATOR");
const pastPe = person("pastPe", "PRACTICE_EDUCATOR");
const onsite = person("onsite", "ONSITE_SUPERVISOR");
const tutor = person("tutor", "UNIVERSITY_TUTOR", "uni");
const admin = person("admin", "ADMIN");
const placement = {
  studentId: "student",
  onsiteSupervisorId: "onsite",
  currentPracticeEducatorId: "pe",
  status: "ACTIVE",
};
const finished = { ...placement, status: "COMPLETED" };

describe("evidence", () => {
  it("lets only the student write, and only while the placement is open", () => {
    expect(canWriteEvidence(student, placement)).toBe(true);
    expect(canWriteEvidence(student, finished)).toBe(false);
    for (const user of [pe, onsite, tutor, admin]) expect(canWriteEvidence(user, placement)).toBe(false);
  });

  it("lets the student and the current PE add addenda, not a past PE or the tutor", () => {
    expect(canAddEvidenceAddendum(student, placement)).toBe(true);
    expect(canAddEvidenceAddendum(pe, placement)).toBe(true);
    expect(canAddEvidenceAddendum(pastPe, placement)).toBe(false);
    expect(canAddEvidenceAddendum(tutor, placement)).toBe(false);
  });

  it("keeps drafts from tutors and all evidence from the team manager and on-site supervisors", () => {
    expect(evidenceVisibleTo(tutor)).toMatchObject({ status: { not: "DRAFT" } });
    expect(evidenceVisibleTo(pe)).not.toHaveProperty("status");
    expect(evidenceVisibleTo(admin)).toEqual({ id: { in: [] } });
    expect(evidenceVisibleTo(onsite)).toEqual({ id: { in: [] } });
  });
});

describe("observations", () => {
  const today = "2026-12-03";
  const observation = { observerId: "pe", feedbackAt: null, observedOn: today };

  it("opens the feedback and the reflection on the day of the observation, not the day before", () => {
    expect(observationPermissions(pe, observation, placement, today)).toMatchObject({ canWriteFeedback: true });
    expect(observationPermissions(student, observation, placement, today)).toMatchObject({ canWriteReflection: true });
    const tomorrow = { ...observation, observedOn: "2026-12-04" };
    expect(observationPermissions(pe, tomorrow, placement, today)).toMatchObject({
      canEditPlan: true,
      canWriteFeedback: false,
    });
    expect(observationPermissions(student, tomorrow, placement, today)).toMatchObject({
      canWritePreparation: true,
      canWriteReflection: false,
    });
  });

  it("closes the plan and the preparation once the feedback is written", () => {
    const written = { ...observation, feedbackAt: new Date() };
    expect(observationPermissions(pe, written, placement, today)).toMatchObject({
      canEditPlan: false,
      canWriteFeedback: true,
    });
    expect(observationPermissions(student, written, placement, today)).toMatchObject({ canWritePreparation: false });
  });

  it("gives another observer, the tutor and everyone on a finished placement nothing to write", () => {
    const byOnsite = { ...observation, observerId: "onsite" };
    const none = { canEditPlan: false, canWritePreparation: false, canWriteFeedback: false, canWriteReflection: false };
    expect(observationPermissions(pe, byOnsite, placement, today)).toEqual(none);
    expect(observationPermissions(tutor, observation, placement, today)).toEqual(none);
    expect(observationPermissions(pe, observation, finished, today)).toEqual(none);
    expect(observationPermissions(student, observation, finished, today)).toEqual(none);
  });

  it("lets the current PE and the on-site supervisor observe, not a past PE", () => {
    expect(canObserve(pe, placement)).toBe(true);
    expect(canObserve(onsite, placement)).toBe(true);
    expect(canObserve(pastPe, placement)).toBe(false);
    expect(canObserve(pe, finished)).toBe(false);
  });
});

describe("causes for concern", () => {
  it("lets the placement's people and the tutor raise one, not the team manager or a past PE", () => {
    for (const user of [student, pe, onsite, tutor]) expect(canRaiseConcern(user, placement)).toBe(true);
    for (const user of [admin, pastPe, person("otherStudent", "STUDENT", "uni")])
      expect(canRaiseConcern(user, placement)).toBe(false);
  });

  it("lets only the current PE and the tutor run it through its stages", () => {
    expect(canProgressConcern(pe, placement)).toBe(true);
    expect(canProgressConcern(tutor, placement)).toBe(true);
    for (const user of [student, onsite, admin, pastPe]) expect(canProgressConcern(user, placement)).toBe(false);
  });
});

describe("the final assessment", () => {
  it("gives each signature to its own person", () => {
    expect(canSignFinalAssessmentAs(pe, placement, "PRACTICE_EDUCATOR")).toBe(true);
    expect(canSignFinalAssessmentAs(student, placement, "STUDENT")).toBe(true);
    expect(canSignFinalAssessmentAs(onsite, placement, "ONSITE_SUPERVISOR")).toBe(true);
    expect(canSignFinalAssessmentAs(pe, placement, "STUDENT")).toBe(false);
    expect(canSignFinalAssessmentAs(student, placement, "PRACTICE_EDUCATOR")).toBe(false);
    expect(canSignFinalAssessmentAs(pastPe, placement, "PRACTICE_EDUCATOR")).toBe(false);
  });

  describe("who may ratify", () => {
    const assessment = { status: "AWAITING_RATIFICATION" as const, practiceEducatorId: "pe1", teamId: "team" };
    const stage2 = { ...person("pe2", "PRACTICE_EDUCATOR"), pepsStage: "STAGE_2" as const };

    it("allows a stage 2 PE of the team who is not the assessor", () => {
      expect(ratificationRefusal(stage2, assessment)).toBeNull();
    });

    it("refuses a stage 1 PE, another team, the assessor, other roles and the wrong status", () => {
      expect(ratificationRefusal({ ...stage2, pepsStage: "STAGE_1" }, assessment)).toMatch(/stage 2/);
      expect(ratificationRefusal({ ...stage2, organisationId: "other" }, assessment)).toMatch(/team/);
      expect(ratificationRefusal({ ...stage2, id: "pe1" }, assessment)).toMatch(/own/);
      expect(ratificationRefusal({ ...stage2, role: "ADMIN" }, assessment)).toMatch(/stage 2/);
      expect(ratificationRefusal(stage2, { ...assessment, status: "PE_SIGNED" })).toMatch(/not waiting/);
      expect(ratificationRefusal(stage2, { ...assessment, status: "COMPLETE" })).toMatch(/already complete/);
    });
  });
});

describe("the placement page's portfolio links", () => {
  it("offers the team manager reviews and concerns only, and the on-site supervisor no evidence", () => {
    expect(portfolioAreasFor(admin)).toEqual({
      evidence: false,
      observations: false,
      reviews: true,
      concerns: true,
      finalAssessment: false,
    });
    expect(portfolioAreasFor(onsite)).toMatchObject({ evidence: false, observations: true, finalAssessment: true });
    expect(portfolioAreasFor(tutor)).toMatchObject({ evidence: true, observations: true, finalAssessment: true });
  });
});
