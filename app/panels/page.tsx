import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/current-user";
import { listPanels, mayCreatePanels } from "@/lib/panels/panels";
import { PANEL_STATUS_LABELS } from "@/lib/panels/labels";
import { formatDate } from "@/lib/dates";

export const metadata: Metadata = { title: "Practice assessment panels" };
export const dynamic = "force-dynamic";

export default async function PanelsPage() {
  const user = await requireUser();
  const [panels, mayCreate] = await Promise.all([listPanels(user), mayCreatePanels(user)]);
  const cell = "border border-gray-300 px-3 py-2 align-top";
  return (
    <div>
      <h1 className="mb-2 text-3xl font-bold">Practice assessment panels</h1>
      <p className="mb-4 max-w-3xl text-muted">
        Each panel scrutinises a sample of completed final assessments before the exam board: every fail and refer,
        every borderline case, every assessment by a practice educator new to the role, answered returns from earlier
        panels, and a random share of the rest. Members read the sample only while the panel sits.
      </p>
      {mayCreate && (
        <p className="mb-6 flex flex-wrap gap-4">
          <Link href="/panels/new" className="rounded bg-brand-600 px-4 py-2 font-semibold text-white no-underline">
            Set up a panel
          </Link>
          <Link href="/panels/leads" className="py-2 font-semibold text-brand-700 underline">
            Who leads panels
          </Link>
        </p>
      )}
      {panels.length === 0 ? (
        <p className="rounded border border-gray-300 bg-white p-4">
          No panels to show yet. A panel&apos;s members who are not tutors see it only while it sits.
        </p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse bg-white text-left">
            <caption className="mb-2 text-left font-semibold">Your university&apos;s panels, newest first</caption>
            <thead>
              <tr>
                {["Panel", "Degree programme", "Sits on", "Status", "Lead", "Decided"].map((heading) => (
                  <th key={heading} scope="col" className={`${cell} bg-gray-100`}>
                    {heading}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {panels.map((panel) => (
                <tr key={panel.id}>
                  <th scope="row" className={cell}>
                    <Link href={`/panels/${panel.id}`} className="font-semibold text-brand-700 underline">
                      {panel.name}
                    </Link>
                    {panel.isMember && <span className="block text-sm text-muted">You sit on this panel</span>}
                  </th>
                  <td className={cell}>{panel.programme}</td>
                  <td className={cell}>{formatDate(panel.sitsOn)}</td>
                  <td className={cell}>{PANEL_STATUS_LABELS[panel.status]}</td>
                  <td className={cell}>{panel.lead}</td>
                  <td className={cell}>
                    {panel.decided} of {panel.sampled}
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
