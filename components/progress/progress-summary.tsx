import Link from "next/link";
import { formatDate } from "@/lib/dates";
import { milestoneStateWords } from "@/lib/progress/milestone-text";
import type { PlacementProgressDetail } from "@/lib/progress/placement-progress";
import { ProgressBar } from "@/components/progress-bar";
import { PlacementRagStatus } from "@/components/progress/rag-status";
import { WeeklySessionsChart } from "@/components/charts/weekly-sessions-chart";
import { CoverageBars } from "@/components/charts/coverage-bars";
import { formatHours } from "@/lib/supervision/format";

const STATE_STYLES = {
  DONE: "border-green-800 text-green-900",
  OVERDUE: "border-red-800 text-red-900",
  DUE_SOON: "border-amber-800 text-amber-900",
  UPCOMING: "border-gray-600 text-gray-800",
} as const;
const finishedStatus = (status: string) => status === "COMPLETED" || status === "ENDED_EARLY";
const STATE_MARKS = { DONE: "✓", OVERDUE: "!", DUE_SOON: "◷", UPCOMING: "–" } as const;

/**
 * One placement's progress in full, the same on the placement page, the
 * student's home and each card of the PE's home: RAG and its reasons, days,
 * supervision week by week, PCF coverage, observations, milestones and concerns.
 */
export function ProgressSummary({
  id,
  detail,
  level = 3,
  charts = true,
  numbers = true,
  evidenceLink = true,
}: {
  id: string;
  detail: PlacementProgressDetail;
  level?: 3 | 4;
  charts?: boolean;
  /** False where the page shows days and supervision in sections of its own (the placement page). */ numbers?: boolean;
  /** False for a reader who cannot open the portfolio's evidence (the on-site supervisor): the count shows without a link. */
  evidenceLink?: boolean;
}) {
  const { progress, days, cadence, coverageRows, milestones, observations } = detail;
  const H = level === 3 ? "h3" : "h4";
  const heading = "mb-2 text-lg font-semibold";
  return (
    <div className="space-y-5">
      <div>
        <H className={heading}>Status</H>
        <PlacementRagStatus rag={progress.rag} />
      </div>

      {numbers && (
        <div className="grid gap-5 md:grid-cols-2">
          <div>
            <H className={heading}>Days</H>
            <ProgressBar value={days.completed} max={days.required} label="Placement days completed" />
            <p className="mt-1 text-sm">
              Projected end: <span className="font-semibold">{formatDate(days.projectedEndDate)}</span>
              {days.projectedLate && <span className="font-semibold text-red-900"> — after the planned end</span>}
            </p>
          </div>
          <div>
            <H className={heading}>Supervision</H>
            <ul className="grid grid-cols-2 gap-1 text-sm">
              <li>
                <span className="font-semibold">{cadence.sessions}</span>{" "}
                {cadence.sessions === 1 ? "session" : "sessions"}
              </li>
              <li>
                <span className="font-semibold">{formatHours(cadence.totalMinutes)}</span> hours
              </li>
              <li>
                <span className="font-semibold">{cadence.missed}</span> missed {cadence.missed === 1 ? "week" : "weeks"}
              </li>
              <li>
                Last:{" "}
                <span className="font-semibold">
                  {cadence.lastSessionOn ? formatDate(cadence.lastSessionOn) : "none yet"}
                </span>
              </li>
            </ul>
            {cadence.overdue && (
              <p className="mt-1 text-sm font-semibold text-red-900">
                <span aria-hidden="true">! </span>Supervision overdue
              </p>
            )}
          </div>
        </div>
      )}

      {charts && (
        <div className="grid gap-5 lg:grid-cols-2">
          <WeeklySessionsChart
            id={`${id}-weeks`}
            title={
              cadence.everyWeeks === 1
                ? "Supervision sessions per week"
                : `Supervision sessions per ${cadence.everyWeeks}-week period`
            }
            weeks={cadence.periods.map((period) => ({
              start: period.start,
              sessions: period.sessions,
              minutes: period.minutes,
              state: period.state,
            }))}
          />
          <CoverageBars
            id={`${id}-coverage`}
            title={`PCF coverage: ${progress.coverage.domainsEvidenced} of ${progress.coverage.domains} domains evidenced`}
            rows={coverageRows}
          />
        </div>
      )}
      {!charts && (
        <p className="text-sm">
          PCF coverage:{" "}
          <span className="font-semibold">
            {progress.coverage.domainsEvidenced} of {progress.coverage.domains}
          </span>{" "}
          domains evidenced ({progress.coverage.acceptedItems} of {progress.coverage.evidenceItems} items accepted)
        </p>
      )}

      <div className="grid gap-5 md:grid-cols-2">
        <div>
          <H className={heading}>Milestones</H>
          <ul className="space-y-1 text-sm">
            {milestones.map((milestone) => (
              <li key={milestone.kind} className="flex flex-wrap items-baseline gap-2">
                <span
                  className={`inline-block min-w-24 rounded border px-1.5 text-xs font-bold ${STATE_STYLES[milestone.state]}`}
                >
                  <span aria-hidden="true">{STATE_MARKS[milestone.state]} </span>
                  {milestoneStateWords(milestone, detail.status)}
                </span>
                <span>
                  {milestone.label}:{" "}
                  {milestone.heldOn
                    ? `held ${formatDate(milestone.heldOn)}`
                    : finishedStatus(detail.status)
                      ? "not recorded"
                      : `due ${formatDate(milestone.dueDate)}`}
                </span>
              </li>
            ))}
          </ul>
        </div>
        <div>
          <H className={heading}>Observations and concerns</H>
          <ul className="space-y-1 text-sm">
            <li>
              Direct observations: <span className="font-semibold">{observations.label}</span>
              {observations.planned > 0 && ` (${observations.planned} planned)`}
            </li>
            <li>
              {observations.beforeMidpointMet ? (
                "Observation before the midpoint: met or not due yet"
              ) : (
                <span className="font-semibold text-amber-900">No observation before the midpoint</span>
              )}
            </li>
            <li>
              Open causes for concern: <span className="font-semibold">{progress.openConcerns}</span>
            </li>
            {detail.awaitingReview > 0 && (
              <li>
                {evidenceLink ? (
                  <Link
                    href={`/placements/${progress.placementId}/portfolio#waiting-for-review`}
                    className="text-brand-700 underline"
                  >
                    Evidence waiting for review: <span className="font-semibold">{detail.awaitingReview}</span>
                  </Link>
                ) : (
                  <>
                    Evidence waiting for review: <span className="font-semibold">{detail.awaitingReview}</span>
                  </>
                )}
              </li>
            )}
            {progress.childWork && (
              <li>
                Children allocated: <span className="font-semibold">{progress.childWork.allocations}</span>; overdue
                child work: <span className="font-semibold">{progress.childWork.overdueItems}</span>
              </li>
            )}
          </ul>
        </div>
      </div>
    </div>
  );
}
