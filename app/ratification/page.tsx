import type { Metadata } from "next";
import Link from "next/link";
import { TableRegion } from "@/components/table-region";
import { requireUser } from "@/lib/auth/current-user";
import { listAwaitingRatification } from "@/lib/portfolio/ratification-queue";
import { RECOMMENDATION_LABELS } from "@/lib/portfolio/final-assessment-rules";
import { formatDate } from "@/lib/dates";

export const metadata: Metadata = { title: "Ratification" };
export const dynamic = "force-dynamic";

export default async function RatificationPage() {
  const user = await requireUser();
  const queue = await listAwaitingRatification(user);
  const cell = "border border-gray-300 px-3 py-2 align-top";

  return (
    <div>
      <h1 className="mb-2 text-3xl font-bold">Ratification of final assessments</h1>
      <p className="mb-6 max-w-3xl text-muted">
        A PEPS stage 1 practice educator may not take a final placement&apos;s final assessment alone: once everyone has
        signed, a stage 2 practice educator of the team, who is not the assessor, reads it and ratifies it.
      </p>
      {!queue.eligible ? (
        <p className="max-w-3xl rounded border border-gray-300 bg-white p-4">
          {queue.isPracticeEducator
            ? `Your PEPS stage is recorded as ${queue.pepsStage === "STAGE_1" ? "stage 1" : "not known"}, so there is nothing for you to ratify. Final-placement assessments you write at stage 1 will be sent to the team's stage 2 practice educators.`
            : "Only PEPS stage 2 practice educators ratify final assessments: there is nothing here for you."}
        </p>
      ) : queue.items.length === 0 ? (
        <p className="rounded border border-gray-300 bg-white p-4">
          No final assessments are waiting for ratification.
        </p>
      ) : (
        <TableRegion label="Final assessments waiting for ratification" className="border-0">
          <table className="stack-table w-full border-collapse bg-white text-left">
            <caption className="mb-2 text-left font-semibold">
              {queue.items.length} final assessment{queue.items.length === 1 ? "" : "s"} waiting for ratification,
              oldest first
            </caption>
            <thead>
              <tr>
                {["Student", "Placement", "Assessed by", "Recommendation", "Signed by the practice educator"].map(
                  (heading) => (
                    <th key={heading} scope="col" className={`${cell} bg-gray-100`}>
                      {heading}
                    </th>
                  ),
                )}
              </tr>
            </thead>
            <tbody>
              {queue.items.map((item) => (
                <tr key={item.id}>
                  <th scope="row" className={`${cell} stack-title`}>
                    <Link
                      href={`/placements/${item.placementId}/final-assessment`}
                      className="font-semibold text-brand-700 underline"
                    >
                      {item.studentName}
                      <span className="sr-only">: read and ratify the final assessment</span>
                    </Link>
                  </th>
                  <td data-label="Placement" className={cell}>
                    {item.level === "FINAL" ? "Final" : "First"} placement, {item.setting}
                  </td>
                  <td data-label="Assessed by" className={cell}>
                    {item.practiceEducatorName}
                  </td>
                  <td data-label="Recommendation" className={`${cell} stack-first`}>
                    {item.recommendation ? RECOMMENDATION_LABELS[item.recommendation] : "—"}
                  </td>
                  <td data-label="Signed by the practice educator" className={cell}>
                    {item.peSignedAt ? formatDate(new Date(item.peSignedAt)) : "—"}
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
