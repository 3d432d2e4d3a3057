import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/current-user";
import { loadOrNotFound } from "@/lib/page-guards";
import { listUsers } from "@/lib/users/users";
import { formatDateTime } from "@/lib/dates";
import { AccountStatusTag } from "@/components/account-status-tag";
import { ROLE_LABELS, roleHasPepsStage, roles, type RoleName } from "@/lib/validations/user";
import { TableRegion } from "@/components/table-region";

export const metadata: Metadata = { title: "People" };
export const dynamic = "force-dynamic";

const selectClass = "block w-full rounded border-2 border-gray-700 bg-white px-2 py-1.5";

const PEPS_LABELS = { STAGE_1: "Stage 1", STAGE_2: "Stage 2" } as const;

function first(value: string | string[] | undefined) {
  return (Array.isArray(value) ? value[0] : value)?.trim() || undefined;
}

export default async function UsersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const raw = await searchParams;
  const roleParam = first(raw.role);
  // An unknown role in the address is ignored rather than an error.
  const role = roles.find((name): name is RoleName => name === roleParam);
  const q = first(raw.q)?.slice(0, 100);
  const rows = await loadOrNotFound(() => listUsers(user, { role, q }));
  const filtered = Boolean(role || q);

  return (
    <div>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-3xl font-bold">People</h1>
        <Link href="/admin/users/import" className="text-brand-700 underline">
          Import people from a CSV file
        </Link>
        <Link href="/admin/users/new" className="rounded bg-brand-600 px-4 py-2 font-semibold text-white no-underline">
          Add a person
        </Link>
      </div>
      <form
        method="get"
        className="mb-6 grid grid-cols-1 gap-4 rounded border border-gray-300 bg-white p-4 sm:grid-cols-3 sm:items-end"
        role="search"
        aria-label="Filter people"
      >
        <div className="sm:col-span-2">
          <label htmlFor="q" className="mb-1 block font-semibold">
            Search
          </label>
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={q ?? ""}
            placeholder="Name or email address"
            className={selectClass}
          />
        </div>
        <div>
          <label htmlFor="role" className="mb-1 block font-semibold">
            Role
          </label>
          <select id="role" name="role" defaultValue={role ?? ""} className={selectClass}>
            <option value="">Any role</option>
            {roles.map((name) => (
              <option key={name} value={name}>
                {ROLE_LABELS[name]}
              </option>
            ))}
          </select>
        </div>
        <div className="flex gap-3 sm:col-span-3">
          <button type="submit" className="rounded bg-brand-600 px-4 py-2 font-semibold text-white">
            Apply filters
          </button>
          <Link href="/admin/users" className="self-center text-brand-700 underline">
            Clear filters
          </Link>
        </div>
      </form>
      <p className="mb-2 text-muted" aria-live="polite">
        {rows.length === 1 ? "1 person" : `${rows.length} people`}
      </p>
      {rows.length === 0 ? (
        <p className="rounded border border-gray-300 bg-white p-4">
          {filtered ? "No one matches these filters." : "There are no accounts yet."}
        </p>
      ) : (
        <TableRegion label="People with an account">
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">People with an account</caption>
            <thead className="bg-gray-100">
              <tr>
                <th scope="col" className="px-3 py-2">
                  Name
                </th>
                <th scope="col" className="px-3 py-2">
                  Email address
                </th>
                <th scope="col" className="px-3 py-2">
                  Role
                </th>
                <th scope="col" className="px-3 py-2">
                  Organisation
                </th>
                <th scope="col" className="px-3 py-2">
                  Status
                </th>
                <th scope="col" className="px-3 py-2">
                  Last signed in
                </th>
                <th scope="col" className="px-3 py-2">
                  PEPS stage
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} className="border-t border-gray-200 align-top">
                  <td className="px-3 py-2">
                    <Link href={`/admin/users/${row.id}`} className="font-semibold text-brand-700 underline">
                      {row.name}
                    </Link>
                  </td>
                  <td className="break-all px-3 py-2">{row.email}</td>
                  <td className="px-3 py-2">{ROLE_LABELS[row.role]}</td>
                  <td className="px-3 py-2">{row.organisationName}</td>
                  <td className="px-3 py-2">
                    <AccountStatusTag status={row.status} />
                  </td>
                  <td className="px-3 py-2">{row.lastSignedInAt ? formatDateTime(row.lastSignedInAt) : "Never"}</td>
                  <td className="px-3 py-2">
                    {roleHasPepsStage(row.role) ? (row.pepsStage ? PEPS_LABELS[row.pepsStage] : "Not recorded") : "—"}
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
