import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/current-user";
import { loadOrNotFound } from "@/lib/page-guards";
import { listConcerns } from "@/lib/portfolio/concerns";
import { formatDate } from "@/lib/dates";
import { PortfolioPageHeader } from "@/components/portfolio/reviews/page-header";
import { ConcernStateTag } from "@/components/portfolio/reviews/concern-state";
import { RaiseConcernForm } from "./raise-concern-form";
import { TableRegion } from "@/components/table-region";

export const metadata: Metadata = { title: "Causes for concern" };
export const dynamic = "force-dynamic";

export default async function ConcernsPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const { placement, concerns, permissions } = await loadOrNotFound(() => listConcerns(user, id));
  return (
    <div className="space-y-8">
      <PortfolioPageHeader placement={placement} title={`Causes for concern: ${placement.studentName}`} />
      <p className="max-w-3xl">
        A cause for concern runs in stages: a stage 1 meeting, an action plan with dates, a review; if it is not
        resolved, a stage 2 meeting and an outcome (extend the placement, change placement, suspend or fail).
      </p>
      <section aria-labelledby="concerns-heading">
        <h2 id="concerns-heading" className="mb-3 text-xl font-bold">
          Concerns raised
        </h2>
        {concerns.length === 0 ? (
          <p className="rounded border border-gray-300 bg-white p-4">
            No causes for concern have been raised on this placement.
          </p>
        ) : (
          <TableRegion label="Causes for concern">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Causes for concern, newest first</caption>
              <thead className="bg-gray-100">
                <tr>
                  <th scope="col" className="px-3 py-2">
                    Raised
                  </th>
                  <th scope="col" className="px-3 py-2">
                    By
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Concern
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Where it stands
                  </th>
                </tr>
              </thead>
              <tbody>
                {concerns.map((concern) => (
                  <tr key={concern.id} className="border-t border-gray-200 align-top">
                    <td className="whitespace-nowrap px-3 py-2">
                      <Link href={`/concerns/${concern.id}`} className="font-semibold text-brand-700 underline">
                        {formatDate(new Date(concern.raisedAt))}
                      </Link>
                    </td>
                    <td className="px-3 py-2">{concern.raisedByName}</td>
                    <td className="max-w-md px-3 py-2">
                      {concern.summary.length > 160 ? `${concern.summary.slice(0, 160)}…` : concern.summary}
                    </td>
                    <td className="px-3 py-2">
                      <ConcernStateTag status={concern.status} label={concern.stateLabel} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        )}
      </section>
      {permissions.canRaise && <RaiseConcernForm placementId={placement.id} />}
    </div>
  );
}
