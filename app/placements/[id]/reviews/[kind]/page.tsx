import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/current-user";
import { loadOrNotFound } from "@/lib/page-guards";
import { getMilestones } from "@/lib/portfolio/milestones";
import { milestoneKindOf } from "@/lib/validations/milestone";
import { formatDate, todayInUk } from "@/lib/dates";
import { SummaryList } from "@/components/summary-list";
import { PortfolioPageHeader } from "@/components/portfolio/reviews/page-header";
import { MilestoneStateTag } from "@/components/portfolio/reviews/milestone-state";
import { MilestoneForm } from "./milestone-form";

export const metadata: Metadata = { title: "Record a review meeting" };
export const dynamic = "force-dynamic";

export default async function MilestoneRecordPage({ params }: { params: Promise<{ id: string; kind: string }> }) {
  const user = await requireUser();
  const { id, kind: slug } = await params;
  const kind = milestoneKindOf(slug);
  if (!kind) notFound();
  const view = await loadOrNotFound(() => getMilestones(user, id));
  if (!view.permissions.canRecord) notFound();
  const milestone = view.milestones.find((candidate) => candidate.kind === kind)!;
  const record = milestone.record;
  const today = todayInUk();

  return (
    <div className="max-w-3xl space-y-6">
      <PortfolioPageHeader
        placement={view.placement}
        crumbs={[{ href: `/placements/${view.placement.id}/reviews`, label: "Reviews" }]}
        title={record ? `Edit the ${milestone.label.toLowerCase()}` : milestone.label}
      />
      <SummaryList
        rows={[
          ["Due by", milestone.dueDate ? formatDate(milestone.dueDate) : "—"],
          ["State", <MilestoneStateTag key="state" state={milestone.state} />],
          ["Days completed so far", `${view.daysCompleted} of ${view.placement.requiredDays}`],
          ...(kind === "MIDPOINT_REVIEW"
            ? ([
                [
                  "Supervision sessions held so far",
                  view.supervisionSessionDates.length
                    ? view.supervisionSessionDates.map((date) => formatDate(date)).join(", ")
                    : "None recorded",
                ],
              ] as Array<[string, string]>)
            : []),
        ]}
      />
      <MilestoneForm
        placementId={view.placement.id}
        kind={kind}
        slug={milestone.slug}
        today={today}
        minDate={view.placement.startDate}
        daysCompleted={view.daysCompleted}
        requiredDays={view.placement.requiredDays}
        values={{
          heldOn: record?.heldOn ?? today,
          attendees: record?.attendees ?? ["STUDENT", "PRACTICE_EDUCATOR"],
          notes: record?.notes ?? "",
          learningNeeds: record?.learningNeeds ?? "",
          learningOpportunities: record?.learningOpportunities ?? "",
          reasonableAdjustments: record?.reasonableAdjustments ?? "",
          supervisionArrangements: record?.supervisionArrangements ?? "",
          recommendation: record?.recommendation ?? null,
          actionPlan: record?.actionPlan ?? "",
          earlyReason: record?.earlyReason ?? "",
          version: record?.version,
        }}
      />
    </div>
  );
}
