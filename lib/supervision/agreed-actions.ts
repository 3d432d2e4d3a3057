import "server-only";
import type { CommandContext } from "@/lib/core/command";
import { fieldError } from "@/lib/errors";
import { fromIsoDate } from "@/lib/dates";
import type { SupervisionNotes } from "@/lib/supervision/supervision-notes";

/** Makes a draft's agreed actions match the list: new ones added, removed ones deleted, edited ones updated. */
export async function syncAgreedActions(
  { tx, audit }: CommandContext,
  record: { id: string; placementId: string },
  actions: SupervisionNotes["actions"],
) {
  const existing = await tx.supervisionAction.findMany({ where: { recordId: record.id } });
  const byId = new Map(existing.map((action) => [action.id, action]));
  // Checked before anything is written: an id from another record (or a stale page) is refused whole.
  actions.forEach((action, index) => {
    if (action.id && !byId.has(action.id))
      throw fieldError(`actions.${index}.description`, "This action no longer exists: reload the record");
  });
  const keep = new Set(actions.map((action) => action.id).filter(Boolean));
  for (const action of existing.filter((candidate) => !keep.has(candidate.id))) {
    await tx.supervisionAction.delete({ where: { id: action.id } });
    await audit.deleted("SupervisionAction", action);
  }
  for (const action of actions) {
    const data = { description: action.description, owner: action.owner, dueDate: fromIsoDate(action.dueDate) };
    const before = action.id ? byId.get(action.id) : undefined;
    if (before) {
      const changes = await audit.updated("SupervisionAction", before.id, before, data);
      if (Object.keys(changes).length > 0) await tx.supervisionAction.update({ where: { id: before.id }, data });
    } else {
      const created = await tx.supervisionAction.create({
        data: { ...data, placementId: record.placementId, recordId: record.id },
      });
      await audit.created("SupervisionAction", created);
    }
  }
}
