import Link from "next/link";
import { formatDate } from "@/lib/dates";
import type { DashboardRow } from "@/lib/progress/dashboard";
import { nextMilestone } from "@/lib/progress/milestone-text";
import { PlacementStatusBadge } from "@/components/status-badge";
import { PlacementRagStatus } from "@/components/progress/rag-status";
import { TableRegion } from "@/components/table-region";
import { formatHours } from "@/lib/supervision/format";

/**
 * The dashboards' placement table: RAG in words with its reasons, days,
 * supervision, PCF coverage, observations and the next milestone. No child
 * data: tutors read this table.
 */
export function ProgressTable({
  rows,
  caption,
  showTeam = false,
  showPracticeEducator = false,
  showUniversity = false,
  showChildWork = false,
}: {
  rows: DashboardRow[];
  caption: string;
  showTeam?: boolean;
  showPracticeEducator?: boolean;
  showUniversity?: boolean;
  /** Team side only: never for tutors. */ showChildWork?: boolean;
}) {
  if (rows.length === 0)
    return <p className="rounded border border-gray-300 bg-white p-4">No placements match these filters.</p>;
  return (
    <TableRegion label={caption}>
      <table className="stack-table w-full border-collapse text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-gray-100">
          <tr>
            <th scope="col" className="min-w-44 px-3 py-2">
              Student
            </th>
            {showTeam && (
              <th scope="col" className="px-3 py-2">
                Team
              </th>
            )}
            {showPracticeEducator && (
              <th scope="col" className="px-3 py-2">
                Practice educator
              </th>
            )}
            <th scope="col" className="min-w-60 px-3 py-2">
              RAG and reasons
            </th>
            <th scope="col" className="px-3 py-2">
              Days
            </th>
            <th scope="col" className="px-3 py-2">
              Supervision
            </th>
            <th scope="col" className="px-3 py-2">
              PCF coverage
            </th>
            <th scope="col" className="px-3 py-2">
              Observations
            </th>
            <th scope="col" className="min-w-40 px-3 py-2">
              Next milestone
            </th>
            {showChildWork && (
              <th scope="col" className="px-3 py-2">
                Caseload
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const { progress } = row;
            const next = nextMilestone(progress, row.status);
            return (
              <tr key={row.id} className="border-t border-gray-200 align-top">
                <td className="stack-title px-3 py-2">
                  <Link href={`/placements/${row.id}`} className="font-semibold text-brand-700 underline">
                    {row.studentName}
                  </Link>
                  <div className="text-muted">
                    {[showUniversity ? row.universityName : null, row.programmeName, row.cohortName]
                      .filter(Boolean)
                      .join(", ")}
                  </div>
                  <div className="text-muted">{row.level === "FIRST" ? "First" : "Final"} placement</div>
                  <div className="mt-1">
                    <PlacementStatusBadge status={row.status} />
                  </div>
                </td>
                {showTeam && (
                  <td data-label="Team" className="px-3 py-2">
                    {row.teamName}
                  </td>
                )}
                {showPracticeEducator && (
                  <td data-label="Practice educator" className="px-3 py-2">
                    {row.practiceEducatorName ?? "None assigned"}
                  </td>
                )}
                <td data-label="" className="stack-first px-3 py-2">
                  <PlacementRagStatus rag={progress.rag} compact />
                </td>
                <td data-label="Days" className="whitespace-nowrap px-3 py-2">
                  {progress.days.completed} of {progress.days.required}
                  <div className="text-muted">{progress.days.percentComplete}%</div>
                  {progress.days.projectedLate && (
                    <div className="font-semibold text-red-900">Late: {formatDate(progress.days.projectedEndDate)}</div>
                  )}
                </td>
                <td data-label="Supervision" className="whitespace-nowrap px-3 py-2">
                  {progress.supervision.sessions} {progress.supervision.sessions === 1 ? "session" : "sessions"}
                  <div className="text-muted">{formatHours(progress.supervision.totalMinutes)} hours</div>
                  {progress.supervision.missedWeeks > 0 && <div>{progress.supervision.missedWeeks} missed</div>}
                  {progress.supervision.overdue && (
                    <div className="font-semibold text-red-900">
                      <span aria-hidden="true">! </span>Overdue
                    </div>
                  )}
                </td>
                <td data-label="PCF coverage" className="whitespace-nowrap px-3 py-2">
                  {progress.coverage.domainsEvidenced}/{progress.coverage.domains} domains
                  <div className="text-muted">
                    {progress.coverage.acceptedItems}/{progress.coverage.evidenceItems} items accepted
                  </div>
                </td>
                <td data-label="Observations" className="whitespace-nowrap px-3 py-2">
                  {progress.observations.done} of {progress.observations.required}
                  {!progress.observations.beforeMidpointMet && (
                    <div className="text-amber-900">None before midpoint</div>
                  )}
                </td>
                <td data-label="Next milestone" className="stack-first px-3 py-2">
                  {next ? (
                    <>
                      {next.label}
                      <div className="text-muted">{next.when}</div>
                    </>
                  ) : row.status === "COMPLETED" || row.status === "ENDED_EARLY" ? (
                    "None: placement finished"
                  ) : (
                    "All held"
                  )}
                </td>
                {showChildWork && (
                  <td data-label="Caseload" className="whitespace-nowrap px-3 py-2">
                    {progress.childWork?.allocations ?? 0}{" "}
                    {(progress.childWork?.allocations ?? 0) === 1 ? "child" : "children"}
                    {(progress.childWork?.overdueItems ?? 0) > 0 && (
                      <div className="font-semibold text-red-900">{progress.childWork?.overdueItems} overdue</div>
                    )}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableRegion>
  );
}
