import "server-only";
import { canWriteSupervisionNotes } from "@/lib/access/supervision";
import { command, parseId } from "@/lib/core/command";
import { supervisionNotesSchema } from "@/lib/validations/supervision";
import { placementForSupervision } from "@/lib/supervision/supervision-placement";
import { checkSessionOn, notesColumns } from "@/lib/supervision/supervision-notes";
import { checkOtherStudents, syncOtherStudents } from "@/lib/supervision/other-students";
import { syncAgreedActions } from "@/lib/supervision/agreed-actions";

/** The practice educator records a session: a draft they go on editing until they sign it. */
export const recordSupervision = command({
  parse: (placementId: string, body: unknown) => ({ placementId: parseId(placementId, "That placement"), body }),
  input: supervisionNotesSchema,
  load: ({ tx, user }, { placementId }) => placementForSupervision(tx, user, placementId),
  allow: (user, placement) =>
    canWriteSupervisionNotes(user, placement) || "Only the placement's current practice educator records supervision.",
  async run(ctx, placement, notes) {
    checkSessionOn(placement, notes);
    await checkOtherStudents(ctx.tx, placement, notes.heldOn, notes.otherStudentIds);
    const record = await ctx.tx.supervisionRecord.create({
      data: { ...notesColumns(notes), placementId: placement.id, authorId: ctx.user.id },
    });
    await ctx.audit.created("SupervisionRecord", record, { otherStudentIds: notes.otherStudentIds });
    await syncOtherStudents(ctx.tx, record.id, notes.otherStudentIds);
    await syncAgreedActions(ctx, record, notes.actions);
    ctx.placementChanged(placement.id);
    return { id: record.id, version: record.version };
  },
});
