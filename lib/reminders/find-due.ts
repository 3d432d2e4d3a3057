import "server-only";
import type { Tx } from "@/lib/db";
import type { IsoDate } from "@/lib/dates";
import type { Reminder } from "@/lib/reminders/rules";
import { loadToDoWorld } from "@/lib/todo/load";
import { buildToDo, remindersOf } from "@/lib/todo/to-do";

// The reminders due today, across the whole database: the "To do" items of
// every open placement (lib/todo/to-do.ts, the same list the home pages
// show) that the job chases today. A fixed number of queries, never one per
// placement, so the job's cost grows with the rows it reads, not with round trips.
//
// This is a system job, not a user's read: it is not scoped by an access
// filter, but every reminder goes to people who are parties to the item
// (the placement's current PE, student, tutor, on-site supervisor; the
// allocation's student and overseeing PE; the team's stage 2 PEs and admins).

export type Recipient = { id: string; name: string; email: string };

export type DueReminders = {
  /** How many items (placements, assessments, records, evidence, final reports) were looked at. */
  checked: number;
  reminders: Reminder[];
  /** The active users the reminders go to, by id. */
  recipients: Map<string, Recipient>;
};

export async function findDueReminders(tx: Tx, today: IsoDate): Promise<DueReminders> {
  const world = await loadToDoWorld(tx, { placements: {}, safeguarding: {} }, today);
  const reminders = remindersOf(buildToDo(world));

  // Only people whose accounts are active get reminders; an item left with nobody is dropped.
  const wanted = [...new Set(reminders.flatMap((reminder) => reminder.userIds))];
  const users = wanted.length
    ? await tx.user.findMany({
        where: { id: { in: wanted }, active: true },
        select: { id: true, name: true, email: true },
      })
    : [];
  const recipients = new Map(users.map((user) => [user.id, user]));
  const deliverable = reminders
    .map((reminder) => ({ ...reminder, userIds: reminder.userIds.filter((id) => recipients.has(id)) }))
    .filter((reminder) => reminder.userIds.length > 0);

  return {
    checked:
      world.placements.length +
      world.supervisionRecords.length +
      world.assessments.length +
      world.evidence.length +
      world.finals.length,
    reminders: deliverable,
    recipients,
  };
}
