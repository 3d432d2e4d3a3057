import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/current-user";
import { loadCoverageMatrix } from "@/lib/progress/cohort-report";
import { parseDashboardFilters } from "@/lib/progress/dashboard-filters";
import { COVERAGE_STATE_LABELS, type CoverageState } from "@/lib/portfolio/coverage";
import { FiltersForm } from "@/components/progress/filters-form";
import { Pagination } from "@/components/progress/pagination";

export const metadata: Metadata = { title: "Cohort coverage" };
export const dynamic = "force-dynamic";

// Each state has a symbol and words as well as a colour (WCAG 1.4.1).
const STATE_STYLE: Record<CoverageState, { mark: string; className: string }> = {
  EVIDENCED: { mark: "✓", className: "bg-green-50 text-green-900" },
  NOT_ACCEPTED: { mark: "◐", className: "bg-amber-50 text-amber-900" },
  NONE: { mark: "✕", className: "bg-red-50 text-red-900 font-semibold" },
};

/**
 * The cohort coverage matrix: students down the side, the nine PCF domains
 * across, accepted / all evidence in each cell (drafts never counted), gaps
 * marked by symbol and word. The same batched query as the dashboards.
 */
export default async function CoveragePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const filters = parseDashboardFilters(await searchParams);
  const matrix = await loadCoverageMatrix(user, filters);

  return (
    <div>
      <h1 className="text-3xl font-bold">Cohort coverage</h1>
      <p className="mb-6 text-muted">
        Evidence against the nine PCF domains, student by student: accepted items / all submitted items. A gap is a
        domain with no accepted evidence yet.
      </p>
      <FiltersForm
        action="/cohort-coverage"
        filters={filters}
        options={matrix.options}
        show={{ rag: false, team: matrix.options.teams.length > 1 }}
      />

      <ul className="mb-4 flex flex-wrap gap-4 text-sm" aria-label="Key">
        {(Object.keys(STATE_STYLE) as CoverageState[]).map((state) => (
          <li key={state} className={`rounded border border-gray-400 px-2 py-0.5 ${STATE_STYLE[state].className}`}>
            <span aria-hidden="true">{STATE_STYLE[state].mark} </span>
            {COVERAGE_STATE_LABELS[state]}
            {state === "NONE" ? " (gap)" : state === "NOT_ACCEPTED" ? " (gap)" : ""}
          </li>
        ))}
      </ul>

      {matrix.entries.length === 0 ? (
        <p className="rounded border border-gray-300 bg-white p-4">No placements match these filters.</p>
      ) : (
        <div
          className="relative overflow-x-auto rounded border border-gray-300 bg-white"
          tabIndex={0}
          role="region"
          aria-label="Coverage matrix"
        >
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">PCF coverage by student: accepted of all evidence per domain</caption>
            <thead className="bg-gray-100">
              <tr>
                <th scope="col" className="sticky left-0 bg-gray-100 px-3 py-2">
                  Student
                </th>
                {matrix.domains.map((domain) => (
                  <th key={domain.id} scope="col" className="px-2 py-2 text-center align-bottom">
                    <abbr title={domain.name} className="no-underline">
                      {domain.number}
                    </abbr>
                    <span className="block max-w-24 text-xs font-normal leading-tight">{domain.name}</span>
                  </th>
                ))}
                <th scope="col" className="px-3 py-2">
                  Domains evidenced
                </th>
              </tr>
            </thead>
            <tbody>
              {matrix.entries.map(({ row, detail }) => (
                <tr key={row.id} className="border-t border-gray-200">
                  <th scope="row" className="sticky left-0 bg-white px-3 py-2 text-left font-normal">
                    <Link href={`/placements/${row.id}`} className="font-semibold text-brand-700 underline">
                      {row.studentName}
                    </Link>
                    <div className="text-xs text-muted">
                      {[row.programmeName, row.cohortName].filter(Boolean).join(", ")}
                    </div>
                  </th>
                  {detail.coverageRows.map((cell) => (
                    <td key={cell.id} className={`px-2 py-2 text-center ${STATE_STYLE[cell.state].className}`}>
                      <span aria-hidden="true">{STATE_STYLE[cell.state].mark} </span>
                      {cell.accepted}/{cell.total}
                      <span className="sr-only">
                        {" "}
                        accepted, {COVERAGE_STATE_LABELS[cell.state]}
                        {cell.gap ? ", gap" : ""}
                      </span>
                    </td>
                  ))}
                  <td className="px-3 py-2 font-semibold">
                    {row.progress.coverage.domainsEvidenced} of {row.progress.coverage.domains}
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot className="border-t-2 border-gray-700 bg-gray-50">
              <tr>
                <th scope="row" className="sticky left-0 bg-gray-50 px-3 py-2 text-left">
                  Students with a gap (all {matrix.total})
                </th>
                {matrix.gapsByDomain.map((gaps, index) => (
                  <td key={matrix.domains[index].id} className="px-2 py-2 text-center font-semibold">
                    {gaps}
                  </td>
                ))}
                <td />
              </tr>
            </tfoot>
          </table>
        </div>
      )}
      <Pagination
        path="/cohort-coverage"
        filters={filters}
        page={matrix.page}
        pages={matrix.pages}
        total={matrix.total}
        shown={matrix.entries.length}
      />
    </div>
  );
}
