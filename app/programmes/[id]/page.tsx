import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/current-user";
import { loadOrNotFound } from "@/lib/page-guards";
import { getDirectWorkProgramme, type DirectWorkProgrammeView } from "@/lib/children/direct-work/reads";
import { formatDate, formatDateTime, todayInUk } from "@/lib/dates";
import { ProgressBar } from "@/components/progress-bar";
import { PageHeader } from "@/components/page-header";
import { RatingText } from "@/app/feedback/face";
import { SessionStatusBadge } from "./session-status-badge";
import { GoalsForm } from "./goals-form";
import { ScoreGoalForm } from "./score-goal-form";
import { AddSessionForm, ClosePlanForm, ExtendPlanForm } from "./plan-forms";
import { MakeEvidenceButton } from "./make-evidence-button";
import { TableRegion } from "@/components/table-region";

export const metadata: Metadata = { title: "Direct-work programme" };
export const dynamic = "force-dynamic";

type Goal = DirectWorkProgrammeView["goals"][number];

/** Start and latest score on the 0–10 scale. The numbers are in the text beside it; the bars only show them. */
function GoalBars({ goal }: { goal: Goal }) {
  const bar = (score: number | null, className: string, label: string) => (
    <div className="flex items-center gap-2">
      <span className="w-12 shrink-0 text-xs text-muted">{label}</span>
      <div className="h-3 w-40 overflow-hidden rounded border border-gray-700 bg-white">
        {score !== null && <div className={`h-full ${className}`} style={{ width: `${score * 10}%` }} />}
      </div>
      <span className="w-6 text-xs font-semibold">{score ?? "—"}</span>
    </div>
  );
  const latestLabel =
    goal.change.latestStage === "END" ? "End" : goal.change.latestStage === "REVIEW" ? "Review" : "Latest";
  return (
    <div aria-hidden="true" className="space-y-1">
      {bar(goal.startScore, "bg-gray-500", "Start")}
      {goal.change.latestStage &&
        goal.change.latestStage !== "START" &&
        bar(goal.change.latest, "bg-brand-600", latestLabel)}
    </div>
  );
}

