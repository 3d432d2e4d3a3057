import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/current-user";
import { listPlacementEvidence } from "@/lib/portfolio/read-evidence";
import { loadOrNotFound } from "@/lib/page-guards";
import { formatDate } from "@/lib/dates";
import { COVERAGE_STATE_LABELS } from "@/lib/portfolio/coverage";
import { EVIDENCE_TYPE_LABELS } from "@/lib/validations/evidence";
import { EvidenceStatusBadge } from "@/components/portfolio/evidence-status-badge";
import { PageHeader } from "@/components/page-header";

export const metadata: Metadata = { title: "Portfolio" };
export const dynamic = "force-dynamic";

export default async function PortfolioPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const { placement, coverage, evidence, permissions } = await loadOrNotFound(() => listPlacementEvidence(user, id));
  const waiting = evidence.filter((item) => item.status === "SUBMITTED");
  const th = "border-b-2 border-gray-700 px-3 py-2 text-left font-semibold";
  const td = "border-b border-gray-300 px-3 py-2 align-top";

  return (
    <div className="space-y-8">
      <PageHeader
        trail={[
          { href: "/placements", label: "Placements" },
          { href: `/placements/${placement.id}`, label: placement.studentName },
        ]}
        title="Portfolio"
      >
        <p className="text-muted">
          {placement.studentName} · {placement.level === "FIRST" ? "First" : "Final"} placement ·{" "}
          {formatDate(placement.startDate)} to {formatDate(placement.endDate)}
          {placement.practiceEducatorName ? ` · Practice educator ${placement.practiceEducatorName}` : ""}
        </p>
        {permissions.canAdd && (
          <p className="mt-4">
            <Link
              href={`/placements/${placement.id}/portfolio/new`}
              className="rounded bg-brand-600 px-4 py-2 font-semibold text-white no-underline shadow-[0_2px_0_#0b2f31] hover:bg-brand-700"
            >
              Add evidence
            </Link>
          </p>
        )}
      </PageHeader>

      <section aria-labelledby="coverage-heading">
        <h2 id="coverage-heading" className="mb-1 text-2xl font-bold">
          Coverage of the PCF
        </h2>
        {coverage ? (
          <>
            <p className="mb-3 text-muted">
              {coverage.domainsEvidenced} of {coverage.domains} domains have accepted evidence;{" "}
              {coverage.gaps === 0 ? "no gaps" : `${coverage.gaps} ${coverage.gaps === 1 ? "gap" : "gaps"}`}. Coverage
              shows where evidence is thin: the practice educator&apos;s assessment across the domains is holistic, not
              a count.
            </p>
            <div className="overflow-x-auto rounded border border-gray-300 bg-white">
              <table className="w-full border-collapse">
                <caption className="sr-only">
                  Evidence for each domain of the {coverage.framework.name} ({coverage.framework.version})
                </caption>
                <thead>
                  <tr>
                    <th scope="col" className={th}>
                      Domain
                    </th>
                    <th scope="col" className={`${th} text-right`}>
                      Evidence items
                    </th>
                    <th scope="col" className={`${th} text-right`}>
                      Accepted
                    </th>
                    <th scope="col" className={th}>
                      State
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {coverage.rows.map((row) => (
                    <tr key={row.id} className={row.gap ? "bg-amber-50" : undefined}>
                      <th scope="row" className={`${td} text-left font-normal`}>
                        {row.number}. {row.name}
                      </th>
                      <td className={`${td} text-right tabular-nums`}>{row.total}</td>
                      <td className={`${td} text-right tabular-nums`}>{row.accepted}</td>
                      <td className={td}>
                        {row.gap ? (
                          <span className="font-semibold text-amber-900">
                            <span aria-hidden="true">⚠ </span>Gap — {COVERAGE_STATE_LABELS[row.state].toLowerCase()}
                          </span>
                        ) : (
                          <span className="font-semibold text-green-900">
                            <span aria-hidden="true">✓ </span>
                            {COVERAGE_STATE_LABELS[row.state]}
                          </span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        ) : (
          <p>
            No version of the PCF is in force today, so coverage cannot be shown. The team manager can add the current
            version.
          </p>
        )}
      </section>

      {waiting.length > 0 && (
        // The "To do" panel's "Evidence waiting for your review" links here.
        <section aria-labelledby="waiting-for-review" className="rounded border-l-4 border-brand-600 bg-white p-4">
          <h2 id="waiting-for-review" className="mb-2 text-2xl font-bold">
            Waiting for review ({waiting.length})
          </h2>
          <ul className="list-disc space-y-1 pl-6">
            {waiting.map((item) => (
              <li key={item.id}>
                <Link href={`/evidence/${item.id}`} className="font-semibold text-brand-700 underline">
                  {item.title}
                </Link>{" "}
                <span className="text-muted">({formatDate(item.occurredOn)})</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="evidence-heading">
        <h2 id="evidence-heading" className="mb-1 text-2xl font-bold">
          Evidence
        </h2>
        {!permissions.seesDrafts && (
          <p className="mb-3 text-muted">Drafts are not shown: you see evidence once the student has submitted it.</p>
        )}
        {evidence.length === 0 ? (
          <p>No evidence yet.</p>
        ) : (
          <div className="overflow-x-auto rounded border border-gray-300 bg-white">
            <table className="w-full border-collapse">
              <caption className="sr-only">Evidence items, newest first</caption>
              <thead>
                <tr>
                  <th scope="col" className={th}>
                    Title
                  </th>
                  <th scope="col" className={th}>
                    Date
                  </th>
                  <th scope="col" className={th}>
                    Type
                  </th>
                  <th scope="col" className={th}>
                    Status
                  </th>
                  <th scope="col" className={th}>
                    Capabilities
                  </th>
                </tr>
              </thead>
              <tbody>
                {evidence.map((item) => (
                  <tr key={item.id}>
                    <td className={td}>
                      <Link href={`/evidence/${item.id}`} className="font-semibold text-brand-700 underline">
                        {item.title}
                      </Link>
                      {item.attachments > 0 && (
                        <span className="block text-sm text-muted">
                          {item.attachments} {item.attachments === 1 ? "attachment" : "attachments"}
                        </span>
                      )}
                    </td>
                    <td className={`${td} whitespace-nowrap`}>{formatDate(item.occurredOn)}</td>
                    <td className={td}>{EVIDENCE_TYPE_LABELS[item.type]}</td>
                    <td className={td}>
                      <EvidenceStatusBadge status={item.status} />
                    </td>
                    <td className={`${td} text-sm`}>
                      {item.capabilities
                        .map((capability) => `${capability.framework} ${capability.number}. ${capability.name}`)
                        .join("; ")}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
