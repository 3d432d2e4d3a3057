import { formatDate } from "@/lib/dates";
import type { CadenceSummary } from "@/lib/supervision/cadence";
import { cadenceStateLabel } from "@/lib/supervision/format";

const STATE_STYLE = {
  MET: "",
  SHORT: "font-semibold",
  MISSED: "font-semibold text-red-800",
  EXCUSED: "text-muted",
  CURRENT: "italic",
} as const;

/** Every week (or agreed period) of the placement so far, with its state in words. */
export function CadenceTable({ cadence, scroll = true }: { cadence: CadenceSummary; scroll?: boolean }) {
  const periodWord = cadence.everyWeeks === 1 ? "Week" : "Period";
  if (cadence.periods.length === 0)
    return <p className="rounded border border-gray-300 bg-white p-4">The placement has not started yet.</p>;
  const table = (
    <table className="w-full border-collapse text-left text-sm">
      <caption className="sr-only">Supervision by {periodWord.toLowerCase()}, earliest first</caption>
      <thead className="sticky top-0 bg-gray-100 print:static print:bg-white">
        <tr>
          <th scope="col" className="px-3 py-2">
            {periodWord}
          </th>
          <th scope="col" className="px-3 py-2">
            Sessions
          </th>
          <th scope="col" className="px-3 py-2">
            Minutes
          </th>
          <th scope="col" className="px-3 py-2">
            Supervision
          </th>
        </tr>
      </thead>
      <tbody>
        {cadence.periods.map((period) => (
          <tr key={period.start} className="border-t border-gray-200 print:border-gray-500">
            <td className="whitespace-nowrap px-3 py-1.5">
              {formatDate(period.start)} – {formatDate(period.end)}
            </td>
            <td className="px-3 py-1.5">{period.sessions}</td>
            <td className="px-3 py-1.5">{period.minutes}</td>
            <td className={`px-3 py-1.5 ${STATE_STYLE[period.state]}`}>
              {period.state === "MISSED" && <span aria-hidden="true">✗ </span>}
              {period.state === "MET" && <span aria-hidden="true">✓ </span>}
              {cadenceStateLabel(period, cadence.everyWeeks)}
              {period.state === "SHORT" && <span className="font-normal"> (under {cadence.minMinutes} minutes)</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  if (!scroll) return table;
  return (
    <div
      className="relative max-h-[26rem] overflow-auto rounded border border-gray-300 bg-white"
      tabIndex={0}
      role="region"
      aria-label={`Supervision by ${periodWord.toLowerCase()}`}
    >
      {table}
    </div>
  );
}
