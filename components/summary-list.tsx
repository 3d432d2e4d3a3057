import type { ReactNode } from "react";

export function SummaryList({ rows }: { rows: Array<[string, ReactNode]> }) {
  return (
    <dl className="divide-y divide-gray-200 rounded border border-gray-300 bg-white">
      {rows.map(([term, value]) => (
        <div key={term} className="grid grid-cols-1 gap-1 px-4 py-2 sm:grid-cols-3">
          <dt className="font-semibold">{term}</dt>
          <dd className="sm:col-span-2">{value ?? "—"}</dd>
        </div>
      ))}
    </dl>
  );
}
