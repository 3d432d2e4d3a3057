import "server-only";
import { getDb } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import { todayInUk, formatDate, type IsoDate } from "@/lib/dates";
import { notify } from "@/lib/notifications/notifications";
import { appUrl, emailConfigured, sendEmail } from "@/lib/notifications/email";
import { findDueReminders, type Recipient } from "@/lib/reminders/find-due";
import type { Reminder } from "@/lib/reminders/rules";
import { countReminderRun } from "@/lib/observability/metrics";
import { refreshStaleProgress } from "@/lib/progress/read-model";
import { removeExpiredAccountRows } from "@/lib/auth/housekeeping";

// The daily reminders job (issue 6). Triggered by POST /api/v1/jobs/reminders
// (a scheduler), `npm run reminders`, or the built-in timer in scripts/start.ts.
//
// At most one reminder per person, item and day, however many times or on
// however many app instances it runs: each (person, item, day) is claimed by
// inserting a ReminderSent row with ON CONFLICT DO NOTHING, and notifications
// are written only for the rows this run actually inserted, in the same
// transaction. A concurrent run's insert waits on the first one's rows and then
// inserts nothing, so it notifies nobody.

export type ReminderRunSummary = {
  day: IsoDate;
  /** Items looked at: open placements, supervision records, assessments, evidence, final reports. */
  checked: number;
  /** Reminders due today, counted per person and item. */
  due: number;
  /** In-app notifications written by this run. */
  notified: number;
  /** Digest emails sent (one per person at most; 0 without SMTP). */
  emailed: number;
  /** Due reminders another run had already sent today. */
  skippedAlreadySent: number;
  /** Placements whose stored progress was recomputed for today (the read model's daily recompute: overdue, due soon). */
  progressRecomputed: number;
  /** Expired invitation and reset links, half-done sign-ins and single sign-on round trips removed (lib/auth/housekeeping.ts). */
  accountRowsRemoved: number;
};

export const REMINDER_NOTIFICATION_KIND = "REMINDER";

export async function runReminders(options: { today?: IsoDate } = {}): Promise<ReminderRunSummary> {
  try {
    const summary = await runRemindersOnce(options);
    countReminderRun("ok", summary.notified);
    return summary;
  } catch (error) {
    countReminderRun("failed");
    throw error;
  }
}

async function runRemindersOnce(options: { today?: IsoDate }): Promise<ReminderRunSummary> {
  const today = options.today ?? todayInUk();
  const db = getDb();
  // The daily job also brings every placement's stored progress up to today
  // (lib/progress/read-model.ts), so the first dashboards of the day need not.
  const progressRecomputed = await refreshStaleProgress(today);
  const accountRowsRemoved = await removeExpiredAccountRows();
  const { checked, reminders, recipients } = await findDueReminders(db, today);

  const pairs = reminders.flatMap((reminder) =>
    reminder.userIds.map((userId) => ({ userId, itemKey: reminder.itemKey })),
  );
  const byKey = new Map(reminders.map((reminder) => [reminder.itemKey, reminder]));

  const claimed =
    pairs.length === 0
      ? []
      : await db.$transaction(async (tx) => {
          const inserted = await tx.$queryRaw<Array<{ userId: string; itemKey: string }>>`
      INSERT INTO "ReminderSent" ("userId", "itemKey", "day")
      SELECT pair."userId", pair."itemKey", ${today}::date
      FROM unnest(${pairs.map((pair) => pair.userId)}::text[], ${pairs.map((pair) => pair.itemKey)}::text[]) AS pair("userId", "itemKey")
      ON CONFLICT DO NOTHING
      RETURNING "userId", "itemKey"`;
          const usersByKey = new Map<string, string[]>();
          for (const row of inserted) usersByKey.set(row.itemKey, [...(usersByKey.get(row.itemKey) ?? []), row.userId]);
          let notified = 0;
          for (const [itemKey, userIds] of usersByKey) {
            const reminder = byKey.get(itemKey)!;
            notified += await notify(tx, userIds, {
              kind: REMINDER_NOTIFICATION_KIND,
              title: reminder.title,
              body: reminder.body,
              link: reminder.link,
            });
          }
          if (notified > 0) {
            await writeAudit(tx, null, {
              action: "CREATE",
              entity: "ReminderRun",
              entityId: today,
              changes: { notified, people: new Set(inserted.map((row) => row.userId)).size },
            });
          }
          return inserted;
        });

  // Email after the transaction commits: a failed email must not undo the in-app reminders.
  let emailed = 0;
  if (emailConfigured() && claimed.length > 0) {
    const perUser = new Map<string, Reminder[]>();
    for (const row of claimed) perUser.set(row.userId, [...(perUser.get(row.userId) ?? []), byKey.get(row.itemKey)!]);
    for (const [userId, items] of perUser) {
      const recipient = recipients.get(userId);
      if (!recipient) continue;
      const result = await sendEmail(digestEmail(recipient, items, today));
      if (result.sent) emailed++;
    }
  }

  return {
    day: today,
    checked,
    due: pairs.length,
    notified: claimed.length,
    emailed,
    skippedAlreadySent: pairs.length - claimed.length,
    progressRecomputed,
    accountRowsRemoved,
  };
}

/** One email per person per run listing their reminders. Children appear by code only, as in the notifications. */
export function digestEmail(recipient: Recipient, items: Reminder[], today: IsoDate) {
  const lines = items.flatMap((item) => [`- ${item.title}`, `  ${item.body}`, `  ${appUrl(item.link)}`, ""]);
  return {
    to: recipient.email,
    subject:
      items.length === 1
        ? `Placement Tracker reminder: ${items[0].title}`
        : `Placement Tracker: ${items.length} reminders for ${formatDate(today)}`,
    text: [
      `Hello ${recipient.name},`,
      "",
      `Things waiting for you in Placement Tracker on ${formatDate(today)}:`,
      "",
      ...lines,
      `All your notifications: ${appUrl("/notifications")}`,
    ].join("\n"),
  };
}
