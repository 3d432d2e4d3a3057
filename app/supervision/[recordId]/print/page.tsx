import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/current-user";
import { getSupervisionLog } from "@/lib/supervision/get-supervision-log";
import { getSupervisionRecord } from "@/lib/supervision/get-supervision-record";
import { loadOrNotFound } from "@/lib/page-guards";
import { formatDate } from "@/lib/dates";
import { PrintFrame, PrintHeader, PrintRecord } from "@/components/supervision/print-document";

export const metadata: Metadata = { title: "Supervision record (print)" };
export const dynamic = "force-dynamic";

export default async function SupervisionRecordPrintPage({ params }: { params: Promise<{ recordId: string }> }) {
  const user = await requireUser();
  const { recordId } = await params;
  const { record } = await loadOrNotFound(() => getSupervisionRecord(user, recordId));
  // The header block (university, practice educators with dates, tutor) comes with the log.
  const { placement } = await loadOrNotFound(() => getSupervisionLog(user, record.placementId));

  return (
    <PrintFrame backHref={`/supervision/${record.id}`} backLabel="Back to the record">
      <PrintHeader title={`Supervision record: ${formatDate(record.heldOn)}`} placement={placement} />
      <PrintRecord record={record} placement={placement} pageBreak={false} />
    </PrintFrame>
  );
}
