import "server-only";
import { canWriteStudentReflection } from "@/lib/access/supervision";
import { command, parseId } from "@/lib/core/command";
import { conflict } from "@/lib/errors";
import { studentReflectionSchema } from "@/lib/validations/supervision";
import { studentReflectionEditable } from "@/lib/supervision/sign-off";
import { recordToChange } from "@/lib/supervision/record-to-change";

/**
 * The student writes their reflection, until they sign. It has its own
 * version (audited as a "SupervisionReflection" of the record), so it never
 * collides with the practice educator's autosave of the notes.
 */
export const saveStudentReflection = command({
  parse: (recordId: string, body: unknown) => ({ recordId: parseId(recordId, "That supervision record"), body }),
  input: studentReflectionSchema,
  load: ({ tx, user }, { recordId }) => recordToChange(tx, user, recordId),
  allow: (user, { placement }) =>
    canWriteStudentReflection(user, placement) || "Only the student writes the student's reflection.",
  version: ({ record }, input) => ({
    entity: "SupervisionReflection",
    id: record.id,
    current: record.reflectionVersion,
    expected: input.reflectionVersion,
    what: "your reflection",
    labels: { studentReflection: "text" },
  }),
  async run({ tx, audit }, { record }, input) {
    if (!studentReflectionEditable(record.status))
      throw conflict("You have signed this record, so it is locked. Add an addendum instead.");
    const { count } = await tx.supervisionRecord.updateMany({
      where: { id: record.id, reflectionVersion: input.reflectionVersion },
      data: { studentReflection: input.studentReflection, reflectionVersion: { increment: 1 } },
    });
    if (count === 0) throw conflict("Your reflection was saved elsewhere at the same moment. Reload and try again.");
    await audit.updated(
      "SupervisionReflection",
      record.id,
      record,
      { studentReflection: input.studentReflection },
      { from: input.reflectionVersion, to: input.reflectionVersion + 1 },
    );
    return { id: record.id, reflectionVersion: input.reflectionVersion + 1 };
  },
});
