import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/current-user";
import { canMaintainRegister } from "@/lib/access/pe-register";
import { listRegister } from "@/lib/pe-register/register";
import { REFRESHER_STATE_LABELS, REFRESHER_EVERY_YEARS } from "@/lib/pe-register/currency";
import { formatDate } from "@/lib/dates";

export const metadata: Metadata = { title: "Practice educator register" };
export const dynamic = "force-dynamic";

const STATE_STYLES = {
  CURRENT: "border-green-800 bg-green-50 text-green-900",
  DUE_SOON: "border-amber-800 bg-amber-50 text-amber-900",
  OVERDUE: "border-red-800 bg-red-50 text-red-900",
  NOT_RECORDED: "border-gray-700 bg-gray-100 text-gray-900",
} as const;

export default async function RegisterPage() {
  const user = await requireUser();
  const entries = await listRegister(user);
  const maintains = canMaintainRegister(user);
  const cell = "border border-gray-300 px-3 py-2 align-top";
  return (
    <div>
      <h1 className="mb-2 text-3xl font-bold">Practice educator register</h1>
      <p className="mb-6 max-w-3xl text-muted">
        Each practice educator&apos;s PEPS stage, when they qualified and their refresher training, due every{" "}
        {REFRESHER_EVERY_YEARS} years.{" "}
        {maintains
          ? "You keep the register; practice educators see their own entry and tutors the entries of their students' practice educators."
          : "The team manager keeps the register."}
      </p>
      {entries.length === 0 ? (
        <p className="rounded border border-gray-300 bg-white p-4">No entries for you to see.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse bg-white text-left">
            <caption className="mb-2 text-left font-semibold">
              {entries.length} practice educator{entries.length === 1 ? "" : "s"}
            </caption>
            <thead>
              <tr>
                {[
                  "Practice educator",
                  "PEPS stage",
                  "Qualified",
                  "Refresher training",
                  "Students (now / past)",
                  "Panel decisions on their reports",
                  "Entry last updated",
                ].map((heading) => (
                  <th key={heading} scope="col" className={`${cell} bg-gray-100`}>
                    {heading}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <th scope="row" className={cell}>
                    {maintains ? (
                      <Link href={`/pe-register/${entry.id}`} className="font-semibold text-brand-700 underline">
                        {entry.name}
                        <span className="sr-only">: update the entry</span>
                      </Link>
                    ) : (
                      entry.name
                    )}
                    {!entry.active && <span className="block text-sm text-muted">Account closed</span>}
                  </th>
                  <td className={cell}>
                    {entry.pepsStage === "STAGE_2" ? "Stage 2" : entry.pepsStage === "STAGE_1" ? "Stage 1" : "—"}
                  </td>
                  <td className={cell}>{entry.qualifiedOn ? formatDate(entry.qualifiedOn) : "—"}</td>
                  <td className={cell}>
                    <span
                      className={`inline-block rounded border px-2 py-0.5 text-sm font-semibold ${STATE_STYLES[entry.refresher.state]}`}
                    >
                      {entry.refresher.state === "OVERDUE" && <span aria-hidden="true">⚠ </span>}
                      {REFRESHER_STATE_LABELS[entry.refresher.state]}
                    </span>
                    <span className="block text-sm">
                      Last: {entry.lastRefresherOn ? formatDate(entry.lastRefresherOn) : "none recorded"}
                      {entry.refresher.dueOn && <>; next due {formatDate(entry.refresher.dueOn)}</>}
                    </span>
                  </td>
                  <td className={cell}>
                    {entry.currentStudents} / {entry.pastStudents}
                    {entry.capacity !== null && (
                      <span className={`block text-sm ${entry.overCapacity ? "font-semibold text-red-800" : ""}`}>
                        {entry.overCapacity ? "Over capacity: " : "Capacity: "}
                        {entry.capacity} at once
                      </span>
                    )}
                  </td>
                  <td className={cell}>
                    {entry.panelDecisions.confirmed + entry.panelDecisions.returned + entry.panelDecisions.referred ===
                    0
                      ? "None yet"
                      : `${entry.panelDecisions.confirmed} confirmed, ${entry.panelDecisions.returned} returned for evidence, ${entry.panelDecisions.referred} referred to the exam board`}
                  </td>
                  <td className={cell}>
                    {entry.updatedOn ? formatDate(entry.updatedOn) : "Never"}
                    {entry.stale && <span className="block text-sm font-semibold">Needs checking</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
