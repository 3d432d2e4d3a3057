import "server-only";
import type { Tx } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { supervisionRecordsVisibleTo } from "@/lib/access/supervision";
import { notFound } from "@/lib/errors";
import { placementForSupervision } from "@/lib/supervision/supervision-placement";

/** A record a write acts on, with its placement: 404 unless the user may read both. */
export async function recordToChange(tx: Tx, user: SessionUser, recordId: string) {
  const record = await tx.supervisionRecord.findFirst({
    where: { AND: [supervisionRecordsVisibleTo(user), { id: recordId }] },
    include: { attendees: { select: { userId: true } } },
  });
  if (!record) throw notFound("That supervision record");
  const placement = await placementForSupervision(tx, user, record.placementId);
  return { record, placement };
}
