// Pages of the integration API's lists. The query parameters are read at the
// route's edge (lib/api/pagination.ts); this is what a list does with them.
//
// Keyset pagination on (updatedAt, id): a university system asks for what
// changed since its last sync and pages through it. Ordering by the update
// time (not an offset) means a row changed while the client pages moves to
// the end and is read again; no row is ever skipped.

export type Cursor = { updatedAt: Date; id: string };

/** A page of a list in id order (GET /api/v1/progress): one placement, or `limit` after the cursor id. */
export type IdPage = { placementId?: string; limit: number; cursor?: string };

/** One page of a keyset list: rows changed at or after updatedSince, after the cursor, at most limit. */
export type KeysetPage = { updatedSince?: Date; limit: number; cursor?: Cursor };

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

/**
 * The where clause of one page: changed at or after updatedSince (inclusive,
 * so a client that stores the last updatedAt it saw misses nothing), and after
 * the cursor in (updatedAt, id) order.
 */
export function keysetWhere(query: Pick<KeysetPage, "updatedSince" | "cursor">) {
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
