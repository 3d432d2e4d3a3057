import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/current-user";
import { loadOrNotFound } from "@/lib/page-guards";
import { getPanel } from "@/lib/panels/panels";
import { PANEL_DECISION_LABELS, PANEL_STATUS_LABELS } from "@/lib/panels/labels";
import { SAMPLE_REASON_LABELS } from "@/lib/panels/sampling";
import { RECOMMENDATION_LABELS } from "@/lib/portfolio/final-assessment-rules";
import { formatDate, formatDateTime } from "@/lib/dates";
import { PageHeader } from "@/components/page-header";
import { TableRegion } from "@/components/table-region";
import { PanelLeadControls } from "./lead-controls";

export const metadata: Metadata = { title: "Practice assessment panel" };
export const dynamic = "force-dynamic";

export default async function PanelPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const panel = await loadOrNotFound(() => getPanel(user, id));
  const cell = "border border-gray-300 px-3 py-2 align-top";
  const lead = panel.members.find((member) => member.role === "LEAD");
  const others = panel.members.filter((member) => member.role !== "LEAD");

  return (
    <div>
      <PageHeader
        trail={[{ href: "/panels", label: "Practice assessment panels" }]}
        title={panel.name}
        aside={
          <span className="rounded border border-gray-700 bg-gray-100 px-2 py-0.5 text-sm font-semibold">
            {PANEL_STATUS_LABELS[panel.status]}
          </span>
        }
      >
        <dl className="mt-3 grid max-w-3xl grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[auto_1fr]">
          <dt className="font-semibold">Degree programme</dt>
          <dd>{panel.programme}</dd>
          <dt className="font-semibold">Sits on</dt>
          <dd>{formatDate(panel.sitsOn)}</dd>
          <dt className="font-semibold">Lead</dt>
          <dd>{lead?.name ?? "—"}</dd>
          <dt className="font-semibold">Members</dt>
          <dd>{others.length ? others.map((member) => member.name).join(", ") : "The lead alone"}</dd>
          <dt className="font-semibold">External examiner</dt>
          <dd>{panel.externalExaminerName ?? "None named"}</dd>
          <dt className="font-semibold">Sample</dt>
          <dd>
            {panel.sampleBuiltAt
              ? `Drawn ${formatDateTime(panel.sampleBuiltAt)} with seed “${panel.sampleSeed}”, ${panel.randomPercent}% of the rest at random`
              : `Not drawn yet; ${panel.randomPercent}% of the rest will be chosen at random`}
          </dd>
        </dl>
      </PageHeader>

      <p className="mt-4">
        <Link href={`/panels/${panel.id}/report`} className="font-semibold text-brand-700 underline">
          Panel report (print or PDF)
        </Link>
      </p>

      {panel.permissions.canManage && (
        <PanelLeadControls
          panelId={panel.id}
          status={panel.status}
          version={panel.version}
          hasSample={panel.items.length > 0}
        />
      )}

      <section aria-labelledby="sample-heading" className="mt-6">
        <h2 id="sample-heading" className="mb-2 text-2xl font-bold">
          The sample
        </h2>
        {!panel.permissions.canReadSample && panel.status === "OPEN" && (
          <p className="mb-3 max-w-3xl text-muted">
            You do not sit on this panel, so you see its record but not the reports themselves.
          </p>
        )}
        {panel.items.length === 0 ? (
          <p className="rounded border border-gray-300 bg-white p-4">No final assessments sampled yet.</p>
        ) : (
          <TableRegion label="The panel's sample" className="border-0">
            <table className="stack-table w-full border-collapse bg-white text-left">
              <caption className="mb-2 text-left font-semibold">
                {panel.items.length} final assessment{panel.items.length === 1 ? "" : "s"} sampled,{" "}
                {panel.items.filter((item) => item.decision).length} decided
              </caption>
              <thead>
                <tr>
                  {["Student", "Practice educator", "PE's recommendation", "Why sampled", "Panel's decision"].map(
                    (heading) => (
                      <th key={heading} scope="col" className={`${cell} bg-gray-100`}>
                        {heading}
                      </th>
                    ),
                  )}
                </tr>
              </thead>
              <tbody>
                {panel.items.map((item) => (
                  <tr key={item.id}>
                    <th scope="row" className={`${cell} stack-title`}>
                      {panel.permissions.canReadSample ? (
                        <Link
                          href={`/panels/${panel.id}/items/${item.id}`}
                          className="font-semibold text-brand-700 underline"
                        >
                          {item.studentName}
                          <span className="sr-only">: scrutinise the final assessment</span>
                        </Link>
                      ) : (
                        item.studentName
                      )}
                      <span className="block text-sm font-normal text-muted">
                        {item.level === "FINAL" ? "Final" : "First"} placement, {item.setting}
                      </span>
                    </th>
                    <td data-label="Practice educator" className={cell}>
                      {item.practiceEducatorName}
                    </td>
                    <td data-label="PE's recommendation" className={cell}>
                      {item.recommendation ? RECOMMENDATION_LABELS[item.recommendation] : "—"}
                    </td>
                    <td data-label="Why sampled" className={cell}>
                      <ul className="list-none">
                        {item.reasons.map((reason) => (
                          <li key={reason}>{SAMPLE_REASON_LABELS[reason]}</li>
                        ))}
                      </ul>
                    </td>
                    <td data-label="Panel's decision" className={`${cell} stack-first`}>
                      {item.decision ? (
                        <>
                          <span className="font-semibold">{PANEL_DECISION_LABELS[item.decision]}</span>
                          <span className="block text-sm text-muted">
                            {item.decidedBy}, {item.decidedAt ? formatDate(item.decidedAt) : ""}
                          </span>
                          {item.decision === "RETURNED_FOR_EVIDENCE" && (
                            <span className="block text-sm">
                              {item.peResponse ? "Answered by the PE: goes to the next panel" : "Waiting for the PE"}
                            </span>
                          )}
                        </>
                      ) : (
                        <span>
                          <span aria-hidden="true">○ </span>No decision yet
                        </span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        )}
      </section>
    </div>
  );
}
