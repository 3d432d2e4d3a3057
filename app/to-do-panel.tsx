import Link from "next/link";
import type { SessionUser } from "@/lib/auth/session-user";
import { formatDate, todayInUk } from "@/lib/dates";
import { loadMyToDo } from "@/lib/todo/load";
import { dueWords, type ToDoItem } from "@/lib/todo/to-do";
import { LogTodayButton } from "./log-today-button";

/**
 * "To do": what is waiting for this person, most urgent first, each a link
 * to the exact place to act. First on every home page. The same items feed
 * the reminder emails (lib/todo/to-do.ts), so the two never disagree.
 */
export async function ToDoPanel({ user }: { user: SessionUser }) {
  const today = todayInUk();
  const items = await loadMyToDo(user, today);
  return (
    <section aria-labelledby="to-do-heading" className="mb-6 rounded border-2 border-brand-600 bg-white p-4">
      <h2 id="to-do-heading" className="text-xl font-bold">
        To do{items.length > 0 && <span className="font-normal"> ({items.length})</span>}
      </h2>
      {items.length === 0 ? (
        <p className="mt-2">Nothing is waiting for you today.</p>
      ) : (
        <ul className="mt-3 divide-y divide-gray-200">
          {items.map((item) => (
            <ToDoRow key={item.itemKey} item={item} today={today} />
          ))}
        </ul>
      )}
    </section>
  );
}

function ToDoRow({ item, today }: { item: ToDoItem; today: string }) {
  const due = dueWords(item.dueDate, today, formatDate);
  const studentName = item.title.replace(/^Log today for /, "");
  return (
    <li className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-2">
      <span className="min-w-0 break-words">
        <Link href={item.link} className="font-semibold text-brand-700 underline">
          {item.title}
        </Link>
        {item.count > 1 && <span className="ml-1 font-semibold">({item.count})</span>}
      </span>
      <span className="flex flex-wrap items-center gap-3">
        {item.kind === "LOG_TODAY" && item.placementId ? (
          <LogTodayButton placementId={item.placementId} today={today} studentName={studentName} />
        ) : null}
        <span className={due.overdue ? "font-semibold text-red-800" : "text-muted"}>
          {due.overdue && <span aria-hidden="true">⚠ </span>}
          {due.text}
        </span>
      </span>
    </li>
  );
}
