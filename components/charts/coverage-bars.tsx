import type { CoverageRow } from "@/lib/portfolio/coverage";
import { CHART_COLOURS } from "@/components/charts/patterns";

// Striped, for "submitted, not yet accepted": the pattern tells it apart from
// solid "accepted" without colour (WCAG 1.4.1).
const STRIPES = `repeating-linear-gradient(45deg, ${CHART_COLOURS.brand} 0 3px, #ffffff 3px 6px)`;

/**
 * Evidence per PCF domain: accepted items solid, items not yet accepted
 * striped, and a domain with no accepted evidence marked "gap" in words.
 *
 * Drawn with HTML rather than a scaled SVG so its words stay at the page's
 * text size on a phone (an SVG shrunk to 350px made them about 7px high):
 * on phones each domain's name sits above its bar. As the SVG charts: an
 * image whose name gives the numbers, and the same numbers in a table for screen readers.
 */
export function CoverageBars({ id, title, rows }: { id: string; title: string; rows: CoverageRow[] }) {
  const max = Math.max(3, ...rows.map((row) => row.total));
  const percent = (value: number) => `${(value / max) * 100}%`;
  return (
    <figure aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} className="mb-1 text-sm font-semibold">
        {title}
      </figcaption>
      <div role="img" aria-labelledby={`${id}-title ${id}-desc`}>
        <span id={`${id}-desc`} hidden>
          {rows
            .map(
              (row) => `${row.number}. ${row.name}: ${row.accepted} accepted of ${row.total}${row.gap ? ", gap" : ""}`,
            )
            .join("; ")}
        </span>
        <ul className="space-y-1.5 text-sm sm:space-y-1">
          {rows.map((row) => (
            <li key={row.id} className="grid grid-cols-[1fr_auto] items-center gap-x-2 sm:grid-cols-[13rem_1fr_auto]">
              <span className="col-span-2 truncate sm:col-span-1 sm:text-right" title={`${row.number}. ${row.name}`}>
                {row.number}. {row.name}
              </span>
              <span className="flex h-4 bg-[#f1f3f4] [forced-color-adjust:none]">
                {row.accepted > 0 && (
                  <span className="h-full" style={{ width: percent(row.accepted), background: CHART_COLOURS.brand }} />
                )}
                {row.total > row.accepted && (
                  <span
                    className="h-full border"
                    style={{
                      width: percent(row.total - row.accepted),
                      background: STRIPES,
                      borderColor: CHART_COLOURS.brand,
                    }}
                  />
                )}
              </span>
              <span className={`whitespace-nowrap ${row.gap ? "font-bold text-red-900" : ""}`}>
                {row.gap ? `⚠ gap (${row.accepted}/${row.total})` : `${row.accepted}/${row.total} accepted`}
              </span>
            </li>
          ))}
        </ul>
      </div>
      <p className="mt-1 text-xs text-muted">
        Solid: accepted evidence. Striped: submitted, not yet accepted. &ldquo;Gap&rdquo;: no accepted evidence yet.
      </p>
      {/* The div, not the table, is visually hidden: a table ignores the 1px width and would widen the page. */}
      <div className="sr-only">
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">Domain</th>
              <th scope="col">Accepted</th>
              <th scope="col">All evidence (not drafts)</th>
              <th scope="col">Gap</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <th scope="row">{`${row.number}. ${row.name}`}</th>
                <td>{row.accepted}</td>
                <td>{row.total}</td>
                <td>{row.gap ? "Yes, a gap" : "No"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
