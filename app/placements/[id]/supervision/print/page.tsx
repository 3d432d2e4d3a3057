import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/current-user";
import { getSupervisionLog } from "@/lib/supervision/get-supervision-log";
import { loadOrNotFound } from "@/lib/page-guards";
import { formatDate } from "@/lib/dates";
import { SUPERVISION_TYPE_LABELS } from "@/lib/validations/supervision";
import { SUPERVISION_STATUS_LABELS } from "@/lib/supervision/sign-off";
import { CadenceTable } from "@/components/supervision/cadence-table";
import { PrintFrame, PrintHeader, PrintRecord } from "@/components/supervision/print-document";
import { formatHours, formatMinutes, plural } from "@/lib/supervision/format";

export const metadata: Metadata = { title: "Supervision log (print)" };
export const dynamic = "force-dynamic";

export default async function SupervisionLogPrintPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const { placement, records, cadence, hiddenRecords } = await loadOrNotFound(() => getSupervisionLog(user, id));
  const cell = "border border-gray-400 px-2 py-1 print:border-black";

  return (
    <PrintFrame backHref={`/placements/${placement.id}/supervision`} backLabel="Back to the supervision log">
      <PrintHeader title="Record of supervision" placement={placement} />

      <section aria-labelledby="summary-heading" className="print:break-inside-avoid">
        <h2 id="summary-heading" className="mb-2 text-xl font-bold">
          Summary
        </h2>
        <p>
          {plural(cadence.sessions, "supervision session")} ({formatHours(cadence.totalMinutes)} hours) counted to date;{" "}
          {plural(cadence.missed, cadence.everyWeeks === 1 ? "week" : "period")} missed,{" "}
          {plural(cadence.short, cadence.everyWeeks === 1 ? "week" : "period")} short of {cadence.minMinutes} minutes,{" "}
          {plural(cadence.excused, cadence.everyWeeks === 1 ? "week" : "period")} excused.
          {cadence.overdue && <strong> Supervision is overdue.</strong>}
        </p>
        {hiddenRecords > 0 && (
          <p className="mt-1">
            {plural(hiddenRecords, "record")} not yet signed by both {hiddenRecords === 1 ? "is" : "are"} not included.
          </p>
        )}
        {records.length > 0 && (
          <table className="mt-3 w-full border-collapse text-left text-sm">
            <caption className="sr-only">Sessions recorded</caption>
            <thead>
              <tr>
                {["No.", "Date", "Type", "Length", "Status"].map((heading) => (
                  <th key={heading} scope="col" className={`${cell} bg-gray-100 print:bg-white`}>
                    {heading}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {records.map((record, index) => (
                <tr key={record.id}>
                  <td className={cell}>{index + 1}</td>
                  <td className={`${cell} whitespace-nowrap`}>
                    {formatDate(record.heldOn)}, {record.startTime}
                  </td>
                  <td className={cell}>{SUPERVISION_TYPE_LABELS[record.type]}</td>
                  <td className={cell}>{formatMinutes(record.durationMinutes)}</td>
                  <td className={cell}>{SUPERVISION_STATUS_LABELS[record.status]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="weeks-heading" className="mt-6">
        <h2 id="weeks-heading" className="mb-2 text-xl font-bold">
          Supervision by {cadence.everyWeeks === 1 ? "week" : "period"}
        </h2>
        <div className="border border-gray-400 print:border-black">
          <CadenceTable cadence={cadence} scroll={false} />
        </div>
      </section>

      {records.length === 0 ? (
        <p className="mt-6">No supervision sessions recorded.</p>
      ) : (
        records.map((record, index) => (
          <PrintRecord key={record.id} record={record} number={index + 1} placement={placement} pageBreak />
        ))
      )}
    </PrintFrame>
  );
}
