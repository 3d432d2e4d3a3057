import { TableRegion } from "@/components/table-region";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/current-user";
import { impactReportAudience } from "@/lib/access/schools";
import { loadImpactReport, type ImpactTable } from "@/lib/impact/impact-report";
import { countText, HIDDEN_EXPLANATION, type ShownCount } from "@/lib/impact/suppression";
import { impactFiltersSchema } from "@/lib/validations/impact";
import { formatDate, todayInUk } from "@/lib/dates";
import { PageHeader } from "@/components/page-header";
import { PrintButton } from "@/components/supervision/print-button";

export const metadata: Metadata = { title: "Impact report" };
export const dynamic = "force-dynamic";

/** The school year so far: from 1 September (of last year before September) to today. */
function schoolYearSoFar(today: string) {
  const year = Number(today.slice(0, 4)) - (Number(today.slice(5, 7)) < 9 ? 1 : 0);
  return { from: `${year}-09-01`, to: today };
}

function Count({ cell }: { cell: ShownCount }) {
  return cell.suppressed ? (
    <span className="italic text-muted print:text-black">{countText(cell)}</span>
  ) : (
    <>{cell.value}</>
  );
}

/** A bar per row for one measure; the numbers are beside each bar, so the chart is its own text alternative. */
function BarChart({ title, rows }: { title: string; rows: Array<{ label: string; cell: ShownCount }> }) {
  const max = Math.max(1, ...rows.map((row) => row.cell.value ?? 0));
  return (
    <figure className="rounded border border-gray-300 bg-white p-3 print:break-inside-avoid">
      <figcaption className="mb-2 font-semibold">{title}</figcaption>
      <ul className="space-y-1 text-sm">
        {rows.map((row) => (
          <li key={row.label} className="grid grid-cols-[minmax(6rem,12rem)_1fr_auto] items-center gap-2">
            <span className="truncate" title={row.label}>
              {row.label}
            </span>
            <span aria-hidden="true" className="block h-3 rounded-sm border border-gray-700 bg-white">
              <span
                className="block h-full bg-brand-600"
                style={{ width: `${row.cell.suppressed ? 0 : Math.round(((row.cell.value ?? 0) / max) * 100)}%` }}
              />
            </span>
            <span className="font-semibold">
              <Count cell={row.cell} />
            </span>
          </li>
        ))}
      </ul>
    </figure>
  );
}

