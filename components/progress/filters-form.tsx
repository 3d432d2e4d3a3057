import Link from "next/link";
import type { DashboardFilters } from "@/lib/progress/dashboard-filters";
import type { FilterOptions } from "@/lib/progress/dashboard";
import { PLACEMENT_STATUS_LABELS } from "@/lib/placements/status-rules";
import { placementStatuses } from "@/lib/validations/placement";

/**
 * The dashboard filters as a plain GET form: it works without JavaScript, the
 * choices stay selected after the page reloads, and the URL can be bookmarked or shared.
 */
export function FiltersForm({
  action,
  filters,
  options,
  show = {},
}: {
  action: string;
  filters: DashboardFilters;
  options: FilterOptions;
  show?: { university?: boolean; team?: boolean; rag?: boolean; status?: boolean };
}) {
  const {
    university = options.universities.length > 1,
    team = options.teams.length > 1,
    rag = true,
    status = true,
  } = show;
  const cohorts = options.programmes.flatMap((programme) =>
    programme.cohorts.map((cohort) => ({ ...cohort, programmeName: programme.name })),
  );
  const field = "flex w-full flex-col gap-1 text-sm font-semibold sm:w-56";
  const select = "rounded border-2 border-gray-700 bg-white px-2 py-1.5 font-normal";
  return (
    <form
      method="get"
      action={action}
      className="no-print mb-6 rounded border border-gray-300 bg-white p-4"
      aria-label="Filter placements"
    >
      <div className="flex flex-wrap gap-3">
        {university && (
          <div className={field}>
            <label htmlFor="filter-university">University</label>
            <select id="filter-university" name="university" defaultValue={filters.university ?? ""} className={select}>
              <option value="">Any university</option>
              {options.universities.map((option) => (
                <option key={option.id} value={option.id}>
                  {option.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className={field}>
          <label htmlFor="filter-programme">Programme</label>
          <select id="filter-programme" name="programme" defaultValue={filters.programme ?? ""} className={select}>
            <option value="">Any programme</option>
            {options.programmes.map((option) => (
              <option key={option.id} value={option.id}>
                {options.universities.length > 1 ? `${option.name} (${option.universityName})` : option.name}
              </option>
            ))}
          </select>
        </div>
        <div className={field}>
          <label htmlFor="filter-cohort">Cohort</label>
          <select id="filter-cohort" name="cohort" defaultValue={filters.cohort ?? ""} className={select}>
            <option value="">Any cohort</option>
            {cohorts.map((option) => (
              <option key={option.id} value={option.id}>{`${option.name} (${option.programmeName})`}</option>
            ))}
          </select>
        </div>
        {team && (
          <div className={field}>
            <label htmlFor="filter-team">Team</label>
            <select id="filter-team" name="team" defaultValue={filters.team ?? ""} className={select}>
              <option value="">Any team</option>
              {options.teams.map((option) => (
                <option key={option.id} value={option.id}>
                  {option.name}
                </option>
              ))}
            </select>
          </div>
        )}
        {status && (
          <div className={field}>
            <label htmlFor="filter-status">Status</label>
            <select id="filter-status" name="status" defaultValue={filters.status} className={select}>
              <option value="RUNNING">Running (active or suspended)</option>
              <option value="ALL">Any status</option>
              {placementStatuses.map((value) => (
                <option key={value} value={value}>
                  {PLACEMENT_STATUS_LABELS[value]}
                </option>
              ))}
            </select>
          </div>
        )}
        {rag && (
          <div className={field}>
            <label htmlFor="filter-rag">RAG</label>
            <select id="filter-rag" name="rag" defaultValue={filters.rag ?? ""} className={select}>
              <option value="">Any RAG</option>
              <option value="RED">Red</option>
              <option value="AMBER">Amber</option>
              <option value="GREEN">Green</option>
            </select>
          </div>
        )}
      </div>
      <div className="mt-3 flex flex-wrap items-center gap-4">
        <button type="submit" className="rounded bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700">
          Apply filters
        </button>
        <Link href={action} className="text-brand-700 underline">
          Clear filters
        </Link>
      </div>
    </form>
  );
}
