import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { requireUser } from "@/lib/auth/current-user";
import { SEARCH_MIN_LENGTH, search, type SearchGroup } from "@/lib/search/search";
import { formatDate } from "@/lib/dates";
import { PlacementStatusBadge } from "@/components/status-badge";

export const metadata: Metadata = { title: "Search" };
export const dynamic = "force-dynamic";

const LEVEL_LABELS = { FIRST: "First placement", FINAL: "Final placement" } as const;

function count(total: number, one: string, many: string) {
  return `${total} ${total === 1 ? one : many}`;
}

function GroupSection<T>({
  id,
  heading,
  group,
  noun,
  nouns,
  children,
  note,
}: {
  id: string;
  heading: string;
  group: SearchGroup<T>;
  noun: string;
  nouns: string;
  children: (item: T) => ReactNode;
  note?: string;
}) {
  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-2">
      <h2 id={`${id}-heading`} className="text-2xl font-bold">
        {heading} <span className="font-normal text-muted">({group.total})</span>
      </h2>
      {note && <p className="text-sm text-muted">{note}</p>}
      {group.total === 0 ? (
        <p className="rounded border border-gray-300 bg-white p-4">No {nouns} match.</p>
      ) : (
        <>
          {group.total > group.items.length && (
            <p className="text-sm">
              Showing the first {group.items.length} of {count(group.total, noun, nouns)}. Add more words to narrow the
              search.
            </p>
          )}
          <ul className="divide-y divide-gray-200 rounded border border-gray-300 bg-white">
            {group.items.map(children)}
          </ul>
        </>
      )}
    </section>
  );
}

export default async function SearchPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  const user = await requireUser();
  const { q } = await searchParams;
  const raw = Array.isArray(q) ? q[0] : q;
  const results = await search(user, raw ?? "");
  const findsChildren = results.children !== null;
  const what = findsChildren ? "placements, students and children" : "placements and students";
  const groups = [
    { id: "placements", label: "Placements", total: results.placements.total },
    { id: "students", label: "Students", total: results.students.total },
    ...(results.children ? [{ id: "children", label: "Children", total: results.children.total }] : []),
  ];
  const overall = groups.reduce((sum, group) => sum + group.total, 0);

  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">Search</h1>
      <form
        method="get"
        action="/search"
        role="search"
        aria-label="Search this site"
        className="flex flex-wrap items-end gap-3 rounded border border-gray-300 bg-white p-4"
      >
        <div className="min-w-0 flex-1 basis-64">
          <label htmlFor="search-q" className="mb-1 block font-semibold">
            Search {what}
          </label>
          <p id="search-q-hint" className="mb-1 text-sm text-muted">
            {findsChildren
              ? "A student's name or email, a setting, a university, or a child's code."
              : "A student's name or email, a setting or a university."}{" "}
            At least {SEARCH_MIN_LENGTH} characters.
          </p>
          <input
            id="search-q"
            name="q"
            type="search"
            defaultValue={results.query}
            aria-describedby="search-q-hint"
            maxLength={100}
            className="block w-full rounded border-2 border-gray-700 px-2 py-1.5"
          />
        </div>
        <button type="submit" className="rounded bg-brand-600 px-4 py-2 font-semibold text-white">
          Search
        </button>
      </form>

      {results.tooShort ? (
        <p className="rounded border border-gray-300 bg-white p-4">
          {results.query
            ? `“${results.query}” is too short: type at least ${SEARCH_MIN_LENGTH} characters.`
            : `Type at least ${SEARCH_MIN_LENGTH} characters to search ${what}.`}
        </p>
      ) : (
        <>
          <div>
            <p className="text-lg" role="status">
              {overall === 0
                ? `Nothing matches “${results.query}”.`
                : `${count(overall, "result", "results")} for “${results.query}”.`}
            </p>
            <nav aria-label="Result groups" className="mt-1">
              <ul className="flex flex-wrap gap-x-4 gap-y-1">
                {groups.map((group) => (
                  <li key={group.id}>
                    <a href={`#${group.id}-heading`} className="text-brand-700 underline">
                      {group.label} ({group.total})
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          </div>

          <GroupSection
            id="placements"
            heading="Placements"
            group={results.placements}
            noun="placement"
            nouns="placements"
          >
            {(placement) => (
              <li
                key={placement.id}
                className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 px-4 py-3"
              >
                <div>
                  <Link href={`/placements/${placement.id}`} className="font-semibold text-brand-700 underline">
                    {placement.studentName} — {placement.setting}
                  </Link>
                  <p className="text-sm text-muted">
                    {[
                      LEVEL_LABELS[placement.level],
                      placement.universityName,
                      `${formatDate(placement.startDate)} to ${formatDate(placement.endDate)}`,
                      placement.practiceEducatorName ? `PE ${placement.practiceEducatorName}` : "No current PE",
                    ]
                      .filter(Boolean)
                      .join(" · ")}
                  </p>
                </div>
                <PlacementStatusBadge status={placement.status} />
              </li>
            )}
          </GroupSection>

          <GroupSection id="students" heading="Students" group={results.students} noun="student" nouns="students">
            {(student) => (
              <li key={student.id} className="px-4 py-3">
                {student.placementId ? (
                  <Link href={`/placements/${student.placementId}`} className="font-semibold text-brand-700 underline">
                    {student.name}
                  </Link>
                ) : (
                  <span className="font-semibold">{student.name}</span>
                )}
                <p className="text-sm text-muted break-all">
                  {[student.email, student.universityName].filter(Boolean).join(" · ")}
                </p>
              </li>
            )}
          </GroupSection>

          {results.children && (
            <GroupSection
              id="children"
              heading="Children"
              group={results.children}
              noun="child"
              nouns="children"
              note="Names appear only for children you work with; each name shown is recorded in the audit log. Others are shown by code."
            >
              {(child) => (
                <li key={child.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 px-4 py-3">
                  <Link href={`/children/${child.id}`} className="font-semibold text-brand-700 underline">
                    {child.label}
                  </Link>
                  <span className="text-sm text-muted">
                    {[child.schoolName, child.yearGroup !== null ? `Year ${child.yearGroup}` : null]
                      .filter(Boolean)
                      .join(" · ")}
                  </span>
                </li>
              )}
            </GroupSection>
          )}
        </>
      )}
    </div>
  );
}
