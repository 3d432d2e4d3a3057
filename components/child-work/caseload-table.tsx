import Link from "next/link";
import type { listCaseload } from "@/lib/children/allocations";
import { ALLOCATION_KIND_LABELS } from "@/lib/validations/children";
import { formatDate } from "@/lib/dates";
import { TableRegion } from "@/components/table-region";
import { RagBadge } from "@/components/child-work/rag-badge";

type Row = Awaited<ReturnType<typeof listCaseload>>[number];

function workLink(row: Pick<Row, "kind" | "programmeId" | "id" | "child">) {
  if (row.kind === "DIRECT_WORK")
    return row.programmeId ? `/programmes/${row.programmeId}` : `/programmes/new?allocationId=${row.id}`;
  return `/children/${row.child.id}`;
}

export function CaseloadTable({ rows, showStudent, caption }: { rows: Row[]; showStudent: boolean; caption: string }) {
  if (rows.length === 0) return <p className="rounded border border-gray-300 bg-white p-4">No current allocations.</p>;
  return (
    <TableRegion label={caption}>
      <table className="stack-table w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-gray-100">
          <tr>
            <th scope="col" className="px-3 py-2">
              Child
            </th>
            <th scope="col" className="px-3 py-2">
              Work
            </th>
            {showStudent && (
              <th scope="col" className="px-3 py-2">
                Student
              </th>
            )}
            <th scope="col" className="px-3 py-2">
              Since
            </th>
            <th scope="col" className="px-3 py-2">
              Status
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-t border-gray-200 align-top">
              <td className="stack-title px-3 py-2">
                <Link href={`/children/${row.child.id}`} className="font-semibold text-brand-700 underline">
                  {row.child.label}
                </Link>
                <div className="text-muted">
                  {[row.child.schoolName, row.child.yearGroup !== null ? `Year ${row.child.yearGroup}` : null]
                    .filter(Boolean)
                    .join(", ")}
                </div>
              </td>
              <td data-label="Work" className="px-3 py-2">
                <Link href={workLink(row)} className="text-brand-700 underline">
                  {ALLOCATION_KIND_LABELS[row.kind]}
                </Link>
                {row.groupLabel && <div className="text-muted">Group: {row.groupLabel}</div>}
                {row.progress && (
                  <div className="mt-1 text-sm">
                    <div>{row.progress.sessions.text}</div>
                    <ul className="list-none text-muted">
                      {row.progress.goals.map((goal, index) => (
                        <li key={index}>
                          Goal {index + 1}: {goal.text}
                        </li>
                      ))}
                    </ul>
                  </div>
                )}
              </td>
              {showStudent && (
                <td data-label="Student" className="px-3 py-2">
                  {row.studentName}
                  <div className="text-muted">PE: {row.overseeingPeName}</div>
                </td>
              )}
              <td data-label="Since" className="whitespace-nowrap px-3 py-2">
                {formatDate(row.startDate)}
              </td>
              <td className="stack-first px-3 py-2">
                <RagBadge rag={row.rag} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
