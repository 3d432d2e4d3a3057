import "server-only";
import { canSignSupervision, isCurrentPracticeEducator } from "@/lib/access/supervision";
import { command, parseId } from "@/lib/core/command";
import { conflict, fieldError } from "@/lib/errors";
import { studentSignSchema } from "@/lib/validations/supervision";
import { signAsPracticeEducator, signAsStudent, studentSignatureProblem } from "@/lib/supervision/sign-off";
import { recordToChange } from "@/lib/supervision/record-to-change";
import { notify } from "@/lib/notifications/notifications";
import { formatDate, toIsoDate } from "@/lib/dates";

export const SUPERVISION_SIGNED_NOTIFICATION_KIND = "SUPERVISION_SIGNED";

/** Signs the record as its practice educator (first) or its student (second). Signing twice is refused. */
export const signSupervisionRecord = command({
  // The body is optional: none signs without a comment.
  parse: (recordId: string, body: unknown = {}) => ({
    recordId: parseId(recordId, "That supervision record"),
    body: body ?? {},
  }),
  input: studentSignSchema,
  load: ({ tx, user }, { recordId }) => recordToChange(tx, user, recordId),
  allow: (user, { placement }) =>
    canSignSupervision(user, placement) ||
    "Only the placement's practice educator and its student sign supervision records.",
  async run({ tx, user, audit, placementChanged }, { record, placement }, input) {
    const now = new Date();
    let update;
    if (isCurrentPracticeEducator(user, placement)) {
      const result = signAsPracticeEducator(record.status);
      if (!result.ok) throw conflict(result.reason);
      update = { status: result.status, peSignedAt: now, peSignedById: user.id };
    } else {
      const result = signAsStudent(record.status);
      if (!result.ok) throw conflict(result.reason);
      const problem = studentSignatureProblem(record.studentReflection, input.disagreement);
      if (problem) throw fieldError("studentReflection", problem);
      update = {
        status: result.status,
        studentSignedAt: now,
        studentSignedById: user.id,
        studentDisagreement: input.disagreement,
      };
    }
    // The status in the where clause: two signatures racing cannot both succeed.
    const { count } = await tx.supervisionRecord.updateMany({
      where: { id: record.id, status: record.status },
      data: update,
    });
    if (count === 0) throw conflict("This record was signed at the same moment. Reload to see it.");
    await audit.updated("SupervisionRecord", record.id, record, update);
    if (update.status === "PE_SIGNED") {
      // The student signs next: tell her now, in the same transaction (the reminder follows after 2 days).
      await notify(tx, [placement.studentId], {
        kind: SUPERVISION_SIGNED_NOTIFICATION_KIND,
        title: `Supervision record of ${formatDate(toIsoDate(record.heldOn))} is waiting for your signature`,
        body: `${user.name} signed the notes of your supervision on ${formatDate(toIsoDate(record.heldOn))}. Read them, add your reflection and sign.`,
        link: `/supervision/${record.id}#sign`,
      });
    }
    placementChanged(record.placementId);
    return { id: record.id, status: update.status };
  },
});
