import { z } from "zod";
import { placementStatuses } from "@/lib/validations/placement";

// The filters of the tutor's and the admin's placement tables, the CSV export,
// the cohort report, the coverage matrix and GET /api/v1/progress: one schema,
// so the same query string gives the same rows everywhere. A GET form submits
// "" for "any", which means no filter; an unknown value is ignored, never a 500.

/** Running placements (active or suspended): the default, and what a dashboard is mostly for. */
export const STATUS_RUNNING = "RUNNING";
export const STATUS_ALL = "ALL";
export const dashboardStatuses = [STATUS_RUNNING, STATUS_ALL, ...placementStatuses] as const;

export const ragStatuses = ["RED", "AMBER", "GREEN"] as const;

const optionalId = z
  .preprocess((value) => (value === "" ? undefined : value), z.string().trim().max(64).optional())
  .catch(undefined);

export const dashboardFiltersSchema = z
  .object({
    programme: optionalId,
    cohort: optionalId,
    /** The team hosting the placement (an Organisation of kind TEAM). */
    team: optionalId,
    /** The old name of `team`, still accepted (docs/api.md). */
    council: optionalId,
    university: optionalId,
    status: z
      .preprocess((value) => (value === "" || value === undefined ? STATUS_RUNNING : value), z.enum(dashboardStatuses))
      .catch(STATUS_RUNNING),
    rag: z.preprocess((value) => (value === "" ? undefined : value), z.enum(ragStatuses).optional()).catch(undefined),
    page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
  })
  .transform(({ council, ...filters }) => ({ ...filters, team: filters.team ?? council }));

export type DashboardFilters = z.infer<typeof dashboardFiltersSchema>;

export function parseDashboardFilters(input: Record<string, string | string[] | undefined>): DashboardFilters {
  const single = Object.fromEntries(
    Object.entries(input).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]),
  );
  return dashboardFiltersSchema.parse(single);
}

/** The filters as a query string (without page unless asked), for links: the CSV, the report, the next page. */
export function filtersQuery(
  filters: Partial<DashboardFilters>,
  extra: Record<string, string | number | undefined> = {},
): string {
  const params = new URLSearchParams();
  for (const key of ["programme", "cohort", "team", "university", "status", "rag"] as const) {
    const value = filters[key];
    if (value && !(key === "status" && value === STATUS_RUNNING)) params.set(key, value);
  }
  for (const [key, value] of Object.entries(extra))
    if (value !== undefined && value !== "") params.set(key, String(value));
  const query = params.toString();
  return query ? `?${query}` : "";
}
