import Link from "next/link";
import { filtersQuery, type DashboardFilters } from "@/lib/progress/dashboard-filters";
import { PAGE_SIZE } from "@/lib/progress/dashboard";

export function Pagination({
  path,
  filters,
  page,
  pages,
  total,
  shown,
}: {
  path: string;
  filters: DashboardFilters;
  page: number;
  pages: number;
  total: number;
  shown: number;
}) {
  const first = total === 0 ? 0 : (page - 1) * PAGE_SIZE + 1;
  return (
    <nav aria-label="Pages of placements" className="mt-3 flex flex-wrap items-center gap-4 text-sm">
      <p>
        Showing {first}–{first + shown - (shown > 0 ? 1 : 0)} of {total} {total === 1 ? "placement" : "placements"}
        {pages > 1 ? ` (page ${page} of ${pages})` : ""}
      </p>
      {page > 1 && (
        <Link
          href={`${path}${filtersQuery(filters, { page: page - 1 })}`}
          className="text-brand-700 underline"
          rel="prev"
        >
          Previous page
        </Link>
      )}
      {page < pages && (
        <Link
          href={`${path}${filtersQuery(filters, { page: page + 1 })}`}
          className="text-brand-700 underline"
          rel="next"
        >
          Next page
        </Link>
      )}
    </nav>
  );
}
