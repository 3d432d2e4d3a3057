import "server-only";
import { canAddSupervisionAddendum } from "@/lib/access/supervision";
import { command, parseId } from "@/lib/core/command";
import { conflict } from "@/lib/errors";
import { addendumSchema } from "@/lib/validations/supervision";
import { addendumAllowed } from "@/lib/supervision/sign-off";
import { recordToChange } from "@/lib/supervision/record-to-change";

/** A correction or later note on a signed record, with its author and time: the signed record itself never changes. */
export const addSupervisionAddendum = command({
  parse: (recordId: string, body: unknown) => ({ recordId: parseId(recordId, "That supervision record"), body }),
  input: addendumSchema,
  load: ({ tx, user }, { recordId }) => recordToChange(tx, user, recordId),
  allow: (user, { placement }) =>
    canAddSupervisionAddendum(user, placement) || "Only the placement's practice educator and its student add addenda.",
  async run({ tx, user, audit }, { record }, input) {
    if (!addendumAllowed(record.status))
      throw conflict("This record is still a draft: edit it instead of adding an addendum.");
    const addendum = await tx.supervisionAddendum.create({
      data: { recordId: record.id, authorId: user.id, text: input.text },
    });
    await audit.created("SupervisionAddendum", addendum);
    return { id: addendum.id };
  },
});
