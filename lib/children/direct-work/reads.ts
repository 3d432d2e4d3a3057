import "server-only";
import { getDb } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";
import { allocationsVisibleTo, canWriteChildWork } from "@/lib/access/children";
import { parseId } from "@/lib/core/command";
import { notFound } from "@/lib/errors";
import { toIsoDate, todayInUk } from "@/lib/dates";
import { presentChildrenFor } from "@/lib/children/children";
import { namesFor } from "@/lib/children/people-names";
import { redactChild } from "@/lib/children/present-child";
import { goalChange, directWorkProgress } from "@/lib/children/direct-work/progress";
import { activeThemes } from "@/lib/children/direct-work/themes";
import { nextSessionDate } from "@/lib/children/direct-work/weeks";
import { sessionStatusInWords } from "@/lib/validations/direct-work";

// Reading a direct-work programme (docs/domain.md, "Children's work"): through
// allocationsVisibleTo; the child named only through presentChildrenFor, which
// audits the view; free text with the child's names taken out for those who
// see the work by code only.

/** What the "agree a plan" form needs: the allocation, its child (name only where allowed), and the team's themes. */
export async function getDirectWorkPlanForm(user: SessionUser, allocationId: string) {
  assertVerifiedUser(user);
  const id = parseId(allocationId, "That allocation");
  return getDb().$transaction(async (tx) => {
    const allocation = await tx.allocation.findFirst({
      where: { AND: [allocationsVisibleTo(user), { id }] },
      include: {
        child: { include: { school: { select: { name: true } } } },
        student: { select: { id: true, name: true } },
        overseeingPe: { select: { id: true, name: true } },
        programme: { select: { id: true } },
      },
    });
    if (!allocation) throw notFound("That allocation");
    const [child] = await presentChildrenFor(tx, user, [allocation.child], "direct-work plan");
    const nameOf = await namesFor(tx, user, [allocation.student.id, allocation.overseeingPe.id]);
    return {
      allocation: {
        id: allocation.id,
        kind: allocation.kind,
        status: allocation.status,
        startDate: toIsoDate(allocation.startDate),
        endDate: allocation.endDate ? toIsoDate(allocation.endDate) : null,
        studentName: nameOf(allocation.student),
        overseeingPeName: nameOf(allocation.overseeingPe),
      },
      child,
      programmeId: allocation.programme?.id ?? null,
      themes: await activeThemes(tx, allocation.child.teamId),
      canWrite: canWriteChildWork(user, allocation),
    };
  });
}

/** A programme with its sessions, the child's feedback, goals and progress. The child is named only to those allowed; that view is audited. */
export async function getDirectWorkProgramme(user: SessionUser, programmeId: string) {
  assertVerifiedUser(user);
  const id = parseId(programmeId, "That programme");
  return getDb().$transaction(async (tx) => {
    const row = await tx.directWorkProgramme.findFirst({
      where: { id, allocation: allocationsVisibleTo(user) },
      include: {
        allocation: {
          include: {
            child: { include: { school: { select: { name: true } } } },
            student: { select: { id: true, name: true } },
            overseeingPe: { select: { id: true, name: true } },
          },
        },
        sessions: { orderBy: { number: "asc" }, include: { feedback: { orderBy: { createdAt: "asc" } } } },
        goals: { orderBy: { number: "asc" } },
      },
    });
    if (!row) throw notFound("That programme");
    const [child] = await presentChildrenFor(tx, user, [row.allocation.child], "direct-work programme");
    const nameOf = await namesFor(tx, user, [row.allocation.student.id, row.allocation.overseeingPe.id]);
    // Free text can name the child: for someone who sees the work by code only, the names are taken out.
    const free =
      child.name === null ? (text: string) => redactChild(text, row.allocation.child) : (text: string) => text;
    const canWrite = canWriteChildWork(user, row.allocation);
    const closed = Boolean(row.closedAt);
    const sessions = row.sessions.map((session) => ({
      id: session.id,
      number: session.number,
      plannedOn: toIsoDate(session.plannedOn),
      theme: session.theme,
      status: session.status,
      statusText: sessionStatusInWords(session.status, session.cancelledBy),
      heldOn: session.heldOn ? toIsoDate(session.heldOn) : null,
      cancelledBy: session.cancelledBy,
      whatWasDone: free(session.whatWasDone),
      childsWords: free(session.childsWords),
      childsWordsShareable: session.childsWordsShareable,
      studentReflection: free(session.studentReflection),
      childRating: session.childRating,
      version: session.version,
      feedback: session.feedback.map((feedback) => ({
        id: feedback.id,
        rating: feedback.rating,
        whatWasGood: free(feedback.whatWasGood),
        whatCouldBeBetter: free(feedback.whatCouldBeBetter),
        givenBy: feedback.givenBy,
        createdAt: feedback.createdAt.toISOString(),
      })),
    }));
    const goals = row.goals.map((goal) => ({
      id: goal.id,
      number: goal.number,
      description: free(goal.description),
      startScore: goal.startScore,
      reviewScore: goal.reviewScore,
      endScore: goal.endScore,
      change: goalChange(goal),
    }));
    const lastPlanned = row.sessions.at(-1)?.plannedOn;
    const dates = { startDate: toIsoDate(row.startDate), endDate: toIsoDate(row.endDate) };
    return {
      id: row.id,
      version: row.version,
      child,
      allocation: {
        id: row.allocation.id,
        status: row.allocation.status,
        studentName: nameOf(row.allocation.student),
        overseeingPeName: nameOf(row.allocation.overseeingPe),
        startDate: toIsoDate(row.allocation.startDate),
      },
      plannedSessions: row.plannedSessions,
      startDate: toIsoDate(row.startDate),
      endDate: toIsoDate(row.endDate),
      agreedWithSchool: row.agreedWithSchool,
      agreedWithChild: row.agreedWithChild,
      agreedWithParents: row.agreedWithParents,
      closingSummary: row.closingSummary === null ? null : free(row.closingSummary),
      summaryForSchool: row.summaryForSchool === null ? null : free(row.summaryForSchool),
      closedAt: row.closedAt?.toISOString() ?? null,
      sessions,
      goals,
      progress: directWorkProgress({
        plannedSessions: row.plannedSessions,
        sessions: row.sessions.map((session) => ({
          status: session.status,
          cancelledBy: session.cancelledBy,
          childRating: session.childRating,
          feedbackRatings: session.feedback.filter((f) => f.givenBy === "CHILD").map((f) => f.rating),
        })),
        goals: row.goals,
      }),
      /** The team's themes, for adding a session (writers only). */
      themes: canWrite && !closed ? await activeThemes(tx, row.allocation.child.teamId) : [],
      /** Where the next added session would fall by default: a week after the last one, within the programme. */
      nextSessionOn: nextSessionDate(lastPlanned ? toIsoDate(lastPlanned) : null, dates),
      permissions: {
        canWrite: canWrite && !closed,
        canAddSession: canWrite && !closed && row.sessions.length < row.plannedSessions,
        /** The child gives goal scores in the sessions, so not before the first one (scoreDirectWorkGoal). */
        canScoreGoals: canWrite && !closed && todayInUk() >= dates.startDate,
        /** The child's feedback may still come after the programme is closed. */
        canAskFeedback: canWrite,
        closed,
        /** The student who ran it turns a closed programme into portfolio evidence (lib/portfolio/programme-evidence.ts). */
        canMakeEvidence: closed && row.allocation.studentId === user.id,
      },
    };
  });
}

export type DirectWorkProgrammeView = Awaited<ReturnType<typeof getDirectWorkProgramme>>;