export default async function DirectWorkProgrammePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const programme = await loadOrNotFound(() => getDirectWorkProgramme(user, id));
  const { progress, permissions } = programme;
  const today = todayInUk();
  const agreedWith = [
    programme.agreedWithSchool && "the school",
    programme.agreedWithChild && "the child",
    programme.agreedWithParents && "the parents or carers",
  ].filter((who) => who !== false);
  const feedback = programme.sessions.flatMap((session) =>
    session.feedback.map((item) => ({ ...item, sessionNumber: session.number, theme: session.theme })),
  );
  const cancelledBy = Object.entries(progress.attendance.cancelledBy).filter(([, count]) => count > 0);

  return (
    <div className="space-y-8">
      <PageHeader
        trail={[
          { href: "/caseload", label: "Caseload" },
          { href: `/children/${programme.child.id}`, label: programme.child.label },
        ]}
        title={`Direct work with ${programme.child.label}`}
        aside={
          permissions.closed && (
            <span className="rounded border border-gray-700 bg-gray-100 px-2 py-0.5 text-sm font-semibold">Closed</span>
          )
        }
      >
        <p className="text-muted">
          {programme.allocation.studentName} · overseen by {programme.allocation.overseeingPeName} ·{" "}
          {formatDate(programme.startDate)} to {formatDate(programme.endDate)}
        </p>
        <p className="text-muted">
          Plan agreed with {agreedWith.length ? agreedWith.join(", ") : "nobody recorded yet"}.
        </p>
      </PageHeader>

      <section aria-labelledby="progress-heading" className="rounded border border-gray-300 bg-white p-4">
        <h2 id="progress-heading" className="mb-3 text-xl font-bold">
          Progress
        </h2>
        <ProgressBar
          value={progress.sessions.done}
          max={progress.sessions.planned}
          label="Sessions done of those planned"
        />
        <ul className="mt-3 grid grid-cols-2 gap-2 text-sm sm:grid-cols-4">
          <li>
            <span className="font-semibold">{progress.attendance.attended}</span> attended
          </li>
          <li>
            <span className="font-semibold">{progress.attendance.didNotAttend}</span> did not attend
          </li>
          <li>
            <span className="font-semibold">{progress.attendance.cancelled}</span> cancelled
            {cancelledBy.length > 0 && (
              <span className="text-muted">
                {" "}
                ({cancelledBy.map(([by, count]) => `${count} by the ${by.toLowerCase()}`).join(", ")})
              </span>
            )}
          </li>
          <li>
            Child&apos;s average rating:{" "}
            <span className="font-semibold">
              {progress.averageChildRating === null ? "none yet" : <RatingText rating={progress.averageChildRating} />}
            </span>
          </li>
        </ul>
      </section>

      <section aria-labelledby="sessions-heading">
        <h2 id="sessions-heading" className="mb-3 text-xl font-bold">
          Sessions
        </h2>
        <TableRegion label="Planned sessions">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Planned sessions with their theme and what happened</caption>
            <thead className="bg-gray-100">
              <tr>
                <th scope="col" className="px-3 py-2">
                  Session
                </th>
                <th scope="col" className="px-3 py-2">
                  Planned
                </th>
                <th scope="col" className="px-3 py-2">
                  Theme
                </th>
                <th scope="col" className="px-3 py-2">
                  Status
                </th>
                <th scope="col" className="px-3 py-2">
                  Held
                </th>
                <th scope="col" className="px-3 py-2">
                  Child&apos;s rating
                </th>
                <th scope="col" className="px-3 py-2">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {programme.sessions.map((session) => {
                const canTablet =
                  permissions.canAskFeedback &&
                  (session.status === "ATTENDED" || (session.status === "PLANNED" && session.plannedOn <= today));
                return (
                  <tr key={session.id} className="border-t border-gray-200 align-top">
                    <th scope="row" className="px-3 py-2 font-semibold">
                      {session.number}
                    </th>
                    <td className="whitespace-nowrap px-3 py-2">{formatDate(session.plannedOn)}</td>
                    <td className="px-3 py-2">{session.theme}</td>
                    <td className="px-3 py-2">
                      <SessionStatusBadge status={session.status} text={session.statusText} />
                    </td>
                    <td className="whitespace-nowrap px-3 py-2">{session.heldOn ? formatDate(session.heldOn) : "—"}</td>
                    <td className="whitespace-nowrap px-3 py-2">
                      <RatingText rating={session.childRating} />
                    </td>
                    <td className="px-3 py-2">
                      <div className="flex flex-col gap-1">
                        <Link
                          href={`/programmes/${programme.id}/sessions/${session.id}`}
                          className="font-semibold text-brand-700 underline"
                        >
                          {permissions.canWrite ? (session.status === "PLANNED" ? "Record" : "Edit") : "View"}
                          <span className="sr-only"> session {session.number}</span>
                        </Link>
                        {canTablet && (
                          <Link href={`/feedback/${session.id}`} className="text-brand-700 underline">
                            Child feedback on the tablet<span className="sr-only"> for session {session.number}</span>
                          </Link>
                        )}
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableRegion>
        {permissions.canWrite && (
          <div className="mt-4 grid grid-cols-1 gap-4 md:grid-cols-2">
            <div className="rounded border border-gray-300 bg-white p-4">
              <h3 className="mb-2 text-lg font-semibold">Add a session</h3>
              {permissions.canAddSession ? (
                <AddSessionForm
                  programmeId={programme.id}
                  themes={programme.themes}
                  defaultDate={programme.nextSessionOn}
                  min={programme.startDate}
                  max={programme.endDate}
                />
              ) : (
                <p>
                  All {programme.plannedSessions} planned sessions are in the plan. To add session{" "}
                  {programme.plannedSessions + 1}, extend the plan first.
                </p>
              )}
            </div>
            <div className="rounded border border-gray-300 bg-white p-4">
              <h3 className="mb-2 text-lg font-semibold">Extend the plan</h3>
              <ExtendPlanForm programmeId={programme.id} version={programme.version} endDate={programme.endDate} />
            </div>
          </div>
        )}
      </section>

      <section aria-labelledby="goals-heading">
        <h2 id="goals-heading" className="mb-1 text-xl font-bold">
          Goals agreed with the child
        </h2>
        <p className="mb-3 text-sm text-muted">
          Up to three goals, each scored by the child from 0 to 10 at the start, at review and at the end.
          {permissions.canWrite && !permissions.canScoreGoals && (
            <> The child gives the first scores at the first session, planned for {formatDate(programme.startDate)}.</>
          )}
        </p>
        {programme.goals.length === 0 ? (
          <p className="rounded border border-gray-300 bg-white p-4">No goals agreed yet.</p>
        ) : (
          <TableRegion label="Goals and scores">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Goals with their scores from 0 to 10 and the change</caption>
              <thead className="bg-gray-100">
                <tr>
                  <th scope="col" className="px-3 py-2">
                    Goal
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Start
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Review
                  </th>
                  <th scope="col" className="px-3 py-2">
                    End
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Change
                  </th>
                </tr>
              </thead>
              <tbody>
                {programme.goals.map((goal) => (
                  <tr key={goal.id} className="border-t border-gray-200 align-top">
                    <th scope="row" className="px-3 py-2 font-normal">
                      <span className="font-semibold">{goal.number}.</span> {goal.description}
                      {permissions.canScoreGoals && (
                        <ScoreGoalForm
                          programmeId={programme.id}
                          goal={{
                            id: goal.id,
                            number: goal.number,
                            startScore: goal.startScore,
                            reviewScore: goal.reviewScore,
                            endScore: goal.endScore,
                          }}
                        />
                      )}
                    </th>
                    <td className="px-3 py-2 text-base font-semibold">{goal.startScore ?? "—"}</td>
                    <td className="px-3 py-2 text-base font-semibold">{goal.reviewScore ?? "—"}</td>
                    <td className="px-3 py-2 text-base font-semibold">{goal.endScore ?? "—"}</td>
                    <td className="px-3 py-2">
                      <p className="mb-1">{goal.change.text}</p>
                      <GoalBars goal={goal} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        )}
        {permissions.canWrite && (
          <details className="mt-3 rounded border border-gray-300 bg-white p-4">
            <summary className="cursor-pointer font-semibold text-brand-700">
              {programme.goals.length ? "Change the goals" : "Set the goals"}
            </summary>
            <div className="mt-4">
              <GoalsForm programmeId={programme.id} goals={programme.goals.map((goal) => goal.description)} />
            </div>
          </details>
        )}
      </section>

      <section aria-labelledby="feedback-heading">
        <h2 id="feedback-heading" className="mb-1 text-xl font-bold">
          The child&apos;s feedback
        </h2>
        <p className="mb-3 text-sm text-muted">
          What the child (or a carer, by a one-time link) said on the feedback screen after a session.
        </p>
        {feedback.length === 0 ? (
          <p className="rounded border border-gray-300 bg-white p-4">
            No feedback yet. Open a session to hand the child the tablet or to create a link for a carer.
          </p>
        ) : (
          <ul className="space-y-2">
            {feedback.map((item) => (
              <li key={item.id} className="rounded border border-gray-300 bg-white p-3">
                <p className="text-sm text-muted">
                  Session {item.sessionNumber} ({item.theme}) ·{" "}
                  {item.givenBy === "CARER" ? "a carer, by link" : "the child"} ·{" "}
                  {formatDateTime(new Date(item.createdAt))}
                </p>
                <p className="font-semibold">
                  <RatingText rating={item.rating} size={24} />
                </p>
                {item.whatWasGood && (
                  <p>
                    <span className="font-semibold">What was good: </span>
                    {item.whatWasGood}
                  </p>
                )}
                {item.whatCouldBeBetter && (
                  <p>
                    <span className="font-semibold">What could be better: </span>
                    {item.whatCouldBeBetter}
                  </p>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="closing-heading">
        <h2 id="closing-heading" className="mb-3 text-xl font-bold">
          Closing summary
        </h2>
        {programme.closedAt ? (
          <div className="rounded border border-gray-300 bg-white p-4">
            <p className="whitespace-pre-line">{programme.closingSummary}</p>
            {programme.summaryForSchool && (
              <>
                <h3 className="mt-3 font-semibold">Summary for the school</h3>
                <p className="whitespace-pre-line">{programme.summaryForSchool}</p>
              </>
            )}
            <p className="mt-2 text-sm text-muted">Closed {formatDateTime(new Date(programme.closedAt))}.</p>
            {permissions.canMakeEvidence && (
              <div className="mt-3">
                <MakeEvidenceButton programmeId={programme.id} />
              </div>
            )}
          </div>
        ) : permissions.canWrite ? (
          <details className="rounded border border-gray-300 bg-white p-4">
            <summary className="cursor-pointer font-semibold text-brand-700">Close the programme</summary>
            <div className="mt-4">
              <ClosePlanForm programmeId={programme.id} version={programme.version} />
            </div>
          </details>
        ) : (
          <p className="rounded border border-gray-300 bg-white p-4">The programme is still open.</p>
        )}
      </section>
    </div>
  );
}
