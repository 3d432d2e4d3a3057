import "server-only";
import { canWriteSupervisionNotes } from "@/lib/access/supervision";
import { command, parseId } from "@/lib/core/command";
import { conflict } from "@/lib/errors";
import { updateSupervisionSchema } from "@/lib/validations/supervision";
import { peNotesEditable } from "@/lib/supervision/sign-off";
import { recordToChange } from "@/lib/supervision/record-to-change";
import { checkSessionOn, NOTES_FIELD_LABELS, notesColumns } from "@/lib/supervision/supervision-notes";
import { checkOtherStudents, syncOtherStudents } from "@/lib/supervision/other-students";
import { syncAgreedActions } from "@/lib/supervision/agreed-actions";

/**
 * The practice educator edits a draft (the page's autosave too). The caller
 * names the version they started from: a stale one is a 409 naming who changed what.
 */
export const updateSupervisionNotes = command({
  parse: (recordId: string, body: unknown) => ({ recordId: parseId(recordId, "That supervision record"), body }),
  input: updateSupervisionSchema,
  load: ({ tx, user }, { recordId }) => recordToChange(tx, user, recordId),
  allow: (user, { placement }) =>
    canWriteSupervisionNotes(user, placement) || "Only the placement's current practice educator edits the notes.",
  version: ({ record }, input) => ({
    entity: "SupervisionRecord",
    id: record.id,
    current: record.version,
    expected: input.version,
    what: "this draft",
    labels: NOTES_FIELD_LABELS,
  }),
  async run(ctx, { record, placement }, notes) {
    const { version } = notes;
    if (!peNotesEditable(record.status))
      throw conflict("This record has been signed and is locked. Add an addendum to correct it.");
    checkSessionOn(placement, notes);
    await checkOtherStudents(ctx.tx, placement, notes.heldOn, notes.otherStudentIds);
    const next = notesColumns(notes);
    // The version in the where clause: two saves at the same moment cannot both win.
    const { count } = await ctx.tx.supervisionRecord.updateMany({
      where: { id: record.id, version },
      data: { ...next, version: { increment: 1 } },
    });
    if (count === 0)
      throw conflict("Someone else saved this record at the same moment. Nothing was saved: reload and try again.");
    await ctx.audit.updated(
      "SupervisionRecord",
      record.id,
      { ...record, otherStudentIds: record.attendees.map((attendee) => attendee.userId).sort() },
      { ...next, otherStudentIds: [...notes.otherStudentIds].sort() },
      { from: version, to: version + 1 },
    );
    await syncOtherStudents(ctx.tx, record.id, notes.otherStudentIds);
    await syncAgreedActions(ctx, record, notes.actions);
    ctx.placementChanged(record.placementId);
    return { id: record.id, version: version + 1 };
  },
});
