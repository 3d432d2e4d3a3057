import { CHART_COLOURS, fillOf, PatternDefs, type PatternName } from "@/components/charts/patterns";

export type Bar = {
  label: string;
  value: number;
  colour?: string;
  pattern?: PatternName;
  /** Words beside the number, e.g. "placements". */ note?: string;
};

/**
 * Horizontal bars, server-rendered SVG: each bar is labelled with its name and
 * its number, drawn with a pattern as well as a colour, and the numbers are
 * repeated in a table for screen readers. No JavaScript.
 */
export function BarChart({
  id,
  title,
  bars,
  unit = "",
  description,
}: {
  id: string;
  title: string;
  bars: Bar[];
  unit?: string;
  description?: string;
}) {
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const labelWidth = Math.max(50, Math.round(Math.max(...bars.map((bar) => bar.label.length)) * 8.2) + 16);
  const chartWidth = 200;
  const rowHeight = 30;
  const height = bars.length * rowHeight + 8;
  const width = labelWidth + chartWidth + 44;
  return (
    <figure className="rounded border border-gray-300 bg-white p-4" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} className="mb-2 font-semibold">
        {title}
      </figcaption>
      {description && <p className="mb-2 text-sm text-muted">{description}</p>}
      <svg
        viewBox={`0 0 ${width} ${height}`}
        className="h-auto w-full"
        style={{ maxWidth: `${width}px` }}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        focusable="false"
      >
        <desc id={`${id}-desc`}>{bars.map((bar) => `${bar.label}: ${bar.value}${unit}`).join("; ")}</desc>
        <defs>
          {bars.map((bar, index) => (
            <PatternDefs
              key={index}
              prefix={`${id}-${index}`}
              colour={bar.colour ?? CHART_COLOURS.brand}
              name={bar.pattern ?? "solid"}
            />
          ))}
        </defs>
        {bars.map((bar, index) => {
          const y = index * rowHeight + 4;
          const barWidth = bar.value === 0 ? 0 : Math.max(3, (bar.value / max) * chartWidth);
          const colour = bar.colour ?? CHART_COLOURS.brand;
          return (
            <g key={bar.label}>
              <text x={labelWidth - 8} y={y + 15} textAnchor="end" fontSize="13" fill="#1b1f23">
                {bar.label}
              </text>
              <rect
                x={labelWidth}
                y={y}
                width={barWidth}
                height={22}
                fill={fillOf(`${id}-${index}`, colour, bar.pattern ?? "solid")}
                stroke={colour}
                strokeWidth="1.5"
              />
              <text x={labelWidth + barWidth + 6} y={y + 15} fontSize="13" fontWeight="700" fill="#1b1f23">
                {bar.value}
                {unit}
              </text>
            </g>
          );
        })}
        <line x1={labelWidth} x2={labelWidth} y1={0} y2={height} stroke="#1b1f23" />
      </svg>
      {/* The div, not the table, is visually hidden: a table ignores the 1px width and would widen the page. */}
      <div className="sr-only">
        <table>
          <caption>{title}</caption>
          <tbody>
            {bars.map((bar) => (
              <tr key={bar.label}>
                <th scope="row">{bar.label}</th>
                <td>
                  {bar.value}
                  {unit}
                  {bar.note ? ` ${bar.note}` : ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
