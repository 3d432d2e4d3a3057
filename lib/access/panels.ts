import type { Prisma } from "@/lib/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";
import { placementsVisibleTo } from "@/lib/access/placements";

// Practice Assessment Panels belong to a university and are run by its own
// tutors (docs/domain.md "Practice Assessment Panels"):
//
//                                        list & record        sample (PAD content)   decide, build, open/close
//   tutor of the university              yes                  members, while open    the panel's lead, until closed
//   a member who is not a tutor (a PE,   their panels, while  while open             no
//   an external examiner, a service      open
//   user or carer representative)
//   another university's tutor           no                   no                     no
//   everyone else                        no                   no                     no
//
// Only tutors with the "panel lead" permission set panels up and lead them;
// the team manager or a panel lead of the same university grants it.
// External examiners and service user or carer representatives have accounts
// for the panels and nothing else: every other page and list is empty or a 404.
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

/** A user as the panel rules see them: the session user and, where it matters, their panel lead permission. */
export type PanelActor = SessionUser & { panelLead?: boolean };

/** Who sets up panels and builds their samples: a university's tutors with the panel lead permission. */
export function canCreatePanel(user: PanelActor): boolean {
  return user.role === "UNIVERSITY_TUTOR" && user.panelLead === true;
}

/** Accounts that exist only to sit on a university's panels: external examiners and service user or carer representatives. */
export function sitsOnPanelsOnly(user: SessionUser): boolean {
  return user.role === "EXTERNAL_EXAMINER" || user.role === "SERVICE_USER_REPRESENTATIVE";
}

/** Who may give or take away the panel lead permission of `target`: the team manager, or a panel lead of the target's university. */
export function canGrantPanelLead(
  user: PanelActor,
  target: { role: string; organisationId: string; active: boolean },
): true | string {
  if (target.role !== "UNIVERSITY_TUTOR" || !target.active) return "Only an active university tutor can lead panels.";
  if (user.role === "ADMIN") return true;
  if (canCreatePanel(user) && user.organisationId === target.organisationId) return true;
  return "Only the team manager or a panel lead of the same university gives the panel lead permission.";
}

/**
 * Panels a user may see at all: a tutor their own university's; any other
 * member (a practice educator, an external examiner, a service user or carer
 * representative) only the panels they sit on, and only while they sit.
 */
export function panelsVisibleTo(user: SessionUser): Prisma.AssessmentPanelWhereInput {
  assertVerifiedUser(user);
  if (user.role === "UNIVERSITY_TUTOR") return { universityId: user.organisationId };
  if (user.role === "PRACTICE_EDUCATOR")
    return { status: "OPEN", members: { some: { userId: user.id, role: "MEMBER" } } };
  if (sitsOnPanelsOnly(user))
    return {
      universityId: user.organisationId,
      status: "OPEN",
      members: { some: { userId: user.id, role: "MEMBER" } },
    };
  return NOTHING;
}

function ownUniversity(user: SessionUser, panel: PanelForAccess) {
  return user.role === "UNIVERSITY_TUTOR" && panel.universityId === user.organisationId;
}

/** A member of this panel (the lead included): a tutor of its university, or a PE, examiner or representative it names. */
export function isPanelMember(user: SessionUser, panel: PanelForAccess): boolean {
  const named = panel.members.some((member) => member.userId === user.id);
  if (user.role === "PRACTICE_EDUCATOR") return named;
  if (sitsOnPanelsOnly(user)) return named && panel.universityId === user.organisationId;
  return ownUniversity(user, panel) && named;
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
export function canManagePanel(user: PanelActor, panel: PanelForAccess): true | string {
  if (!isPanelLead(user, panel)) return "Only the panel's lead changes the panel.";
  if (user.panelLead === false) return "Your panel lead permission has been taken away: ask the team manager.";
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
