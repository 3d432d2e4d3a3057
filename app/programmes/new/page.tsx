import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/current-user";
import { loadOrNotFound } from "@/lib/page-guards";
import { getProgrammePlanForm } from "@/lib/children/programmes";
import { todayInUk } from "@/lib/dates";
import { DEFAULT_PLANNED_SESSIONS } from "@/lib/validations/programmes";
import { NewProgrammeForm } from "./new-programme-form";

export const metadata: Metadata = { title: "Agree a plan of sessions" };
export const dynamic = "force-dynamic";

export default async function NewProgrammePage({
  searchParams,
}: {
  searchParams: Promise<{ allocationId?: string | string[] }>;
}) {
  const user = await requireUser();
  const { allocationId } = await searchParams;
  if (typeof allocationId !== "string" || !allocationId) notFound();
  const plan = await loadOrNotFound(() => getProgrammePlanForm(user, allocationId));
  if (plan.programmeId) redirect(`/programmes/${plan.programmeId}`);
  const today = todayInUk();
  const firstSession = plan.allocation.startDate > today ? plan.allocation.startDate : today;

  return (
    <div className="max-w-3xl">
      <p className="text-muted">
        <Link href="/caseload" className="text-brand-700 underline">
          Caseload
        </Link>{" "}
        /{" "}
        <Link href={`/children/${plan.child.id}`} className="text-brand-700 underline">
          {plan.child.label}
        </Link>{" "}
        /
      </p>
      <h1 className="mb-2 text-3xl font-bold">Agree a plan of sessions</h1>
      <p className="mb-6 text-muted">
        Direct work with {plan.child.label}, by {plan.allocation.studentName}, overseen by{" "}
        {plan.allocation.overseeingPeName}. Sessions are weekly in school, usually for {DEFAULT_PLANNED_SESSIONS} weeks.
      </p>
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
        <NewProgrammeForm
          allocationId={plan.allocation.id}
          firstSession={firstSession}
          earliest={plan.allocation.startDate}
          themes={plan.themes}
        />
      )}
    </div>
  );
}