function CountsTable({ caption, table }: { caption: string; table: ImpactTable }) {
  return (
    <TableRegion label={caption}>
      <table className="w-full border-collapse border border-gray-400 bg-white text-left text-sm print:text-[8pt]">
        <caption className="mb-1 text-left font-semibold">{caption}</caption>
        <thead className="bg-gray-100">
          <tr>
            <th scope="col" className="border border-gray-300 px-2 py-1">
              &nbsp;
            </th>
            {table.columns.map((column) => (
              <th key={column.key} scope="col" className="border border-gray-300 px-2 py-1 align-bottom">
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.label} className={row.label === "All" ? "font-semibold" : undefined}>
              <th scope="row" className="border border-gray-300 px-2 py-1">
                {row.label}
              </th>
              {row.cells.map((cell, index) => (
                <td key={table.columns[index].key} className="border border-gray-300 px-2 py-1 text-right">
                  <Count cell={cell} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

/**
 * What the team's work achieved for children over a period (docs/domain.md,
 * "Impact report"): for the team manager in full, for a partner school about
 * its own pupils with small numbers hidden. Print it, or save it as a PDF.
 */
export default async function ImpactReportPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const audience = impactReportAudience(user);
  if (!audience) notFound();
  const raw = await searchParams;
  const defaults = schoolYearSoFar(todayInUk());
  const values = {
    from: typeof raw.from === "string" && raw.from ? raw.from : defaults.from,
    to: typeof raw.to === "string" && raw.to ? raw.to : defaults.to,
    audience: raw.audience === "shared" ? "shared" : "team",
  };
  const parsed = impactFiltersSchema.safeParse(values);
  const errors = parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({ field: String(issue.path[0]), message: issue.message }));
  const report = parsed.success ? await loadImpactReport(user, parsed.data) : null;
  const query = new URLSearchParams(values).toString();

  return (
    <article className="space-y-6 print:text-[10pt]">
      <div className="no-print">
        <PageHeader trail={[{ href: "/", label: "Home" }]} title="Impact report" />
      </div>
      <h1 className="hidden text-2xl font-bold print:block">Impact report: {report?.scopeName}</h1>
      <p className="max-w-3xl">
        What the students&apos; work achieved for children
        {audience === "school" ? " at your school" : ""}: referrals, direct work, goal-based outcomes, children&apos;s
        own ratings and words, assessments and life story work. Children are counted, never named.
        {report?.suppressed && (
          <> Counts of fewer than five children are hidden, and so is any number that would reveal one.</>
        )}
      </p>

      <form
        method="get"
        className="no-print flex flex-wrap items-end gap-3 rounded border border-gray-300 bg-white p-4"
        noValidate
      >
        {errors.length > 0 && (
          <div role="alert" className="w-full border-4 border-red-700 p-3" tabIndex={-1}>
            <h2 className="font-bold">There is a problem with the period</h2>
            <ul className="list-disc pl-5">
              {errors.map((error) => (
                <li key={error.message}>
                  <a href={`#${error.field}`} className="text-red-800 underline">
                    {error.message}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        )}
        <div>
          <label htmlFor="from" className="mb-1 block font-semibold">
            From
          </label>
          <input
            id="from"
            name="from"
            type="date"
            defaultValue={values.from}
            className="rounded border-2 border-gray-700 px-2 py-1.5"
          />
        </div>
        <div>
          <label htmlFor="to" className="mb-1 block font-semibold">
            To
          </label>
          <input
            id="to"
            name="to"
            type="date"
            defaultValue={values.to}
            className="rounded border-2 border-gray-700 px-2 py-1.5"
          />
        </div>
        {audience === "team" && (
          <div className="min-w-0 max-w-full">
            <label htmlFor="audience" className="mb-1 block font-semibold">
              Version
            </label>
            <select
              id="audience"
              name="audience"
              defaultValue={values.audience}
              className="w-full max-w-full rounded border-2 border-gray-700 px-2 py-1.5"
            >
              <option value="team">The team&apos;s own (every number)</option>
              <option value="shared">To share: small numbers hidden</option>
            </select>
          </div>
        )}
        <button type="submit" className="rounded bg-brand-600 px-4 py-2 font-semibold text-white">
          Show the report
        </button>
      </form>

      {report && (
        <>
          <p className="no-print flex flex-wrap items-center gap-4">
            <PrintButton />
            <a href={`/api/v1/exports/impact.csv?${query}`} className="font-semibold text-brand-700 underline">
              Download as CSV
            </a>
            <a href={`/api/v1/exports/impact.pdf?${query}`} className="font-semibold text-brand-700 underline">
              Download as PDF
            </a>
          </p>
          <p>
            <strong>{report.scopeName}</strong>, {formatDate(report.period.from)} to {formatDate(report.period.to)}
            {report.suppressed
              ? " — the version to share outside the team."
              : " — the team's own version: do not share it outside the team."}
          </p>
          {report.suppressed && <p className="text-sm">{HIDDEN_EXPLANATION}</p>}

          <section aria-labelledby="summary-heading" className="space-y-3">
            <h2 id="summary-heading" className="text-xl font-bold">
              In numbers
            </h2>
            <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4 print:grid-cols-4">
              {report.totals.map((total) => (
                <div key={total.key} className="rounded border border-gray-300 bg-white p-3">
                  <dt className="text-sm">{total.label}</dt>
                  <dd className="text-2xl font-bold">
                    <Count cell={total.cell} />
                  </dd>
                </div>
              ))}
            </dl>
          </section>

          <section aria-labelledby="outcomes-heading" className="space-y-3">
            <h2 id="outcomes-heading" className="text-xl font-bold">
              Goal-based outcomes: change from the start to the end
            </h2>
            <p className="max-w-3xl text-sm">
              Each child agrees up to three goals and scores them from 0 to 10 at the start and the end. A child&apos;s
              change is the average over their goals scored at both; the table shows how many children fall in each
              band, and the median and middle half (quartiles), not only the average.
            </p>
            <TableRegion label="Children by change in their goal scores, by theme">
              <table className="w-full border-collapse border border-gray-400 bg-white text-left text-sm print:text-[8pt]">
                <caption className="mb-1 text-left font-semibold">
                  Children by change in their goal scores, by theme
                </caption>
                <thead className="bg-gray-100">
                  <tr>
                    <th scope="col" className="border border-gray-300 px-2 py-1">
                      Theme
                    </th>
                    {report.outcomes[0].bands.map((band) => (
                      <th key={band.label} scope="col" className="border border-gray-300 px-2 py-1">
                        {band.label}
                      </th>
                    ))}
                    <th scope="col" className="border border-gray-300 px-2 py-1">
                      Children
                    </th>
                    <th scope="col" className="border border-gray-300 px-2 py-1">
                      Median (middle half)
                    </th>
                    <th scope="col" className="border border-gray-300 px-2 py-1">
                      Mean
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {report.outcomes.map((row) => (
                    <tr key={row.theme} className={row.theme === "All themes" ? "font-semibold" : undefined}>
                      <th scope="row" className="border border-gray-300 px-2 py-1">
                        {row.theme}
                      </th>
                      {row.bands.map((band) => (
                        <td key={band.label} className="border border-gray-300 px-2 py-1 text-right">
                          <Count cell={band.cell} />
                        </td>
                      ))}
                      <td className="border border-gray-300 px-2 py-1 text-right">
                        <Count cell={row.children} />
                      </td>
                      <td className="border border-gray-300 px-2 py-1 text-right">
                        {row.stats?.median === null || row.stats?.median === undefined
                          ? "—"
                          : `${row.stats.median} (${row.stats.lowerQuartile} to ${row.stats.upperQuartile})`}
                      </td>
                      <td className="border border-gray-300 px-2 py-1 text-right">{row.stats?.mean ?? "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
            <BarChart
              title="All themes: children in each band of change"
              rows={report.outcomes.at(-1)!.bands.map((band) => ({ label: band.label, cell: band.cell }))}
            />
          </section>

          <section aria-labelledby="ratings-heading" className="grid gap-4 md:grid-cols-2 print:grid-cols-2">
            <div className="space-y-2">
              <h2 id="ratings-heading" className="text-xl font-bold">
                Children&apos;s own ratings
              </h2>
              <p className="text-sm">
                Each child&apos;s average rating of their sessions, from 1 (not good) to 5 (great):{" "}
                <Count cell={report.ratings.children} /> children
                {report.ratings.mean !== null && <>, average {report.ratings.mean}</>}.
              </p>
              <BarChart
                title="Children by their average rating"
                rows={report.ratings.faces.map((face) => ({ label: `Rating ${face.face}`, cell: face.cell }))}
              />
            </div>
            <div className="space-y-2">
              <h2 className="text-xl font-bold">What children said</h2>
              {report.quotes.length === 0 ? (
                <p className="text-sm">
                  No words marked shareable in this period
                  {report.suppressed ? ", or too few children to share them" : ""}.
                </p>
              ) : (
                <ul className="space-y-2">
                  {report.quotes.map((quote, index) => (
                    <li key={index}>
                      <blockquote className="border-l-4 border-brand-600 bg-white px-3 py-2 italic">
                        “{quote}”
                      </blockquote>
                    </li>
                  ))}
                </ul>
              )}
              <p className="text-xs text-muted print:text-black">
                Words the child&apos;s student marked shareable; never shown with a name or code.
              </p>
            </div>
          </section>

          <section aria-labelledby="breakdowns-heading" className="space-y-4">
            <h2 id="breakdowns-heading" className="text-xl font-bold">
              By school, theme and student cohort
            </h2>
            <CountsTable
              caption={audience === "school" ? "Your school" : "By partner school"}
              table={report.bySchool}
            />
            <BarChart
              title="Programmes completed, by school"
              rows={report.bySchool.rows.map((row) => ({
                label: row.label,
                cell: row.cells[report.bySchool.columns.findIndex((column) => column.key === "completed")],
              }))}
            />
            <CountsTable
              caption="Direct work by theme (each programme under the theme most of its sessions had)"
              table={report.byTheme}
            />
            {report.byCohort && <CountsTable caption="By the students' cohort" table={report.byCohort} />}
          </section>
          <p className="text-sm text-muted print:text-black">
            Produced {formatDate(todayInUk())} from Placement Tracker.{" "}
            <Link href="/" className="no-print text-brand-700 underline">
              Back to home
            </Link>
          </p>
        </>
      )}
    </article>
  );
}
