import "server-only";
import { canDropAgreedActions, canUpdateAgreedActions, supervisionRecordsVisibleTo } from "@/lib/access/supervision";
import { command, parseId } from "@/lib/core/command";
import { forbidden, notFound } from "@/lib/errors";
import { actionStatusSchema } from "@/lib/validations/supervision";
import { placementForSupervision } from "@/lib/supervision/supervision-placement";

/** Marks an agreed action done (recording who and when), dropped (the PE only), or open again. */
export const setSupervisionActionStatus = command({
  parse: (actionId: string, body: unknown) => ({ actionId: parseId(actionId, "That action"), body }),
  input: actionStatusSchema,
  async load({ tx, user }, input) {
    // Only actions of records the user may read: a tutor never reaches one agreed in a draft.
    const action = await tx.supervisionAction.findFirst({
      where: { id: input.actionId, record: supervisionRecordsVisibleTo(user) },
    });
    if (!action) throw notFound("That action");
    return { action, placement: await placementForSupervision(tx, user, action.placementId) };
  },
  allow: (user, { placement }) =>
    canUpdateAgreedActions(user, placement) || "Only the placement's practice educator and its student update actions.",
  async run({ tx, user, audit }, { action, placement }, input) {
    if ((input.status === "DROPPED" || action.status === "DROPPED") && !canDropAgreedActions(user, placement))
      throw forbidden(
        "Only the practice educator drops an agreed action, or reopens a dropped one: talk it over in supervision.",
      );
    const next =
      input.status === "OPEN"
        ? { status: input.status, completedAt: null, completedById: null }
        : { status: input.status, completedAt: new Date(), completedById: user.id };
    await tx.supervisionAction.update({ where: { id: action.id }, data: next });
    await audit.updated("SupervisionAction", action.id, action, next);
    return { id: action.id, status: input.status };
  },
});
