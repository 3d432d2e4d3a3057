import Link from "next/link";
import type { PlacementListRow } from "@/lib/placements/list-placements";
import { PlacementStatusBadge } from "@/components/status-badge";
import { formatDate } from "@/lib/dates";
import type { SupervisionOverview } from "@/lib/supervision/supervision-overview";
import { TableRegion } from "@/components/table-region";
import { OverdueFlag } from "@/components/supervision/status-badge";

export function PlacementTable({
  rows,
  caption,
  emptyText = "No placements to show.",
  supervision,
}: {
  rows: PlacementListRow[];
  caption: string;
  emptyText?: string;
  /** Supervision overview by placement id (from supervisionOverviewFor, one call per page): adds a Supervision column. */
  supervision?: Map<string, SupervisionOverview>;
}) {
  if (rows.length === 0) return <p className="rounded border border-gray-300 bg-white p-4">{emptyText}</p>;
  return (
    <TableRegion label={caption}>
      <table className="stack-table w-full border-collapse text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-gray-100">
          <tr>
            <th scope="col" className="px-3 py-2">
              Student
            </th>
            <th scope="col" className="px-3 py-2">
              University and programme
            </th>
            <th scope="col" className="px-3 py-2">
              Level
            </th>
            <th scope="col" className="px-3 py-2">
              Dates
            </th>
            <th scope="col" className="px-3 py-2">
              Days
            </th>
            <th scope="col" className="px-3 py-2">
              Practice educator
            </th>
            <th scope="col" className="px-3 py-2">
              Status
            </th>
            {supervision && (
              <th scope="col" className="px-3 py-2">
                Supervision
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-t border-gray-200 align-top">
              <td className="stack-title px-3 py-2">
                <Link href={`/placements/${row.id}`} className="font-semibold text-brand-700 underline">
                  {row.studentName}
                </Link>
                <div className="text-muted">{row.setting}</div>
              </td>
              <td data-label="University" className="px-3 py-2">
                {row.universityName ?? "—"}
                <div className="text-muted">{row.programmeName}</div>
              </td>
              <td data-label="Level" className="px-3 py-2">
                {row.level === "FIRST" ? "First" : "Final"}
              </td>
              <td data-label="Dates" className="whitespace-nowrap px-3 py-2">
                {formatDate(row.startDate)} –<br className="max-sm:hidden" />
                {formatDate(row.endDate)}
              </td>
              <td data-label="Days" className="whitespace-nowrap px-3 py-2">
                {row.daysCompleted} / {row.requiredDays}
              </td>
              <td data-label="Practice educator" className="px-3 py-2">
                {row.practiceEducatorName ?? "—"}
              </td>
              <td className="stack-first px-3 py-2">
                <PlacementStatusBadge status={row.status} />
              </td>
              {supervision && <SupervisionCell placementId={row.id} overview={supervision.get(row.id)} />}
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

function SupervisionCell({ placementId, overview }: { placementId: string; overview?: SupervisionOverview }) {
  if (!overview)
    return (
      <td data-label="Supervision" className="px-3 py-2">
        —
      </td>
    );
  return (
    <td data-label="Supervision" className="stack-first px-3 py-2">
      {overview.overdue && <OverdueFlag className="mb-1" />}
      <Link href={`/placements/${placementId}/supervision`} className="block text-brand-700 underline">
        {overview.lastSessionOn ? `Last: ${formatDate(overview.lastSessionOn)}` : "None yet"}
        <span className="sr-only"> (supervision log)</span>
      </Link>
      {overview.missed > 0 && (
        <span className="block text-muted">
          {overview.missed} missed {overview.missed === 1 ? "week" : "weeks"}
        </span>
      )}
    </td>
  );
}
