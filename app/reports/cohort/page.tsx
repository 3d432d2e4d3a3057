import type { Metadata } from "next";
import Link from "next/link";
import { TableRegion } from "@/components/table-region";
import { requireUser } from "@/lib/auth/current-user";
import { loadOrNotFound } from "@/lib/page-guards";
import { SUMMARY_CAP } from "@/lib/progress/dashboard";
import { loadCohortReport } from "@/lib/progress/cohort-report";
import { filtersQuery, parseDashboardFilters } from "@/lib/progress/dashboard-filters";
import { PLACEMENT_RAG_LABELS } from "@/lib/progress/placement-rag";
import { MILESTONE_LABELS } from "@/lib/portfolio/milestone-rules";
import { milestoneStateWords } from "@/lib/progress/milestone-text";
import { PLACEMENT_STATUS_LABELS } from "@/lib/placements/status-rules";
import { formatDate, todayInUk } from "@/lib/dates";
import { PrintButton } from "@/components/supervision/print-button";
import { RagLabel } from "@/components/progress/rag-status";
import { formatHours } from "@/lib/supervision/format";

export const metadata: Metadata = { title: "Cohort report" };
export const dynamic = "force-dynamic";

const STATUS_WORDS: Record<string, string> = {
  RUNNING: "running (active or suspended) placements",
  ALL: "placements of any status",
};

/**
 * The cohort report for a university's assessment panel or programme team:
 * every matching placement with its RAG, reasons and progress, laid out for
 * paper. Print it, or save it as a PDF from the print dialog.
 */
