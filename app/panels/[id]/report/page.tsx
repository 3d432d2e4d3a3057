import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/current-user";
import { loadOrNotFound } from "@/lib/page-guards";
import { getPanel } from "@/lib/panels/panels";
import { panelReportThemes } from "@/lib/panels/report-themes";
import { PANEL_DECISION_LABELS, PANEL_STATUS_LABELS } from "@/lib/panels/labels";
import { SAMPLE_REASON_LABELS } from "@/lib/panels/sampling";
import { RECOMMENDATION_LABELS } from "@/lib/portfolio/final-assessment-rules";
import { formatDate } from "@/lib/dates";
import { PageHeader } from "@/components/page-header";
import { PrintButton } from "@/components/supervision/print-button";
import { FormattedText } from "@/components/formatted-text";

export const metadata: Metadata = { title: "Panel report" };
export const dynamic = "force-dynamic";

/** A panel's report for the exam board: the sample and why, the decisions, the feedback themes. Print it or download the PDF. */
export default async function PanelReportPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const panel = await loadOrNotFound(() => getPanel(user, id));
  const themes = panelReportThemes(panel.items);
  const cell = "border border-gray-400 px-2 py-1 align-top";
  const others = panel.members.filter((member) => member.role !== "LEAD");

  return (
    <article className="space-y-6 print:text-[10pt]">
      <div className="no-print">
        <PageHeader
          trail={[
            { href: "/panels", label: "Practice assessment panels" },
            { href: `/panels/${panel.id}`, label: panel.name },
          ]}
          title={`Panel report: ${panel.name}`}
        />
      </div>
      <h1 className="hidden text-2xl font-bold print:block">Panel report: {panel.name}</h1>
      <p className="no-print flex flex-wrap items-center gap-4">
        <PrintButton />
        <a href={`/api/v1/panels/${panel.id}/report.pdf`} className="font-semibold text-brand-700 underline" download>
          Download the PDF
        </a>
      </p>
      <dl className="grid max-w-3xl grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[auto_1fr]">
        <dt className="font-semibold">Degree programme</dt>
        <dd>{panel.programme}</dd>
        <dt className="font-semibold">Sits on</dt>
        <dd>
          {formatDate(panel.sitsOn)} ({PANEL_STATUS_LABELS[panel.status].toLowerCase()})
        </dd>
        <dt className="font-semibold">Lead</dt>
        <dd>{panel.members.find((member) => member.role === "LEAD")?.name ?? "—"}</dd>
        <dt className="font-semibold">Members</dt>
        <dd>{others.length ? others.map((member) => member.name).join(", ") : "The lead alone"}</dd>
        <dt className="font-semibold">External examiner</dt>
        <dd>{panel.externalExaminerName ?? "None named"}</dd>
        <dt className="font-semibold">Sample</dt>
        <dd>
          {panel.sampleSeed
            ? `${panel.items.length} PADs, drawn with seed “${panel.sampleSeed}”, ${panel.randomPercent}% of the rest at random`
            : "Not drawn yet"}
        </dd>
      </dl>

      <section aria-labelledby="decisions-heading" className="print:break-inside-avoid">
        <h2 id="decisions-heading" className="mb-2 text-xl font-bold">
          Decisions
        </h2>
        <ul className="list-disc pl-6">
          {themes.decisions.map((row) => (
            <li key={row.decision}>
              {row.label}: <strong>{row.count}</strong>
            </li>
          ))}
          <li>
            No decision yet: <strong>{themes.undecided}</strong>
          </li>
        </ul>
      </section>

      <section aria-labelledby="themes-heading" className="print:break-inside-avoid">
        <h2 id="themes-heading" className="mb-2 text-xl font-bold">
          Feedback themes
        </h2>
        {themes.shortfalls.length === 0 ? (
          <p>No PAD fell short on any criterion the panel scrutinised.</p>
        ) : (
          <>
            <p className="mb-1">Where the decided PADs fell short, most common first:</p>
            <ul className="list-disc pl-6">
              {themes.shortfalls.map((row) => (
                <li key={row.key}>
                  {row.question} <strong>No</strong> on {row.count} of {themes.decided}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="sample-heading">
        <h2 id="sample-heading" className="mb-2 text-xl font-bold">
          The sample
        </h2>
        {panel.items.length === 0 ? (
          <p>No final assessments sampled yet.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full border-collapse border border-gray-400 bg-white text-left text-sm print:text-[8pt]">
              <caption className="mb-2 text-left font-semibold">
                Each sampled PAD, why it is in the sample and the panel&apos;s decision
              </caption>
              <thead>
                <tr>
                  {[
                    "Student",
                    "Practice educator",
                    "Recommendation",
                    "Why sampled",
                    "Decision",
                    "Feedback for the PE",
                  ].map((heading) => (
                    <th key={heading} scope="col" className={`${cell} bg-gray-100`}>
                      {heading}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {panel.items.map((item) => (
                  <tr key={item.id}>
                    <th scope="row" className={cell}>
                      {item.studentName}
                    </th>
                    <td className={cell}>{item.practiceEducatorName}</td>
                    <td className={cell}>{item.recommendation ? RECOMMENDATION_LABELS[item.recommendation] : "—"}</td>
                    <td className={cell}>{item.reasons.map((reason) => SAMPLE_REASON_LABELS[reason]).join("; ")}</td>
                    <td className={cell}>{item.decision ? PANEL_DECISION_LABELS[item.decision] : "No decision yet"}</td>
                    <td className={cell}>{item.feedbackForPe ? <FormattedText text={item.feedbackForPe} /> : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </article>
  );
}
