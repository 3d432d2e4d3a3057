import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/current-user";
import { getAssessment } from "@/lib/children/assessments";
import { loadOrNotFound } from "@/lib/page-guards";
import { formatDate } from "@/lib/dates";
import { SummaryList } from "@/components/summary-list";
import { PageHeader } from "@/components/page-header";
import { RaiseConcernForm } from "@/app/safeguarding/raise-concern-form";
import { ASSESSMENT_OUTCOME_LABELS, ASSESSMENT_STATUS_LABELS } from "@/lib/validations/child-work";
import { ASSESSMENT_LIMIT_WORKING_DAYS, NEAR_DUE_WORKING_DAYS } from "@/lib/children/assessment-due";
import { AssessmentDueBadge } from "./due-badge";
import { AssessmentForm } from "./assessment-form";

export const metadata: Metadata = { title: "Child and family assessment" };
export const dynamic = "force-dynamic";

const DUE_EXPLAINED = {
  ON_TRACK: "Within the time limit.",
  NEAR_DUE: `${NEAR_DUE_WORKING_DAYS} working days or fewer are left before the ${ASSESSMENT_LIMIT_WORKING_DAYS}-working-day limit.`,
  OVERDUE: `Past the ${ASSESSMENT_LIMIT_WORKING_DAYS}-working-day limit: tell your practice educator and the team manager.`,
  COMPLETED: "",
} as const;

const DUE_BOX = {
  ON_TRACK: "border-l-green-800 bg-white",
  NEAR_DUE: "border-l-amber-700 bg-amber-50",
  OVERDUE: "border-l-red-800 bg-red-50",
  COMPLETED: "border-l-gray-500 bg-white",
} as const;

export default async function AssessmentPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const { assessment, allocation, child, today, permissions } = await loadOrNotFound(() => getAssessment(user, id));
  const { due } = assessment;

  return (
    <div className="space-y-8">
      <PageHeader trail={[{ href: `/children/${child.id}`, label: child.label }]} title="Child and family assessment">
        <p className="text-muted">
          {child.label} · {allocation.studentName} · overseen by {allocation.overseeingPeName}
          {allocation.status === "ENDED" && " · allocation ended"}
        </p>
      </PageHeader>

      <section
        aria-labelledby="due-heading"
        className={`rounded border border-gray-300 border-l-8 p-4 ${DUE_BOX[due.state]}`}
      >
        <h2 id="due-heading" className="flex flex-wrap items-center gap-3 text-xl font-bold">
          {due.state === "COMPLETED" ? "Completed" : `Due ${formatDate(assessment.dueDate)}`}{" "}
          <AssessmentDueBadge state={due.state} />
        </h2>
        <p className="mt-1 text-lg font-semibold">{due.summary}</p>
        {DUE_EXPLAINED[due.state] && <p className="mt-1">{DUE_EXPLAINED[due.state]}</p>}
        <p className="mt-2 text-sm text-muted">
          An assessment is completed within {ASSESSMENT_LIMIT_WORKING_DAYS} working days of its start — a maximum, not a
          target (Working Together to Safeguard Children 2023). Working days exclude weekends and bank holidays in
          England.
        </p>
      </section>

      <section aria-labelledby="details-heading">
        <h2 id="details-heading" className="mb-3 text-xl font-bold">
          Details
        </h2>
        <SummaryList
          rows={[
            ["Child", child.label],
            ["Student", allocation.studentName],
            ["Practice educator", allocation.overseeingPeName],
            ["Started", formatDate(assessment.startDate)],
            ["Due", formatDate(assessment.dueDate)],
            ["Status", ASSESSMENT_STATUS_LABELS[assessment.status]],
            ["Outcome", assessment.outcome ? ASSESSMENT_OUTCOME_LABELS[assessment.outcome] : "Not yet decided"],
            ["Completed on", assessment.completedOn ? formatDate(assessment.completedOn) : "—"],
          ]}
        />
      </section>

      {permissions.canEdit && (
        <section aria-labelledby="record-heading" className="rounded border border-gray-300 bg-white p-4">
          <h2 id="record-heading" className="mb-3 text-xl font-bold">
            Record progress
          </h2>
          <AssessmentForm
            assessmentId={assessment.id}
            version={assessment.version}
            startDate={assessment.startDate}
            today={today}
            values={{
              status: assessment.status,
              outcome: assessment.outcome ?? "",
              completedOn: assessment.completedOn ?? "",
            }}
          />
        </section>
      )}

      {permissions.canRaiseConcern && (
        <RaiseConcernForm childId={child.id} sourceEntity="ChildAssessment" sourceId={assessment.id} />
      )}
    </div>
  );
}
