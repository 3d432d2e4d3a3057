import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/current-user";
import { loadOrNotFound } from "@/lib/page-guards";
import { getDirectWorkPlanForm } from "@/lib/children/direct-work/reads";
import { todayInUk } from "@/lib/dates";
import { DEFAULT_PLANNED_SESSIONS } from "@/lib/validations/direct-work";
import { PageHeader } from "@/components/page-header";
import { NewPlanForm } from "./new-plan-form";

export const metadata: Metadata = { title: "Agree a plan of sessions" };
export const dynamic = "force-dynamic";

export default async function NewDirectWorkPlanPage({
  searchParams,
}: {
  searchParams: Promise<{ allocationId?: string | string[] }>;
}) {
  const user = await requireUser();
  const { allocationId } = await searchParams;
  if (typeof allocationId !== "string" || !allocationId) notFound();
  const plan = await loadOrNotFound(() => getDirectWorkPlanForm(user, allocationId));
  if (plan.programmeId) redirect(`/programmes/${plan.programmeId}`);
  const today = todayInUk();
  const firstSession = plan.allocation.startDate > today ? plan.allocation.startDate : today;

  return (
    <div className="max-w-3xl">
      <PageHeader
        trail={[
          { href: "/caseload", label: "Caseload" },
          { href: `/children/${plan.child.id}`, label: plan.child.label },
        ]}
        title="Agree a plan of sessions"
      >
        <p className="mb-6 text-muted">
          Direct work with {plan.child.label}, by {plan.allocation.studentName}, overseen by{" "}
          {plan.allocation.overseeingPeName}. Sessions are weekly in school, usually for {DEFAULT_PLANNED_SESSIONS}{" "}
          weeks.
        </p>
      </PageHeader>
      {plan.allocation.kind !== "DIRECT_WORK" ? (
        <p className="rounded border border-gray-300 bg-white p-4">Only direct work has a plan of sessions.</p>
      ) : plan.allocation.status !== "ACTIVE" ? (
        <p className="rounded border border-gray-300 bg-white p-4">
          This allocation has ended, so a new plan cannot be agreed on it.
        </p>
      ) : !plan.canWrite ? (
        <p className="rounded border border-gray-300 bg-white p-4">
          The allocated student, their practice educator or the team manager agrees the plan. There is no plan yet.
        </p>
      ) : (
        <NewPlanForm
          allocationId={plan.allocation.id}
          firstSession={firstSession}
          earliest={plan.allocation.startDate}
          themes={plan.themes}
        />
      )}
    </div>
  );
}
