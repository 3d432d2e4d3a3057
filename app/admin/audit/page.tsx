import type { Metadata } from "next";
import Link from "next/link";
import { TableRegion } from "@/components/table-region";
import { requireUser } from "@/lib/auth/current-user";
import { loadOrNotFound } from "@/lib/page-guards";
import { listAuditEntries, listAuditFilterChoices } from "@/lib/audit-log";
import { recordKindLabel } from "@/lib/audit-labels";
import { formatDateTime } from "@/lib/dates";

export const metadata: Metadata = { title: "Audit log" };
export const dynamic = "force-dynamic";

const inputClass = "block w-full rounded border-2 border-gray-700 bg-white px-2 py-1.5";

const ACTION_LABELS: Record<string, string> = {
  CREATE: "Created",
  UPDATE: "Changed",
  DELETE: "Removed",
  VIEW: "Viewed",
};

const PAGE_SIZE = 200;
const MAX_VALUE_LENGTH = 120;

function first(value: string | string[] | undefined) {
  return (Array.isArray(value) ? value[0] : value)?.trim().slice(0, 64) || undefined;
}

function isFromTo(value: unknown): value is { from: unknown; to: unknown } {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 2 && keys.includes("from") && keys.includes("to");
}

function truncate(text: string) {
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH - 1)}…` : text;
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "(none)";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "string") return truncate(value);
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  return truncate(JSON.stringify(value));
}

function Changes({ changes }: { changes: Record<string, unknown> | null }) {
  const entries = Object.entries(changes ?? {});
  if (entries.length === 0) return <span className="text-muted">No details</span>;
  return (
    <ul className="space-y-0.5">
      {entries.map(([field, value]) => (
        <li key={field} className="break-words">
          <span className="font-semibold">{field}:</span>{" "}
          {isFromTo(value) ? (
            <>
              <span className="sr-only">from </span>
              {show(value.from)} <span aria-hidden="true">→</span>
              <span className="sr-only"> to</span> {show(value.to)}
            </>
          ) : (
            show(value)
          )}
        </li>
      ))}
    </ul>
  );
}

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const raw = await searchParams;
  const entity = first(raw.entity);
  const entityId = first(raw.entityId);
  const actorId = first(raw.actorId);
  const [rows, choices] = await loadOrNotFound(() =>
    Promise.all([listAuditEntries(user, { entity, entityId, actorId, take: PAGE_SIZE }), listAuditFilterChoices(user)]),
  );
  // A kind named in the address but not in the log still shows as chosen.
  const entityOptions = choices.entities
    .concat(entity && !choices.entities.includes(entity) ? [entity] : [])
    .map((name) => ({ name, label: recordKindLabel(name) }))
    .sort((a, b) => a.label.localeCompare(b.label, "en-GB"));
  const filtered = Boolean(entity || entityId || actorId);

  return (
    <div>
      <h1 className="mb-2 text-3xl font-bold">Audit log</h1>
      <p className="mb-4 text-muted">Who changed what, and when: newest first.</p>
      <form
        method="get"
        className="mb-6 grid grid-cols-1 gap-4 rounded border border-gray-300 bg-white p-4 sm:grid-cols-3 sm:items-end"
        role="search"
        aria-label="Filter the audit log"
      >
        <div>
          <label htmlFor="actorId" className="mb-1 block font-semibold">
            Who
          </label>
          <select id="actorId" name="actorId" defaultValue={actorId ?? ""} className={inputClass}>
            <option value="">Anyone</option>
            {choices.people.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="entity" className="mb-1 block font-semibold">
            Kind of record
          </label>
          <select id="entity" name="entity" defaultValue={entity ?? ""} className={inputClass}>
            <option value="">Any kind</option>
            {entityOptions.map(({ name, label }) => (
              <option key={name} value={name}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="entityId" className="mb-1 block font-semibold">
            Record id (optional)
          </label>
          <input
            id="entityId"
            name="entityId"
            type="search"
            defaultValue={entityId ?? ""}
            autoComplete="off"
            spellCheck={false}
            className={inputClass}
          />
        </div>
        <div className="flex gap-3 sm:col-span-3">
          <button type="submit" className="rounded bg-brand-600 px-4 py-2 font-semibold text-white">
            Apply filters
          </button>
          <Link href="/admin/audit" className="self-center text-brand-700 underline">
            Clear filters
          </Link>
        </div>
      </form>
      <p className="mb-2 text-muted" aria-live="polite">
        {rows.length === PAGE_SIZE
          ? `Showing the newest ${PAGE_SIZE} entries`
          : rows.length === 1
            ? "1 entry"
            : `${rows.length} entries`}
      </p>
      {rows.length === 0 ? (
        <p className="rounded border border-gray-300 bg-white p-4">
          {filtered ? "No entries match these filters." : "Nothing has been recorded yet."}
        </p>
      ) : (
        <TableRegion label="Audit log">
          <table className="stack-table w-full border-collapse text-left text-sm">
            <caption className="sr-only">Audit log, newest first</caption>
            <thead className="bg-gray-100">
              <tr>
                <th scope="col" className="px-3 py-2">
                  When
                </th>
                <th scope="col" className="px-3 py-2">
                  Who
                </th>
                <th scope="col" className="px-3 py-2">
                  Action
                </th>
                <th scope="col" className="px-3 py-2">
                  Record
                </th>
                <th scope="col" className="px-3 py-2">
                  Record id
                </th>
                <th scope="col" className="px-3 py-2">
                  Changes
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} className="border-t border-gray-200 align-top">
                  <td className="stack-title whitespace-nowrap px-3 py-2 font-semibold sm:font-normal">
                    <time dateTime={row.at.toISOString()}>{formatDateTime(row.at)}</time>
                  </td>
                  <td data-label="Who" className="px-3 py-2">
                    {row.actorName}
                  </td>
                  <td data-label="Action" className="px-3 py-2">
                    {ACTION_LABELS[row.action] ?? row.action}
                  </td>
                  <td data-label="Record" className="px-3 py-2">
                    {recordKindLabel(row.entity)}
                  </td>
                  <td data-label="Record id" className="px-3 py-2">
                    <Link
                      href={`/admin/audit?entity=${encodeURIComponent(row.entity)}&entityId=${encodeURIComponent(row.entityId)}`}
                      className="break-all font-mono text-brand-700 underline"
                    >
                      {row.entityId}
                      <span className="sr-only"> (show this record&apos;s history)</span>
                    </Link>
                  </td>
                  <td data-label="Changes" className="px-3 py-2 sm:min-w-64">
                    <Changes changes={row.changes} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </div>
  );
}
