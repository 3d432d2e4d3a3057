import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/current-user";
import { getSupervisionTemplate } from "@/lib/supervision/get-supervision-template";
import { loadOrNotFound } from "@/lib/page-guards";
import { formatDate, todayInUk } from "@/lib/dates";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { SUPERVISION_TYPE_LABELS } from "@/lib/validations/supervision";
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
          {template.draftsThisWeek.length > 0 && (
            <section aria-labelledby="draft-this-week-heading" className="border-l-4 border-amber-700 bg-amber-50 p-4">
              <h2 id="draft-this-week-heading" className="text-lg font-bold">
                This week already has an unsigned draft
              </h2>
              <ul className="mt-1 space-y-1">
                {template.draftsThisWeek.map((draft) => (
                  <li key={draft.id}>
                    <Link href={`/supervision/${draft.id}`} className="font-semibold text-brand-700 underline">
                      Open the draft of the {SUPERVISION_TYPE_LABELS[draft.type].toLowerCase()} session on{" "}
                      {formatDate(draft.heldOn)}
                    </Link>{" "}
                    to finish and sign it.
                  </li>
                ))}
              </ul>
              <p className="mt-2">Record a new session below only if it is a different session.</p>
            </section>
          )}
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
              canDrop={permissions.canDropActions}
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