export default async function CohortReportPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const filters = parseDashboardFilters(await searchParams);
  const report = await loadOrNotFound(() => loadCohortReport(user, filters));
  const statusWords =
    STATUS_WORDS[filters.status] ??
    `${PLACEMENT_STATUS_LABELS[filters.status as keyof typeof PLACEMENT_STATUS_LABELS].toLowerCase()} placements`;
  const scope = [
    statusWords,
    ...report.filterWords,
    filters.rag ? `RAG ${PLACEMENT_RAG_LABELS[filters.rag].toLowerCase()}` : null,
  ]
    .filter(Boolean)
    .join(", ");

  return (
    <article className="space-y-6 print:text-[11pt]">
      <p className="no-print flex flex-wrap items-center gap-4">
        <Link href={`/${filtersQuery(filters)}`} className="text-brand-700 underline">
          Back to the dashboard
        </Link>
        <PrintButton />
      </p>
      <header>
        <h1 className="text-3xl font-bold">Cohort report{report.universityName ? `: ${report.universityName}` : ""}</h1>
        <p className="text-muted print:text-black">
          {report.entries.length} {report.entries.length === 1 ? "placement" : "placements"} — {scope}. Produced{" "}
          {formatDate(todayInUk())} from Placement Tracker.
        </p>
        {report.capped && (
          <p className="font-semibold">
            Only the first {SUMMARY_CAP.toLocaleString("en-GB")} placements by student name are included: narrow the
            filters.
          </p>
        )}
      </header>

      <section aria-labelledby="summary-heading" className="grid gap-4 sm:grid-cols-2 print:grid-cols-2">
        <h2 id="summary-heading" className="sr-only">
          Summary
        </h2>
        <table className="w-full border border-gray-400 text-left text-sm">
          <caption className="mb-1 text-left font-semibold">RAG status</caption>
          <tbody>
            {(["RED", "AMBER", "GREEN"] as const).map((status) => (
              <tr key={status} className="border-t border-gray-300">
                <th scope="row" className="px-2 py-1">
                  <RagLabel status={status} />
                </th>
                <td className="px-2 py-1 font-semibold">{report.ragCounts[status]}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table className="w-full border border-gray-400 text-left text-sm">
          <caption className="mb-1 text-left font-semibold">Required days completed</caption>
          <tbody>
            {report.daysBuckets.map((bucket) => (
              <tr key={bucket.label} className="border-t border-gray-300">
                <th scope="row" className="px-2 py-1 font-normal">
                  {bucket.label}
                </th>
                <td className="px-2 py-1 font-semibold">{bucket.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="placements-heading">
        <h2 id="placements-heading" className="mb-2 text-xl font-bold">
          Placements
        </h2>
        {report.entries.length === 0 ? (
          <p>No placements match these filters.</p>
        ) : (
          <TableRegion label="Placements in this report" className="print:overflow-visible print:border-0">
            <table className="stack-table w-full border-collapse text-left text-sm print:text-[9pt]">
              <caption className="sr-only">Placements in this report, red first</caption>
              <thead className="bg-gray-100 print:bg-white">
                <tr className="border-b-2 border-gray-700">
                  <th scope="col" className="px-2 py-1">
                    Student
                  </th>
                  <th scope="col" className="px-2 py-1">
                    RAG and reasons
                  </th>
                  <th scope="col" className="px-2 py-1">
                    Days
                  </th>
                  <th scope="col" className="px-2 py-1">
                    Supervision
                  </th>
                  <th scope="col" className="px-2 py-1">
                    PCF coverage
                  </th>
                  <th scope="col" className="px-2 py-1">
                    Observations
                  </th>
                  <th scope="col" className="px-2 py-1">
                    Milestones
                  </th>
                </tr>
              </thead>
              <tbody>
                {report.entries.map(({ row, detail }) => (
                  <tr key={row.id} className="break-inside-avoid border-t border-gray-300 align-top">
                    <th scope="row" className="stack-title px-2 py-1 text-left font-normal">
                      <span className="font-semibold">{row.studentName}</span>
                      <div>{[row.programmeName, row.cohortName].filter(Boolean).join(", ")}</div>
                      <div>
                        {row.level === "FIRST" ? "First" : "Final"} placement,{" "}
                        {PLACEMENT_STATUS_LABELS[row.status].toLowerCase()}
                      </div>
                      <div>{row.teamName}</div>
                    </th>
                    <td data-label="" className="stack-first px-2 py-1">
                      <RagLabel status={row.progress.rag.status} />
                      <ul className="mt-1">
                        {row.progress.rag.reasons.map((reason) => (
                          <li key={reason}>{reason}</li>
                        ))}
                      </ul>
                    </td>
                    <td data-label="Days" className="px-2 py-1">
                      {row.progress.days.completed} of {row.progress.days.required} ({row.progress.days.percentComplete}
                      %)
                      <div>Projected end {formatDate(row.progress.days.projectedEndDate)}</div>
                    </td>
                    <td data-label="Supervision" className="px-2 py-1">
                      {row.progress.supervision.sessions} sessions, {formatHours(row.progress.supervision.totalMinutes)}{" "}
                      h<div>{row.progress.supervision.missedWeeks} missed</div>
                    </td>
                    <td data-label="PCF coverage" className="px-2 py-1">
                      {row.progress.coverage.domainsEvidenced} of {row.progress.coverage.domains} domains
                      <div>
                        Gaps:{" "}
                        {detail.coverageRows
                          .filter((domain) => domain.gap)
                          .map((domain) => domain.number)
                          .join(", ") || "none"}
                      </div>
                    </td>
                    <td data-label="Observations" className="px-2 py-1">
                      {row.progress.observations.done} of {row.progress.observations.required}
                    </td>
                    <td data-label="Milestones" className="stack-first px-2 py-1">
                      <ul>
                        {detail.milestones.map((milestone) => (
                          <li key={milestone.kind}>
                            {MILESTONE_LABELS[milestone.kind].replace(
                              "Practice learning agreement meeting",
                              "Learning agreement",
                            )}
                            : {milestoneStateWords(milestone, row.status).toLowerCase()}
                            {milestone.heldOn
                              ? ` (${formatDate(milestone.heldOn)})`
                              : milestone.dueDate && row.status !== "COMPLETED" && row.status !== "ENDED_EARLY"
                                ? ` (due ${formatDate(milestone.dueDate)})`
                                : ""}
                          </li>
                        ))}
                      </ul>
                      {row.progress.openConcerns > 0 && (
                        <div className="font-semibold">{row.progress.openConcerns} open cause(s) for concern</div>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        )}
      </section>
      <p className="text-sm text-muted print:text-black">
        RAG: red when a cause for concern is open, a milestone is overdue, supervision is overdue or two or more weeks
        were missed, or the placement is projected to end late; amber when a milestone is due within 7 days, one
        supervision week was missed, there was no observation before the midpoint, PCF domains lack accepted evidence
        after the midpoint, or evidence has waited over 14 days for review.
      </p>
    </article>
  );
}
