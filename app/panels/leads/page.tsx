import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/current-user";
import { loadOrNotFound } from "@/lib/page-guards";
import { listPanelLeadCandidates } from "@/lib/panels/panels";
import { PageHeader } from "@/components/page-header";
import { PanelLeadToggle } from "./panel-lead-toggle";

export const metadata: Metadata = { title: "Who leads panels" };
export const dynamic = "force-dynamic";

/** A panel lead gives the permission to, or takes it from, their university's tutors; every change is audited. */
export default async function PanelLeadsPage() {
  const user = await requireUser();
  const tutors = await loadOrNotFound(() => listPanelLeadCandidates(user));
  const cell = "border border-gray-300 px-3 py-2 align-top";
  return (
    <div className="max-w-3xl">
      <PageHeader trail={[{ href: "/panels", label: "Practice assessment panels" }]} title="Who leads panels">
        <p className="mb-4 text-muted">
          Panel leads set up practice assessment panels, choose their members and draw their samples. The team manager
          or a panel lead of your university gives the permission.
        </p>
      </PageHeader>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse bg-white text-left">
          <caption className="mb-2 text-left font-semibold">Your university&apos;s tutors</caption>
          <thead>
            <tr>
              {["Tutor", "Panel lead", "Change"].map((heading) => (
                <th key={heading} scope="col" className={`${cell} bg-gray-100`}>
                  {heading}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {tutors.map((tutor) => (
              <tr key={tutor.id}>
                <th scope="row" className={cell}>
                  {tutor.name}
                  {tutor.id === user.id && <span className="block text-sm font-normal text-muted">You</span>}
                </th>
                <td className={cell}>{tutor.panelLead ? "Yes" : "No"}</td>
                <td className={cell}>
                  {tutor.id === user.id ? (
                    "—"
                  ) : (
                    <PanelLeadToggle
                      userId={tutor.id}
                      name={tutor.name}
                      panelLead={tutor.panelLead}
                      version={tutor.version}
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
