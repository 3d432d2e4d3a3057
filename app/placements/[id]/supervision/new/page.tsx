import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/current-user";
import { getSupervisionTemplate } from "@/lib/supervision/get-supervision-template";
import { loadOrNotFound } from "@/lib/page-guards";
import { formatDate, todayInUk } from "@/lib/dates";
import { PageHeader } from "@/components/page-header";
import { ActionsList } from "@/app/supervision/open-actions";
import { RecordSupervisionForm } from "./record-supervision-form";

export const metadata: Metadata = { title: "Record a supervision session" };
export const dynamic = "force-dynamic";

export default async function NewSupervisionPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const template = await loadOrNotFound(() => getSupervisionTemplate(user, id));
  const { placement, permissions } = template;
  const today = todayInUk();
  const maxDate = placement.endDate < today ? placement.endDate : today;

  return (
    <div className="space-y-8">
      <PageHeader
        trail={[
          { href: "/placements", label: "Placements" },
          { href: `/placements/${placement.id}`, label: placement.studentName },
          { href: `/placements/${placement.id}/supervision`, label: "Supervision" },
        ]}
        title="Record a supervision session"
      >
        <p className="text-muted">
          {placement.studentName} · placement {formatDate(placement.startDate)} to {formatDate(placement.endDate)}
        </p>
      </PageHeader>

      {!permissions.canRecord ? (
        <p className="border-l-4 border-amber-700 bg-amber-50 p-3">
          {placement.status !== "ACTIVE"
            ? "Supervision can only be recorded while the placement is active."
            : "Only the placement's current practice educator records supervision sessions."}
        </p>
      ) : (
        <>
          <section aria-labelledby="open-actions-heading">
            <h2 id="open-actions-heading" className="mb-1 text-xl font-bold">
              Open actions from earlier sessions
            </h2>
            <p className="mb-3 text-muted">
              Review these first. Mark an action done or drop it here; anything still open carries forward to the next
              session.
            </p>
            <ActionsList
              actions={template.openActions}
              canUpdate={permissions.canUpdateActions}
              emptyText="No open actions from earlier sessions."
            />
          </section>
          <section aria-labelledby="form-heading">
            <h2 id="form-heading" className="sr-only">
              The session
            </h2>
            <RecordSupervisionForm
              placementId={placement.id}
              today={today}
              minDate={placement.startDate}
              maxDate={maxDate}
              minMinutes={placement.minMinutes}
              onsiteSupervisorLabel={placement.hasOnsiteSupervisor ? "On-site supervisor" : null}
              otherStudents={template.otherStudentChoices}
              last={template.lastRecord}
            />
          </section>
        </>
      )}
    </div>
  );
}
