import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/current-user";
import { canManagePlacements } from "@/lib/access/placements";
import { listPlacements, listPracticeEducatorsForFilter } from "@/lib/placements/list-placements";
import { listUniversities } from "@/lib/universities/universities";
import { placementFiltersSchema, placementStatuses } from "@/lib/validations/placement";
import { PLACEMENT_STATUS_LABELS } from "@/lib/placements/status-rules";
import { PlacementTable } from "@/components/placement-table";

export const metadata: Metadata = { title: "Placements" };
export const dynamic = "force-dynamic";

const selectClass = "block w-full rounded border-2 border-gray-700 bg-white px-2 py-1.5";

export default async function PlacementsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const raw = await searchParams;
  const filters = placementFiltersSchema.parse(
    Object.fromEntries(
      Object.entries(raw).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value || undefined]),
    ),
  );
  const [rows, universities, practiceEducators] = await Promise.all([
    listPlacements(user, filters),
    listUniversities(user),
    listPracticeEducatorsForFilter(user),
  ]);

  return (
    <div>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-3xl font-bold">Placements</h1>
        {canManagePlacements(user) && (
          <Link href="/placements/new" className="rounded bg-brand-600 px-4 py-2 font-semibold text-white no-underline">
            Add a placement
          </Link>
        )}
      </div>
      <form
        method="get"
        className="mb-6 grid grid-cols-1 gap-4 rounded border border-gray-300 bg-white p-4 sm:grid-cols-5 sm:items-end"
        role="search"
        aria-label="Filter placements"
      >
        <div className="sm:col-span-2">
          <label htmlFor="q" className="mb-1 block font-semibold">
            Search
          </label>
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={filters.q ?? ""}
            placeholder="Student or setting"
            className={selectClass}
          />
        </div>
        <div>
          <label htmlFor="status" className="mb-1 block font-semibold">
            Status
          </label>
          <select id="status" name="status" defaultValue={filters.status ?? ""} className={selectClass}>
            <option value="">Any status</option>
            {placementStatuses.map((status) => (
              <option key={status} value={status}>
                {PLACEMENT_STATUS_LABELS[status]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="universityId" className="mb-1 block font-semibold">
            University
          </label>
          <select
            id="universityId"
            name="universityId"
            defaultValue={filters.universityId ?? ""}
            className={selectClass}
          >
            <option value="">Any university</option>
            {universities.map((university) => (
              <option key={university.id} value={university.id}>
                {university.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="practiceEducatorId" className="mb-1 block font-semibold">
            Practice educator
          </label>
          <select
            id="practiceEducatorId"
            name="practiceEducatorId"
            defaultValue={filters.practiceEducatorId ?? ""}
            className={selectClass}
          >
            <option value="">Any practice educator</option>
            {practiceEducators.map((pe) => (
              <option key={pe.id} value={pe.id}>
                {pe.name}
              </option>
            ))}
          </select>
        </div>
        <div className="flex gap-3 sm:col-span-5">
          <button type="submit" className="rounded bg-brand-600 px-4 py-2 font-semibold text-white">
            Apply filters
          </button>
          <Link href="/placements" className="self-center text-brand-700 underline">
            Clear filters
          </Link>
        </div>
      </form>
      <p className="mb-2 text-muted" aria-live="polite">
        {rows.length === 1 ? "1 placement" : `${rows.length} placements`}
      </p>
      <PlacementTable rows={rows} caption="Placements" emptyText="No placements match these filters." />
    </div>
  );
}
