import type { Prisma } from "@/lib/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";
import { placementsVisibleTo } from "@/lib/access/placements";

// Practice Assessment Panels belong to a university and are run by its own
// tutors (docs/domain.md "Practice Assessment Panels"):
//
//                               list & record   sample (PAD content)   decide, build, open/close
//   tutor of the university     yes             members, while open    the panel's lead, until closed
//   another university's tutor  no              no                     no
//   everyone else               no              no                     no
//
// The decisions reach the placement: its student, its practice educators and
// its tutor see the outcome on the final assessment (panelOutcomesVisibleTo).
// No panel view shows a child's name: a PAD names children by code only.

const NOTHING = { id: { in: [] as string[] } };

export type PanelForAccess = {
  universityId: string;
  status: "PLANNED" | "OPEN" | "CLOSED";
  members: Array<{ userId: string; role: "LEAD" | "MEMBER" }>;
};

/** Who sets up panels: a university's tutors (who then lead the panel they create). */
export function canCreatePanel(user: SessionUser): boolean {
  return user.role === "UNIVERSITY_TUTOR";
}

/** Panels a user may see at all: their own university's, if they are one of its tutors. */
export function panelsVisibleTo(user: SessionUser): Prisma.AssessmentPanelWhereInput {
  assertVerifiedUser(user);
  if (user.role !== "UNIVERSITY_TUTOR") return NOTHING;
  return { universityId: user.organisationId };
}

function ownUniversity(user: SessionUser, panel: PanelForAccess) {
  return user.role === "UNIVERSITY_TUTOR" && panel.universityId === user.organisationId;
}

/** A member of this panel (the lead included). */
export function isPanelMember(user: SessionUser, panel: PanelForAccess): boolean {
  return ownUniversity(user, panel) && panel.members.some((member) => member.userId === user.id);
}

/** The panel's lead. */
export function isPanelLead(user: SessionUser, panel: PanelForAccess): boolean {
  return ownUniversity(user, panel) && panel.members.some((m) => m.userId === user.id && m.role === "LEAD");
}

/** Members read the sampled PADs and the scrutiny while the panel sits, not before or after it. */
export function canReadPanelSample(user: SessionUser, panel: PanelForAccess): true | string {
  if (!isPanelMember(user, panel)) return "Only the panel's members read its sample.";
  if (panel.status !== "OPEN")
    return panel.status === "PLANNED"
      ? "The panel has not opened yet: its members read the sample once the lead opens it."
      : "The panel has closed: its sample is no longer open to its members.";
  return true;
}

/** The lead records the panel's scrutiny and decision on each sampled PAD while the panel sits. */
export function canDecideOnPanelItem(user: SessionUser, panel: PanelForAccess): true | string {
  if (!isPanelLead(user, panel)) return "Only the panel's lead records its decisions.";
  if (panel.status !== "OPEN") return "Decisions are recorded while the panel is open.";
  return true;
}

/** The lead builds the sample, chooses the members and opens and closes the panel; a closed panel is a record. */
export function canManagePanel(user: SessionUser, panel: PanelForAccess): true | string {
  if (!isPanelLead(user, panel)) return "Only the panel's lead changes the panel.";
  if (panel.status === "CLOSED") return "The panel has closed: its record can no longer be changed.";
  return true;
}

/** Decisions a user may see on a placement: its student, its practice educators (past and present) and tutors. */
export function panelOutcomesVisibleTo(user: SessionUser): Prisma.PanelSampleItemWhereInput {
  assertVerifiedUser(user);
  if (user.role !== "STUDENT" && user.role !== "PRACTICE_EDUCATOR" && user.role !== "UNIVERSITY_TUTOR") return NOTHING;
  return { decision: { not: null }, finalAssessment: { placement: placementsVisibleTo(user) } };
}

/** A panel's request for more evidence is answered by the placement's practice educator who wrote the report. */
export function canAnswerPanelReturn(user: SessionUser, assessment: { practiceEducatorId: string }): true | string {
  return (
    (user.role === "PRACTICE_EDUCATOR" && assessment.practiceEducatorId === user.id) ||
    "Only the practice educator who wrote the final report answers the panel."
  );
}
