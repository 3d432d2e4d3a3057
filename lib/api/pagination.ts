import { z } from "zod";
import { fieldErrorsOf, invalid } from "@/lib/errors";
import { decodeCursor, type IdPage, type KeysetPage } from "@/lib/core/paging";

// The paging query parameters of the integration API, read at the route's
// edge: lib/ receives a parsed page (lib/core/paging.ts), never a query string.

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 500;

/** The query parameters of a paginated integration endpoint; bad values are a 422 naming the parameter. */
export const pageQuerySchema = z.object({
  updatedSince: z
    .string()
    .trim()
    .pipe(
      z.iso.datetime({
        offset: true,
        error: "Give updatedSince as an ISO 8601 timestamp, for example 2026-11-01T00:00:00Z",
      }),
    )
    .transform((value) => new Date(value))
    .optional(),
  limit: z
    .string()
    .trim()
    .regex(/^\d+$/, `Give limit as a whole number from 1 to ${MAX_PAGE_SIZE}`)
    .transform(Number)
    .pipe(
      z
        .number()
        .int()
        .min(1, `Give limit as a whole number from 1 to ${MAX_PAGE_SIZE}`)
        .max(MAX_PAGE_SIZE, `The limit is at most ${MAX_PAGE_SIZE}`),
    )
    .optional()
    .transform((value) => value ?? DEFAULT_PAGE_SIZE),
  cursor: z
    .string()
    .trim()
    .transform((value, context) => {
      const cursor = decodeCursor(value);
      if (!cursor)
        context.addIssue({
          code: "custom",
          message: "The cursor is not one this API returned: start again without it",
        });
      return cursor ?? undefined;
    })
    .optional(),
});

/** The page query of a request's search parameters, or a 422 naming each bad parameter. */
export function parsePageQuery(params: Record<string, string>): KeysetPage {
  const result = pageQuerySchema.safeParse({
    updatedSince: params.updatedSince,
    limit: params.limit,
    cursor: params.cursor,
  });
  if (!result.success) throw invalid("Check the query parameters.", fieldErrorsOf(result.error));
  return result.data;
}

const idPageSchema = z.object({
  placementId: z.string().trim().min(1).max(64).optional(),
  limit: z.coerce
    .number({ error: "limit must be a whole number" })
    .int("limit must be a whole number")
    .min(1, "limit is at least 1")
    .max(200, "limit is at most 200")
    .default(50),
  cursor: z.string().trim().min(1).max(64).optional(),
});

/** The id page of a request's search parameters (empty values ignored), or a 422 naming each bad parameter. */
export function parseIdPageQuery(params: Record<string, string>): IdPage {
  const result = idPageSchema.safeParse({
    placementId: params.placementId || undefined,
    limit: params.limit || undefined,
    cursor: params.cursor || undefined,
  });
  if (!result.success) throw invalid("Check the query parameters.", fieldErrorsOf(result.error));
  return result.data;
}
