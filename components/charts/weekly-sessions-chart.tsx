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
  const max = Math.max(2, ...shown.map((week) => week.sessions));
  const column = 22;
  const gap = 6;
  const plotHeight = 80;
  const width = Math.max(120, shown.length * (column + gap) + 30);
  const height = plotHeight + 40;
  const missed = shown.filter((week) => week.state === "MISSED").length;
  return (
    <figure aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} className="mb-1 text-sm font-semibold">
        {title}
      </figcaption>
      {shown.length === 0 ? (
        <p className="text-sm text-muted">No weeks yet.</p>
      ) : (
        <svg
          viewBox={`0 0 ${width} ${height}`}
          className="h-auto w-full"
          style={{ maxWidth: `${width}px` }}
          role="img"
          aria-labelledby={`${id}-title ${id}-desc`}
          focusable="false"
        >
          <desc id={`${id}-desc`}>
            {`${shown.length} periods from ${formatDate(shown[0].start)}; ${missed} missed. `}
            {shown.map((week) => `${formatDate(week.start)}: ${week.sessions} (${STATE_WORDS[week.state]})`).join("; ")}
          </desc>
          <line x1={20} x2={width} y1={plotHeight + 10} y2={plotHeight + 10} stroke="#1b1f23" />
          <text x={14} y={plotHeight + 14} textAnchor="end" fontSize="10" fill="#505a62">
            0
          </text>
          <text x={14} y={plotHeight + 14 - (max / max) * plotHeight} textAnchor="end" fontSize="10" fill="#505a62">
            {max}
          </text>
          {shown.map((week, index) => {
            const x = 24 + index * (column + gap);
            const barHeight = (week.sessions / max) * plotHeight;
            const y = plotHeight + 10 - barHeight;
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
                  <text x={x + column / 2} y={y - 3} textAnchor="middle" fontSize="10" fill="#1b1f23">
                    {week.sessions}
                  </text>
                )}
                {week.state === "MISSED" && (
                  <path
                    d={`M${x + 5} ${plotHeight - 6}l12 12m0 -12l-12 12`}
                    stroke={CHART_COLOURS.red}
                    strokeWidth="3"
                  />
                )}
                {(index % 4 === 0 || index === shown.length - 1) && (
                  <text x={x + column / 2} y={plotHeight + 24} textAnchor="middle" fontSize="9" fill="#505a62">
                    {formatDate(week.start).replace(/ \d{4}$/, "")}
                  </text>
                )}
              </g>
            );
          })}
        </svg>
      )}
      <p className="text-xs text-muted">
        Column: sessions in the week. <span aria-hidden="true">✕</span> missed week. Dashed column: shorter than the
        expected time.
      </p>
      <table className="sr-only">
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
    </figure>
  );
}
