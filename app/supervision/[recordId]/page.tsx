import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/current-user";
import { getSupervisionRecord } from "@/lib/supervision/get-supervision-record";
import { loadOrNotFound } from "@/lib/page-guards";
import { formatDate, todayInUk } from "@/lib/dates";
import { SUPERVISION_TYPE_LABELS } from "@/lib/validations/supervision";
import { PageHeader } from "@/components/page-header";
import { FocusNotice } from "@/components/focus-notice";
import { SupervisionStatusBadge } from "@/components/supervision/status-badge";
import { ActionsList } from "@/app/supervision/open-actions";
import {
  AddendaList,
  NotesSections,
  SessionFacts,
  Signatures,
  TextBlock,
} from "@/components/supervision/record-sections";
import { formatMinutes } from "@/lib/supervision/format";
import { EditNotesForm } from "./edit-notes-form";
import { StudentReflectionForm } from "./student-reflection-form";
import { SupervisionAddendumForm } from "./addendum-form";

export const metadata: Metadata = { title: "Supervision record" };
export const dynamic = "force-dynamic";

const STATUS_EXPLAINED = {
  DRAFT:
    "The practice educator is writing the notes. The student can add their reflection; both sign when the notes are complete.",
  PE_SIGNED: "The practice educator has signed. The student adds their reflection and signs.",
  SIGNED: "Both have signed: the record is locked. Corrections are added as addenda.",
} as const;

export default async function SupervisionRecordPage({
  params,
  searchParams,
}: {
  params: Promise<{ recordId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const { recordId } = await params;
  const { saved, signed } = await searchParams;
  const { record, placement, carriedForward, otherStudentChoices, permissions } = await loadOrNotFound(() =>
    getSupervisionRecord(user, recordId),
  );
  const today = todayInUk();
  const names = { student: placement.studentName, onsiteSupervisor: placement.onsiteSupervisorName };
  const section = "rounded border border-gray-300 bg-white p-4";

  return (
    <div className="space-y-8">
      <PageHeader
        trail={[
          { href: "/placements", label: "Placements" },
          { href: `/placements/${placement.id}`, label: placement.studentName },
          { href: `/placements/${placement.id}/supervision`, label: "Supervision" },
        ]}
        title={`Supervision on ${formatDate(record.heldOn)}`}
      >
        <p className="text-muted">
          {placement.studentName} · {SUPERVISION_TYPE_LABELS[record.type]} · {record.startTime},{" "}
          {formatMinutes(record.durationMinutes)}
        </p>
        <p className="mt-2 flex flex-wrap items-center gap-2">
          <span className="font-semibold">Status:</span> <SupervisionStatusBadge status={record.status} />
        </p>
        <p className="mt-1">{STATUS_EXPLAINED[record.status]}</p>
        {signed === "1" && record.status !== "DRAFT" && (
          <div className="mt-3">
            <FocusNotice>
              {record.status === "PE_SIGNED"
                ? `Signed. ${placement.studentName} has been told the record is waiting for their signature.`
                : "Signed. Both signatures are on the record: it is complete and locked."}
            </FocusNotice>
          </div>
        )}
        <p className="mt-3">
          <Link
            href={`/supervision/${record.id}/print`}
            className="rounded border-2 border-brand-600 px-3 py-1.5 font-semibold text-brand-700 no-underline"
          >
            Print view
          </Link>
        </p>
      </PageHeader>

      {carriedForward.length > 0 && (
        <section aria-labelledby="carried-heading">
          <h2 id="carried-heading" className="mb-1 text-xl font-bold">
            Open actions from earlier sessions
          </h2>
          <p className="mb-3 text-muted">Still open: review them in this session.</p>
          <ActionsList
            actions={carriedForward}
            canUpdate={permissions.canUpdateActions}
            canDrop={permissions.canDropActions}
            emptyText=""
          />
        </section>
      )}

      {permissions.canEditNotes ? (
        <section aria-labelledby="notes-heading">
          <h2 id="notes-heading" className="mb-3 text-2xl font-bold">
            Notes (draft)
          </h2>
          <EditNotesForm
            record={record}
            minDate={placement.startDate}
            maxDate={placement.endDate < today ? placement.endDate : today}
            onsiteSupervisorName={placement.onsiteSupervisorName}
            otherStudents={otherStudentChoices}
            canSign={permissions.canSignAsPracticeEducator}
            savedNotice={saved === "1"}
          />
        </section>
      ) : (
        <section aria-labelledby="notes-heading" className={section}>
          <h2 id="notes-heading" className="mb-3 text-2xl font-bold">
            Notes
          </h2>
          <SessionFacts record={record} names={names} />
          <NotesSections record={record} level={3} />
          <h3 className="mb-2 mt-5 text-lg font-bold">Agreed actions</h3>
          <ActionsList
            actions={record.actions}
            canUpdate={permissions.canUpdateActions}
            canDrop={permissions.canDropActions}
            emptyText="No actions agreed."
          />
        </section>
      )}

      <section aria-labelledby="reflection-heading" className={section}>
        <h2 id="reflection-heading" className="mb-3 text-2xl font-bold">
          Student&apos;s reflection
        </h2>
        {permissions.canEditReflection ? (
          <StudentReflectionForm
            recordId={record.id}
            reflection={record.studentReflection}
            reflectionVersion={record.reflectionVersion}
            canSign={permissions.canSignAsStudent}
          />
        ) : (
          <>
            {!record.studentSignedAt && record.studentReflection.trim() && (
              <p className="mb-2 text-sm font-semibold">Draft: the student has not signed yet.</p>
            )}
            <TextBlock text={record.studentReflection} empty="The student has not written a reflection yet." />
          </>
        )}
      </section>

      <section aria-labelledby="signatures-heading">
        <h2 id="signatures-heading" className="mb-3 text-2xl font-bold">
          Signatures
        </h2>
        <div className="rounded border border-gray-300 bg-white p-4">
          <Signatures record={record} />
        </div>
      </section>

      {(record.addenda.length > 0 || permissions.canAddAddendum) && (
        <section aria-labelledby="addenda-heading">
          <h2 id="addenda-heading" className="mb-1 text-2xl font-bold">
            Addenda
          </h2>
          <p className="mb-3 text-muted">
            Corrections and later notes, added after signing. They never change the signed record.
          </p>
          <AddendaList addenda={record.addenda} />
          {permissions.canAddAddendum && (
            <div className={`mt-4 ${section}`}>
              <h3 className="mb-3 text-lg font-bold">Add an addendum</h3>
              <SupervisionAddendumForm recordId={record.id} />
            </div>
          )}
        </section>
      )}
    </div>
  );
}
