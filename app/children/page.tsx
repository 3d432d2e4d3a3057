import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/current-user";
import { listChildren } from "@/lib/children/children";
import { childWorkPermissions } from "@/lib/access/children";

export const metadata: Metadata = { title: "Children" };
export const dynamic = "force-dynamic";

export default async function ChildrenPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const user = await requireUser();
  const permissions = childWorkPermissions(user);
  if (!permissions.canSeeChildRecords) notFound();
  const { q } = await searchParams;
  const query = typeof q === "string" ? q.slice(0, 100) : undefined;
  const children = await listChildren(user, { q: query });
  return (
    <div>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-3xl font-bold">Children</h1>
        {permissions.canAddChild && (
          <Link href="/children/new" className="rounded bg-brand-600 px-4 py-2 font-semibold text-white no-underline">
            Add a child
          </Link>
        )}
      </div>
      <p className="mb-4 text-muted">
        Children are shown by their code. Names appear only to the team manager, the students working with the child and
        their practice educators, and each time a name is shown it is recorded in the audit log.
      </p>
      <form
        method="get"
        role="search"
        aria-label="Search children"
        className="mb-6 flex flex-wrap items-end gap-3 rounded border border-gray-300 bg-white p-4"
      >
        <div className="min-w-64 flex-1">
          <label htmlFor="q" className="mb-1 block font-semibold">
            Search by code or name
          </label>
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={query ?? ""}
            className="block w-full rounded border-2 border-gray-700 px-2 py-1.5"
          />
        </div>
        <button type="submit" className="rounded bg-brand-600 px-4 py-2 font-semibold text-white">
          Search
        </button>
      </form>
      {children.length === 0 ? (
        <p className="rounded border border-gray-300 bg-white p-4">No children to show.</p>
      ) : (
        <ul className="divide-y divide-gray-200 rounded border border-gray-300 bg-white">
          {children.map((child) => (
            <li key={child.id} className="flex flex-wrap items-baseline justify-between gap-2 px-4 py-2">
              <Link href={`/children/${child.id}`} className="font-semibold text-brand-700 underline">
                {child.label}
              </Link>
              <span className="text-sm text-muted">
                {[
                  child.schoolName,
                  child.yearGroup !== null ? `Year ${child.yearGroup}` : null,
                  child.anonymised ? "Anonymised" : null,
                ]
                  .filter(Boolean)
                  .join(" · ")}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
