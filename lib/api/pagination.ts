import { z } from "zod";
import { AppError, fieldErrorsOf } from "@/lib/errors";

// Keyset pagination on (updatedAt, id) for the integration API: a university
// system asks for what changed since its last sync and pages through it.
// Ordering by the update time (not an offset) means a row changed while the
// client pages moves to the end and is read again; no row is ever skipped.

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 500;

export type Cursor = { updatedAt: Date; id: string };

/** The opaque cursor: base64url of "<ISO instant>|<id>". */
export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(`${cursor.updatedAt.toISOString()}|${cursor.id}`, "utf8").toString("base64url");
}

export function decodeCursor(value: string): Cursor | null {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(value)) return null;
  const [instant, id, ...rest] = Buffer.from(value, "base64url").toString("utf8").split("|");
  if (rest.length > 0 || !id || id.length > 64 || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(instant ?? ""))
    return null;
  const updatedAt = new Date(instant);
  return Number.isNaN(updatedAt.getTime()) ? null : { updatedAt, id };
}

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

export type PageQuery = z.output<typeof pageQuerySchema>;

/**
 * The where clause of one page: changed at or after updatedSince (inclusive,
 * so a client that stores the last updatedAt it saw misses nothing), and after
 * the cursor in (updatedAt, id) order.
 */
export function keysetWhere(query: Pick<PageQuery, "updatedSince" | "cursor">) {
  const and: Array<Record<string, unknown>> = [];
  if (query.updatedSince) and.push({ updatedAt: { gte: query.updatedSince } });
  if (query.cursor) {
    and.push({
      OR: [
        { updatedAt: { gt: query.cursor.updatedAt } },
        { updatedAt: query.cursor.updatedAt, id: { gt: query.cursor.id } },
      ],
    });
  }
  return and;
}

export const keysetOrder = [{ updatedAt: "asc" as const }, { id: "asc" as const }];

/** Rows fetched with take: limit + 1 -> the page and the cursor of the next one (null at the end). */
export function pageOf<T extends { id: string; updatedAt: Date }>(
  rows: T[],
  limit: number,
): { rows: T[]; nextCursor: string | null } {
  if (rows.length <= limit) return { rows, nextCursor: null };
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { rows: page, nextCursor: encodeCursor({ updatedAt: last.updatedAt, id: last.id }) };
}

/** The page query of a request's search parameters, or a 422 naming each bad parameter. */
export function parsePageQuery(params: Record<string, string>): PageQuery {
  const result = pageQuerySchema.safeParse({
    updatedSince: params.updatedSince,
    limit: params.limit,
    cursor: params.cursor,
  });
  if (!result.success) throw new AppError("validation", "Check the query parameters.", fieldErrorsOf(result.error));
  return result.data;
}
