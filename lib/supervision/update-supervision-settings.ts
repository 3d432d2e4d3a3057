import "server-only";
import { canSetSupervisionArrangements } from "@/lib/access/supervision";
import { command, parseId } from "@/lib/core/command";
import { conflict } from "@/lib/errors";
import { supervisionSettingsSchema } from "@/lib/validations/supervision";
import { placementForSupervision } from "@/lib/supervision/supervision-placement";

/**
 * How often and how long supervision is expected on a placement. They are
 * the placement's own fields, so the change takes the placement's version: a
 * page opened before someone else changed the placement gets a 409.
 */
export const updateSupervisionSettings = command({
  parse: (placementId: string, body: unknown) => ({ placementId: parseId(placementId, "That placement"), body }),
  input: supervisionSettingsSchema,
  load: ({ tx, user }, { placementId }) => placementForSupervision(tx, user, placementId),
  allow: (user, placement) =>
    canSetSupervisionArrangements(user, placement) ||
    "Only the team manager or the current practice educator sets the supervision arrangements.",
  version: (placement, input) => ({
    entity: "Placement",
    id: placement.id,
    current: placement.version,
    expected: input.version,
    what: "this placement",
    labels: { supervisionEveryWeeks: "supervision frequency", supervisionMinMinutes: "supervision length" },
  }),
  async run({ tx, audit, placementChanged }, placement, input) {
    const next = {
      supervisionEveryWeeks: input.supervisionEveryWeeks,
      supervisionMinMinutes: input.supervisionMinMinutes,
    };
    const { count } = await tx.placement.updateMany({
      where: { id: placement.id, version: input.version },
      data: { ...next, version: { increment: 1 } },
    });
    if (count === 0)
      throw conflict(
        "Someone else changed this placement at the same moment. Nothing was saved: reload and try again.",
      );
    await audit.updated("Placement", placement.id, placement, next, { from: input.version, to: input.version + 1 });
    placementChanged(placement.id);
    return { id: placement.id, version: input.version + 1 };
  },
});
