import type { CoverageRow } from "@/lib/portfolio/coverage";
import { CHART_COLOURS, fillOf, PatternDefs } from "@/components/charts/patterns";

/**
 * Evidence per PCF domain: accepted items solid, items not yet accepted
 * striped, and a domain with no accepted evidence marked "gap" in words.
 */
export function CoverageBars({ id, title, rows }: { id: string; title: string; rows: CoverageRow[] }) {
  const max = Math.max(3, ...rows.map((row) => row.total));
  const labelWidth = 210;
  const chartWidth = 180;
  const rowHeight = 24;
  const width = labelWidth + chartWidth + 120;
  const height = rows.length * rowHeight + 4;
  return (
    <figure aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} className="mb-1 text-sm font-semibold">
        {title}
      </figcaption>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        className="h-auto w-full"
        style={{ maxWidth: `${width}px` }}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        focusable="false"
      >
        <desc id={`${id}-desc`}>
          {rows
            .map(
              (row) => `${row.number}. ${row.name}: ${row.accepted} accepted of ${row.total}${row.gap ? ", gap" : ""}`,
            )
            .join("; ")}
        </desc>
        <defs>
          <PatternDefs prefix={id} colour={CHART_COLOURS.brand} name="stripes" />
        </defs>
        {rows.map((row, index) => {
          const y = index * rowHeight + 2;
          const acceptedWidth = (row.accepted / max) * chartWidth;
          const pendingWidth = ((row.total - row.accepted) / max) * chartWidth;
          return (
            <g key={row.id}>
              <text x={labelWidth - 6} y={y + 14} textAnchor="end" fontSize="12" fill="#1b1f23">
                {`${row.number}. ${row.name.length > 28 ? `${row.name.slice(0, 27)}…` : row.name}`}
              </text>
              <rect x={labelWidth} y={y + 2} width={chartWidth} height={16} fill="#f1f3f4" />
              {acceptedWidth > 0 && (
                <rect x={labelWidth} y={y + 2} width={acceptedWidth} height={16} fill={CHART_COLOURS.brand} />
              )}
              {pendingWidth > 0 && (
                <rect
                  x={labelWidth + acceptedWidth}
                  y={y + 2}
                  width={pendingWidth}
                  height={16}
                  fill={fillOf(id, CHART_COLOURS.brand, "stripes")}
                  stroke={CHART_COLOURS.brand}
                />
              )}
              <text
                x={labelWidth + chartWidth + 6}
                y={y + 14}
                fontSize="12"
                fontWeight={row.gap ? 700 : 400}
                fill={row.gap ? CHART_COLOURS.red : "#1b1f23"}
              >
                {row.gap ? `⚠ gap (${row.accepted}/${row.total})` : `${row.accepted}/${row.total} accepted`}
              </text>
            </g>
          );
        })}
      </svg>
      <p className="text-xs text-muted">
        Solid: accepted evidence. Striped: submitted, not yet accepted. &ldquo;Gap&rdquo;: no accepted evidence yet.
      </p>
      <table className="sr-only">
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
    </figure>
  );
}
