import type { Metadata } from "next";
import { TableRegion } from "@/components/table-region";
import { requireUser } from "@/lib/auth/current-user";
import { loadOrNotFound } from "@/lib/page-guards";
import { listChildViewers } from "@/lib/children/data-protection";
import { formatDateTime } from "@/lib/dates";
import { ROLE_LABELS } from "@/lib/validations/user";
import { PageHeader } from "@/components/page-header";

export const metadata: Metadata = { title: "Who viewed this record" };
export const dynamic = "force-dynamic";

export default async function ChildViewersPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const viewers = await loadOrNotFound(() => listChildViewers(user, id));
  return (
    <div>
      <div className="mb-4">
        <PageHeader
          trail={[
            { href: "/children", label: "Children" },
            { href: `/children/${id}`, label: "Child's record" },
          ]}
          title="Who has viewed this record"
        />
      </div>
      {viewers.length === 0 ? (
        <p className="rounded border border-gray-300 bg-white p-4">
          Nobody has viewed the child&apos;s identifiable record yet.
        </p>
      ) : (
        <TableRegion label="Views of the child's identifiable record">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Views of the child&apos;s identifiable record, newest first</caption>
            <thead className="bg-gray-100">
              <tr>
                <th scope="col" className="px-3 py-2">
                  When
                </th>
                <th scope="col" className="px-3 py-2">
                  Who
                </th>
                <th scope="col" className="px-3 py-2">
                  What
                </th>
              </tr>
            </thead>
            <tbody>
              {viewers.map((view, index) => (
                <tr key={index} className="border-t border-gray-200">
                  <td className="whitespace-nowrap px-3 py-2">{formatDateTime(new Date(view.at))}</td>
                  <td className="px-3 py-2">
                    {view.actorName}
                    {view.actorRole && <span className="block text-muted">{ROLE_LABELS[view.actorRole]}</span>}
                  </td>
                  <td className="px-3 py-2">
                    {view.action === "EXPORT" ? "Exported the record" : `Viewed (${view.context ?? "record"})`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </div>
  );
}
