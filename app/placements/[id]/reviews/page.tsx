import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/current-user";
import { loadOrNotFound } from "@/lib/page-guards";
import { getMilestones, type MilestoneRecord } from "@/lib/portfolio/milestones";
import { RECOMMENDATION_LABELS } from "@/lib/portfolio/milestone-rules";
import { ATTENDEE_LABELS } from "@/lib/validations/milestone";
import { formatDate } from "@/lib/dates";
import { SummaryList } from "@/components/summary-list";
import { PortfolioPageHeader, WrittenText } from "@/components/portfolio/reviews/page-header";
import { MilestoneStateTag } from "@/components/portfolio/reviews/milestone-state";

export const metadata: Metadata = { title: "Reviews" };
export const dynamic = "force-dynamic";

function RecordContent({ kind, record }: { kind: string; record: MilestoneRecord }) {
  const rows: Array<[string, React.ReactNode]> = [
    ["Held on", formatDate(record.heldOn)],
    ["Attended", record.attendees.map((attendee) => ATTENDEE_LABELS[attendee]).join(", ")],
  ];
  if (kind === "LEARNING_AGREEMENT") {
    rows.push(
      ["Learning needs", <WrittenText key="n" text={record.learningNeeds} empty="—" />],
      ["Learning opportunities promised", <WrittenText key="o" text={record.learningOpportunities} empty="—" />],
      ["Reasonable adjustments", <WrittenText key="a" text={record.reasonableAdjustments} empty="None recorded" />],
      ["Supervision arrangements", <WrittenText key="s" text={record.supervisionArrangements} empty="—" />],
    );
  } else {
    rows.push(
      ["Days completed at the meeting", String(record.daysCompletedAtMeeting ?? "—")],
      ["Recommendation", record.recommendation ? RECOMMENDATION_LABELS[record.recommendation] : "—"],
    );
    if (kind === "MIDPOINT_REVIEW" && record.actionPlan)
      rows.push(["Action plan", <WrittenText key="p" text={record.actionPlan} />]);
    if (kind === "FINAL_REVIEW" && record.earlyReason)
      rows.push(["Why it was held early", <WrittenText key="e" text={record.earlyReason} />]);
  }
  rows.push(
    ["Notes", <WrittenText key="notes" text={record.notes} empty="—" />],
    ["Recorded by", `${record.recordedByName} (version ${record.version})`],
  );
  return <SummaryList rows={rows} />;
}

export default async function ReviewsPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const view = await loadOrNotFound(() => getMilestones(user, id));
  const { placement, milestones, permissions } = view;

  return (
    <div className="space-y-8">
      <PortfolioPageHeader placement={placement} title={`Reviews: ${placement.studentName}`} />
      <SummaryList
        rows={[
          ["Placement dates", `${formatDate(placement.startDate)} to ${formatDate(placement.endDate)}`],
          ["Days completed", `${view.daysCompleted} of ${placement.requiredDays}`],
          ["Days lost to sickness or absence", `${view.absenceDays} (they push the midpoint and final review out)`],
          ["Practice educator", placement.practiceEducatorName ?? "None assigned"],
        ]}
      />
      {milestones.map((milestone) => (
        <section
          key={milestone.kind}
          aria-labelledby={`${milestone.slug}-heading`}
          className="space-y-3 rounded border border-gray-300 bg-white p-4"
        >
          <div className="flex flex-wrap items-center gap-3">
            <h2 id={`${milestone.slug}-heading`} className="text-xl font-bold">
              {milestone.label}
            </h2>
            <MilestoneStateTag state={milestone.state} />
          </div>
          <p>
            {milestone.dueDate ? `Due by ${formatDate(milestone.dueDate)}.` : "No due date yet."}
            {milestone.heldOn ? ` Held on ${formatDate(milestone.heldOn)}.` : " Not held yet."}
          </p>
          {milestone.kind === "MIDPOINT_REVIEW" && (
            <div>
              <h3 className="font-bold">Supervision sessions held so far</h3>
              {view.supervisionSessionDates.length === 0 ? (
                <p>None recorded.</p>
              ) : (
                <p>
                  {view.supervisionSessionDates.map((date) => formatDate(date)).join(", ")} (
                  {view.supervisionSessionDates.length})
                </p>
              )}
            </div>
          )}
          {milestone.record && <RecordContent kind={milestone.kind} record={milestone.record} />}
          {permissions.canRecord && (
            <p>
              <Link
                href={`/placements/${placement.id}/reviews/${milestone.slug}`}
                className="inline-block rounded bg-brand-600 px-4 py-2 font-semibold text-white no-underline hover:bg-brand-700"
              >
                {milestone.record
                  ? `Edit the ${milestone.label.toLowerCase()}`
                  : `Record the ${milestone.label.toLowerCase()}`}
              </Link>
            </p>
          )}
        </section>
      ))}
    </div>
  );
}
