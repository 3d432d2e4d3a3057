import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/current-user";
import { getSupervisionLog } from "@/lib/supervision/get-supervision-log";
import { loadOrNotFound } from "@/lib/page-guards";
import { formatDate } from "@/lib/dates";
import { SUPERVISION_TYPE_LABELS } from "@/lib/validations/supervision";
import { PageHeader } from "@/components/page-header";
import { SummaryList } from "@/components/summary-list";
import { PlacementStatusBadge } from "@/components/status-badge";
import { OverdueFlag, SupervisionStatusBadge } from "@/components/supervision/status-badge";
import { CadenceTable } from "@/components/supervision/cadence-table";
import { formatHours, formatMinutes, plural } from "@/lib/supervision/format";
import { SupervisionSettingsForm } from "./settings-form";
import { TableRegion } from "@/components/table-region";

export const metadata: Metadata = { title: "Supervision log" };
export const dynamic = "force-dynamic";

export default async function SupervisionLogPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const log = await loadOrNotFound(() => getSupervisionLog(user, id));
  const { placement, cadence, records, permissions } = log;
  const expected = `${cadence.everyWeeks === 1 ? "Every week" : `Every ${cadence.everyWeeks} weeks`}, at least ${formatMinutes(cadence.minMinutes)}`;
  const interval = cadence.everyWeeks === 1 ? "a week" : `${cadence.everyWeeks} weeks`;
  const pes = placement.practiceEducators.map(
    (spell) => `${spell.name} (${formatDate(spell.startDate)} to ${spell.endDate ? formatDate(spell.endDate) : "now"})`,
  );

  return (
    <div className="space-y-8">
      <PageHeader
        trail={[
          { href: "/placements", label: "Placements" },
          { href: `/placements/${placement.id}`, label: placement.studentName },
        ]}
        title={`Supervision: ${placement.studentName}`}
        aside={<PlacementStatusBadge status={placement.status} />}
      >
        <p className="text-muted">
          {placement.level === "FIRST" ? "First" : "Final"} placement · {placement.setting}
        </p>
        <p className="mt-3 flex flex-wrap gap-3">
          {permissions.canRecord && (
            <Link
              href={`/placements/${placement.id}/supervision/new`}
              className="rounded bg-brand-600 px-4 py-2 font-semibold text-white no-underline hover:bg-brand-700"
            >
              Record a session
            </Link>
          )}
          <Link
            href={`/placements/${placement.id}/supervision/print`}
            className="rounded border-2 border-brand-600 px-4 py-2 font-semibold text-brand-700 no-underline"
          >
            Print view of the whole log
          </Link>
        </p>
      </PageHeader>

      <SummaryList
        rows={[
          ["Student", placement.studentName],
          [
            "Practice educator",
            pes.length ? (
              <ul>
                {pes.map((pe) => (
                  <li key={pe}>{pe}</li>
                ))}
              </ul>
            ) : (
              "None assigned"
            ),
          ],
          ["Placement dates", `${formatDate(placement.startDate)} to ${formatDate(placement.endDate)}`],
          ["Supervision expected", expected],
        ]}
      />

      <section aria-labelledby="cadence-heading" className="space-y-4">
        <h2 id="cadence-heading" className="text-xl font-bold">
          How often supervision happened
        </h2>
        {cadence.overdue && (
          <div className="border-l-4 border-red-800 bg-red-50 p-3">
            <p className="flex flex-wrap items-center gap-2">
              <OverdueFlag />
              <span>
                {cadence.lastSessionOn
                  ? `The last supervision was on ${formatDate(cadence.lastSessionOn)}, more than ${interval} ago.`
                  : `No supervision has been recorded since the placement started on ${formatDate(placement.startDate)}, more than ${interval} ago.`}
              </span>
            </p>
          </div>
        )}
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-5" aria-label="Totals">
          <Total value={cadence.sessions} label={cadence.sessions === 1 ? "session" : "sessions"} />
          <Total value={formatHours(cadence.totalMinutes)} label="hours" />
          <Total value={cadence.missed} label={`${periodWord(cadence.everyWeeks, cadence.missed)} missed`} />
          <Total value={cadence.short} label={`${periodWord(cadence.everyWeeks, cadence.short)} short`} />
          <Total value={log.openActions} label={log.openActions === 1 ? "open action" : "open actions"} />
        </ul>
        <p className="text-sm text-muted">
          Formal and group supervision count; review meetings and direct-observation feedback are recorded but are not
          counted. A {cadence.everyWeeks === 1 ? "week" : "period"} is excused when the student had fewer than 2 working
          days in it (bank holidays, sickness or absence).
        </p>
        <CadenceTable cadence={cadence} />
      </section>

      <section aria-labelledby="records-heading">
        <h2 id="records-heading" className="mb-3 text-xl font-bold">
          Records
        </h2>
        {log.hiddenRecords > 0 && (
          <p className="mb-3 border-l-4 border-gray-500 bg-gray-50 p-3">
            {plural(log.hiddenRecords, "record")} not yet signed by both {log.hiddenRecords === 1 ? "is" : "are"} not
            shown. Tutors see a record once the practice educator and the student have both signed it.
          </p>
        )}
        {records.length === 0 ? (
          <p className="rounded border border-gray-300 bg-white p-4">No supervision recorded yet.</p>
        ) : (
          <TableRegion label="Supervision records">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Supervision records, newest first</caption>
              <thead className="bg-gray-100">
                <tr>
                  <th scope="col" className="px-3 py-2">
                    Date
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Type
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Length
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Status
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Actions agreed
                  </th>
                </tr>
              </thead>
              <tbody>
                {/* Newest first, so this week's draft is at the top (the API and the print view stay in date order). */}
                {[...records].reverse().map((record) => (
                  <tr key={record.id} className="border-t border-gray-200 align-top">
                    <td className="whitespace-nowrap px-3 py-2">
                      <Link href={`/supervision/${record.id}`} className="font-semibold text-brand-700 underline">
                        {formatDate(record.heldOn)}
                      </Link>
                      <span className="block text-muted">{record.startTime}</span>
                    </td>
                    <td className="px-3 py-2">{SUPERVISION_TYPE_LABELS[record.type]}</td>
                    <td className="whitespace-nowrap px-3 py-2">{formatMinutes(record.durationMinutes)}</td>
                    <td className="px-3 py-2">
                      <SupervisionStatusBadge status={record.status} />
                    </td>
                    <td className="px-3 py-2">
                      {record.actions.length === 0
                        ? "None"
                        : `${record.actions.length} (${record.actions.filter((action) => action.status === "OPEN").length} open)`}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        )}
      </section>

      {permissions.canChangeArrangements && (
        <section aria-labelledby="settings-heading">
          <details className="rounded border border-gray-300 bg-white p-4">
            <summary className="cursor-pointer">
              <h2 id="settings-heading" className="inline text-lg font-semibold text-brand-700">
                Change how often supervision is expected
              </h2>
            </summary>
            <div className="mt-4">
              <SupervisionSettingsForm
                placementId={placement.id}
                version={placement.version}
                everyWeeks={placement.supervisionEveryWeeks}
                minMinutes={placement.supervisionMinMinutes}
              />
            </div>
          </details>
        </section>
      )}
    </div>
  );
}

function periodWord(everyWeeks: number, count: number) {
  const word = everyWeeks === 1 ? "week" : "period";
  return count === 1 ? word : `${word}s`;
}

function Total({ value, label }: { value: number | string; label: string }) {
  return (
    <li className="rounded border border-gray-300 bg-white p-3">
      <span className="block text-2xl font-bold">{value}</span>
      {label}
    </li>
  );
}
