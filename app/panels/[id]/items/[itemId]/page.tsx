import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/current-user";
import { loadOrNotFound } from "@/lib/page-guards";
import { getPanelItem } from "@/lib/panels/panels";
import { PANEL_CRITERIA, PANEL_DECISION_LABELS } from "@/lib/panels/labels";
import { SAMPLE_REASON_LABELS } from "@/lib/panels/sampling";
import { RECOMMENDATION_LABELS } from "@/lib/portfolio/final-assessment-rules";
import { formatDate } from "@/lib/dates";
import { PageHeader } from "@/components/page-header";
import { FormattedText } from "@/components/formatted-text";
import { ScrutinyForm } from "./scrutiny-form";

export const metadata: Metadata = { title: "Scrutinise a final assessment" };
export const dynamic = "force-dynamic";

// Reports are written with Markdown lists and emphasis: show them as their writer formatted them.
function Text({ text, empty }: { text: string; empty: string }) {
  return text.trim() ? <FormattedText text={text} /> : <p className="text-muted">{empty}</p>;
}

function Signed({ label, at }: { label: string; at: Date | null }) {
  return (
    <li>
      <span aria-hidden="true">{at ? "✓ " : "○ "}</span>
      {label}: {at ? `signed ${formatDate(at)}` : "not signed"}
    </li>
  );
}

export default async function PanelItemPage({ params }: { params: Promise<{ id: string; itemId: string }> }) {
  const user = await requireUser();
  const { id, itemId } = await params;
  const view = await loadOrNotFound(() => getPanelItem(user, id, itemId));
  const { panel, item, assessment, placement } = view;
  const section = "mb-6 rounded border border-gray-300 bg-white p-4";

  return (
    <div>
      <PageHeader
        trail={[
          { href: "/panels", label: "Practice assessment panels" },
          { href: `/panels/${panel.id}`, label: panel.name },
        ]}
        title={`Scrutiny: ${placement.studentName}`}
      >
        <p className="mb-4 text-muted">
          {placement.level === "FINAL" ? "Final" : "First"} placement · {placement.setting} ·{" "}
          {formatDate(placement.startDate)} to {formatDate(placement.endDate)} · sampled because:{" "}
          {item.reasons.map((reason) => SAMPLE_REASON_LABELS[reason].toLowerCase()).join("; ")}
        </p>
      </PageHeader>

      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <div>
          <section aria-labelledby="report-heading" className={section}>
            <h2 id="report-heading" className="mb-2 text-2xl font-bold">
              The practice educator&apos;s report
            </h2>
            <p className="mb-2">
              <span className="font-semibold">Recommendation: </span>
              {assessment.recommendation ? RECOMMENDATION_LABELS[assessment.recommendation] : "None recorded"}
              {" · "}
              <span className="font-semibold">Assessed by </span>
              {assessment.practiceEducatorName} (PEPS {assessment.pepsStage === "STAGE_2" ? "stage 2" : "stage 1"})
            </p>
            <h3 className="mt-3 font-bold">Holistic summary</h3>
            <Text text={assessment.holisticSummary} empty="No summary written." />
            <h3 className="mt-3 font-bold">Development plan</h3>
            <Text text={assessment.developmentPlan} empty="No development plan written." />
            <h3 className="mt-3 font-bold">The student&apos;s reflection</h3>
            <Text text={assessment.studentReflection} empty="No reflection written." />
          </section>
          <section aria-labelledby="domains-heading" className={section}>
            <h2 id="domains-heading" className="mb-2 text-2xl font-bold">
              PCF domains
            </h2>
            {assessment.domains.map((domain) => (
              <div key={domain.number} className="mb-3">
                <h3 className="font-bold">
                  {domain.number}. {domain.name}
                </h3>
                <Text text={domain.text} empty="Nothing written for this domain." />
              </div>
            ))}
          </section>
          <section aria-labelledby="portfolio-heading" className={section}>
            <h2 id="portfolio-heading" className="mb-2 text-2xl font-bold">
              Portfolio and signatures
            </h2>
            <ul className="list-none space-y-1">
              <li>{placement.acceptedEvidence} accepted evidence items</li>
              <li>{placement.feedbackItems} accepted child, family or carer feedback items</li>
              <li>{placement.observations} direct observations</li>
              <li>{placement.concerns} causes for concern raised</li>
              <Signed label="Practice educator" at={assessment.peSignedAt} />
              <Signed label="Student" at={assessment.studentSignedAt} />
              {assessment.needsOnsiteSignature && <Signed label="On-site supervisor" at={assessment.onsiteSignedAt} />}
              {assessment.ratifiedAt && <Signed label="Stage 2 ratifier" at={assessment.ratifiedAt} />}
            </ul>
          </section>
        </div>
        <div>
          {view.earlier.length > 0 && (
            <section aria-labelledby="earlier-heading" className="mb-6 border-l-4 border-brand-600 bg-white p-4">
              <h2 id="earlier-heading" className="mb-2 text-xl font-bold">
                Earlier panels
              </h2>
              {view.earlier.map((earlier) => (
                <div key={`${earlier.panelName}-${earlier.sitsOn}`} className="mb-3">
                  <p className="font-semibold">
                    {earlier.panelName}, {formatDate(earlier.sitsOn)}: {PANEL_DECISION_LABELS[earlier.decision]}
                  </p>
                  {earlier.feedbackForPe && (
                    <>
                      <h3 className="mt-1 font-bold">Asked of the practice educator</h3>
                      <FormattedText text={earlier.feedbackForPe} />
                    </>
                  )}
                  <h3 className="mt-1 font-bold">The practice educator&apos;s answer</h3>
                  <Text text={earlier.peResponse ?? ""} empty="Not answered." />
                </div>
              ))}
            </section>
          )}
          {view.canDecide ? (
            <ScrutinyForm
              panelId={panel.id}
              itemId={item.id}
              version={item.version}
              initial={{
                evidenceSufficient: yesNo(item.evidenceSufficient),
                holisticJudgementSupported: yesNo(item.holisticJudgementSupported),
                pcfDomainsEvidenced: yesNo(item.pcfDomainsEvidenced),
                serviceUserFeedbackPresent: yesNo(item.serviceUserFeedbackPresent),
                signaturesComplete: yesNo(item.signaturesComplete),
                decision: item.decision ?? "",
                decisionReasons: item.decisionReasons,
                feedbackForPe: item.feedbackForPe,
              }}
            />
          ) : (
            <section aria-labelledby="decision-heading" className={section}>
              <h2 id="decision-heading" className="mb-2 text-xl font-bold">
                The panel&apos;s scrutiny
              </h2>
              {item.decision ? (
                <>
                  <ul className="mb-3 list-none space-y-1">
                    {PANEL_CRITERIA.map((criterion) => (
                      <li key={criterion.key}>
                        {criterion.question} <strong>{item[criterion.key] ? "Yes" : "No"}</strong>
                      </li>
                    ))}
                  </ul>
                  <p className="font-semibold">{PANEL_DECISION_LABELS[item.decision]}</p>
                  <FormattedText text={item.decisionReasons} />
                </>
              ) : (
                <p>The lead has not recorded the panel&apos;s decision yet.</p>
              )}
            </section>
          )}
        </div>
      </div>
    </div>
  );
}

function yesNo(value: boolean | null): "yes" | "no" | undefined {
  return value === null ? undefined : value ? "yes" : "no";
}
