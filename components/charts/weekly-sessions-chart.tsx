import { formatDate } from "@/lib/dates";
import { CHART_COLOURS } from "@/components/charts/patterns";

export type WeekColumn = {
  start: string;
  sessions: number;
  minutes: number;
  state: "MET" | "SHORT" | "MISSED" | "EXCUSED" | "CURRENT";
};

const STATE_WORDS: Record<WeekColumn["state"], string> = {
  MET: "met",
  SHORT: "short",
  MISSED: "missed",
  EXCUSED: "excused",
  CURRENT: "this period",
};

/**
 * Supervision sessions per week (or per agreed period) over the placement:
 * a column per period with its count on top; a missed period shows a cross
 * and the word "missed" in the table, so no state depends on colour.
 */
export function WeeklySessionsChart({ id, title, weeks }: { id: string; title: string; weeks: WeekColumn[] }) {
  const shown = weeks.slice(-20);
  return (
    <figure aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} className="mb-1 text-sm font-semibold">
        {title}
      </figcaption>
      {shown.length === 0 ? (
        <p className="text-sm text-muted">No weeks yet.</p>
      ) : (
        <>
          {/* A phone shows the last 8 periods with bigger type: 20 columns scaled to its width made the words about 6px high. */}
          <Plot id={`${id}-phone`} titleId={`${id}-title`} weeks={shown.slice(-8)} font={13} className="sm:hidden" />
          <Plot id={`${id}-wide`} titleId={`${id}-title`} weeks={shown} font={10} className="hidden sm:block" />
        </>
      )}
      <p className="text-xs text-muted">
        Column: sessions in the week. <span aria-hidden="true">✕</span> missed week. Dashed column: shorter than the
        expected time.
      </p>
      {/* The div, not the table, is visually hidden: a table ignores the 1px width and would widen the page. */}
      <div className="sr-only">
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">Week from</th>
              <th scope="col">Sessions</th>
              <th scope="col">Minutes</th>
              <th scope="col">State</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((week) => (
              <tr key={week.start}>
                <th scope="row">{formatDate(week.start)}</th>
                <td>{week.sessions}</td>
                <td>{week.minutes}</td>
                <td>{STATE_WORDS[week.state]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

function Plot({
  id,
  titleId,
  weeks,
  font,
  className,
}: {
  id: string;
  titleId: string;
  weeks: WeekColumn[];
  /** Text size in the drawing's own units; the drawing is never scaled up. */ font: number;
  className: string;
}) {
  const max = Math.max(2, ...weeks.map((week) => week.sessions));
  const column = 22 + (font - 10);
  const gap = 6;
  const plotHeight = 80;
  const axis = 10 + font;
  const width = Math.max(120, weeks.length * (column + gap) + axis + 10);
  const height = plotHeight + 20 + 2 * font;
  const missed = weeks.filter((week) => week.state === "MISSED").length;
  // Dates under every 2nd or 4th column, counted back from the latest so it always has one and none overlap.
  const labelEvery = font > 10 ? 2 : 4;
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      className={`h-auto w-full ${className}`}
      style={{ maxWidth: `${width}px` }}
      role="img"
      aria-labelledby={`${titleId} ${id}-desc`}
      focusable="false"
    >
      <desc id={`${id}-desc`}>
        {`${weeks.length} periods from ${formatDate(weeks[0].start)}; ${missed} missed. `}
        {weeks.map((week) => `${formatDate(week.start)}: ${week.sessions} (${STATE_WORDS[week.state]})`).join("; ")}
      </desc>
      <line x1={axis} x2={width} y1={plotHeight + font} y2={plotHeight + font} stroke="#1b1f23" />
      <text x={axis - 6} y={plotHeight + font + 4} textAnchor="end" fontSize={font} fill="#505a62">
        0
      </text>
      <text x={axis - 6} y={font + 4} textAnchor="end" fontSize={font} fill="#505a62">
        {max}
      </text>
      {weeks.map((week, index) => {
        const x = axis + 4 + index * (column + gap);
        const barHeight = (week.sessions / max) * plotHeight;
        const y = plotHeight + font - barHeight;
        return (
          <g key={week.start}>
            {week.sessions > 0 && (
              <rect
                x={x}
                y={y}
                width={column}
                height={barHeight}
                fill={week.state === "SHORT" ? "white" : CHART_COLOURS.brand}
                stroke={CHART_COLOURS.brand}
                strokeWidth="2"
                strokeDasharray={week.state === "SHORT" ? "4 2" : undefined}
              />
            )}
            {week.sessions > 0 && (
              <text x={x + column / 2} y={y - 3} textAnchor="middle" fontSize={font} fill="#1b1f23">
                {week.sessions}
              </text>
            )}
            {week.state === "MISSED" && (
              <path
                d={`M${x + column / 2 - 6} ${plotHeight + font - 16}l12 12m0 -12l-12 12`}
                stroke={CHART_COLOURS.red}
                strokeWidth="3"
              />
            )}
            {(weeks.length - 1 - index) % labelEvery === 0 && (
              <text
                x={x + column / 2}
                y={plotHeight + 2 * font + 8}
                textAnchor="middle"
                fontSize={font - 1}
                fill="#505a62"
              >
                {formatDate(week.start).replace(/ \d{4}$/, "")}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}
