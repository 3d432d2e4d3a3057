import type { SessionUser } from "@/lib/auth/session-user";
import { canManagePlacements } from "@/lib/access/placements";
import { canManageAccounts, canManageApiTokens, canManageUniversities, canReadAuditLog } from "@/lib/access/admin";
import { canManageFrameworks } from "@/lib/access/portfolio";
import { sitsOnPanelsOnly } from "@/lib/access/panels";
import { worksWithChildren } from "@/lib/access/children";
import { canSeeRegister } from "@/lib/access/pe-register";
import { canRequestSupport, canTriageSchoolRequests, impactReportAudience } from "@/lib/access/schools";

// What each person's pages offer: which home page, which links in the menu,
// which columns and links on the placement dashboards. Pages read these
// objects and never look at a role themselves (docs/domain.md "Who is who").

/**
 * Which home page a person gets: a PE their students, a student their
 * placement, an on-site supervisor their students and "Log today", a school contact their requests, everyone
 * else the placement table with its filters and charts.
 */
export function homePageFor(
  user: SessionUser,
): "practice-educator" | "student" | "on-site" | "school" | "panels" | "impact" | "placements" {
  if (user.role === "PRACTICE_EDUCATOR") return "practice-educator";
  if (user.role === "SCHOOL_CONTACT") return "school";
  // Accounts with one job: a panel's guests go to their panels, the council's leadership to the impact report.
  if (sitsOnPanelsOnly(user)) return "panels";
  if (user.role === "LEADERSHIP") return "impact";
  if (user.role === "STUDENT") return "student";
  if (user.role === "ONSITE_SUPERVISOR") return "on-site";
  return "placements";
}

/** Tutors never see children's records, so search has no Children group for them (and the menu no links); a school sees only its own requests. */
export function canSeeChildRecords(user: SessionUser): boolean {
  return worksWithChildren(user);
}

/** The cohort report and the CSV link beside the dashboard: the university's tutors and the team manager. */
export function canReportOnCohorts(user: SessionUser): boolean {
  return user.role === "UNIVERSITY_TUTOR" || user.role === "ADMIN";
}

/** The PCF coverage matrix of a cohort: the university's tutors. */
export function canSeeCohortCoverage(user: SessionUser): boolean {
  return user.role === "UNIVERSITY_TUTOR";
}

/** The team and practice educators see each placement's child-work counts in progress and the CSV; tutors and on-site supervisors do not. */
export function canSeeChildWorkCounts(user: SessionUser): boolean {
  return user.role === "ADMIN" || user.role === "PRACTICE_EDUCATOR";
}

/** The team manager's overview on the home page: PEs' load and the children's work in numbers. */
export function canSeeTeamOverview(user: SessionUser): boolean {
  return user.role === "ADMIN";
}

/** A tutor's dashboard covers one university, their own: no university filter or column, and all its degree programmes. */
export function dashboardCoversOneUniversity(user: SessionUser): boolean {
  return user.role === "UNIVERSITY_TUTOR";
}

/** What the placement dashboard (tutors, the team manager, on-site supervisors) shows this person. */
export function dashboardPermissionsFor(user: SessionUser) {
  return {
    /** Whose placements the table holds, for the page's introduction. */
    scope:
      user.role === "UNIVERSITY_TUTOR"
        ? ("university" as const)
        : user.role === "ONSITE_SUPERVISOR"
          ? ("on-site" as const)
          : ("team" as const),
    canReport: canReportOnCohorts(user),
    canSeeCohortCoverage: canSeeCohortCoverage(user),
    /** On-site supervisors see their own students only: a team filter means nothing to them. */
    canFilterByTeam: user.role !== "ONSITE_SUPERVISOR",
    showsPracticeEducator: user.role === "ADMIN",
    showsUniversity: !dashboardCoversOneUniversity(user),
    canSeeTeamOverview: canSeeTeamOverview(user),
    canAddPlacement: canManagePlacements(user),
  };
}

export type DashboardPermissions = ReturnType<typeof dashboardPermissionsFor>;

/** The links of the main menu a person gets, besides Home and Placements. */
export function menuFor(user: SessionUser) {
  const oneJob = sitsOnPanelsOnly(user) || user.role === "LEADERSHIP";
  return {
    /** Placements and search: not for the accounts with one job (a panel's guests, the council's leadership). */
    placements: !oneJob,
    search: !oneJob,
    children: canSeeChildRecords(user),
    /** "My caseload" for a student, "Caseloads" for those overseeing several. */
    ownCaseload: user.role === "STUDENT",
    safeguarding: user.role === "ADMIN" || user.role === "PRACTICE_EDUCATOR",
    cohortCoverage: canSeeCohortCoverage(user),
    ratification: user.role === "PRACTICE_EDUCATOR",
    accounts: canManageAccounts(user),
    frameworks: canManageFrameworks(user),
    apiTokens: canManageApiTokens(user),
    universities: canManageUniversities(user),
    auditLog: canReadAuditLog(user),
    /** The university's side (docs/domain.md "The university's side"). */
    panels: user.role === "UNIVERSITY_TUTOR" || sitsOnPanelsOnly(user),
    /** Everyone on a placement evaluates it at its end; the tutors and the team manager see the board's overview. */
    qapl:
      user.role === "ADMIN" ||
      user.role === "PRACTICE_EDUCATOR" ||
      user.role === "STUDENT" ||
      user.role === "UNIVERSITY_TUTOR",
    peRegister: canSeeRegister(user),
    /** A school contact's requests for support, and the team manager's list of them to triage. */
    schoolRequests: canRequestSupport(user),
    schoolRequestTriage: canTriageSchoolRequests(user),
    impactReport: impactReportAudience(user) !== null,
  };
}
