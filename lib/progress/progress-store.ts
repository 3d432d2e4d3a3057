import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db";
import type { IsoDate } from "@/lib/dates";
import { RAG_ORDER } from "@/lib/progress/placement-rag";
import type { PlacementProgressDetail } from "@/lib/progress/placement-progress";

// How a placement's computed progress is stored in the read model
// (PlacementProgress, lib/progress/read-model.ts) and read back: the rules'
// output as JSON, with the columns the dashboards sort and filter on.

type StoredRow = { progress: Prisma.JsonValue; detail: Prisma.JsonValue };

/**
 * Writes computed progress as of `today` in one statement. "always": the
 * write path and the repair, which hold the placements' lock; "if-older": a
 * read that found a row of an earlier day, which never overwrites a row a
 * write stored meanwhile.
 */
export async function storeProgress(
  db: Tx,
  details: Map<string, PlacementProgressDetail>,
  today: IsoDate,
  mode: "always" | "if-older",
): Promise<void> {
  if (details.size === 0) return;
  const rows = [...details].map(([placementId, { progress, ...detail }]) => ({
    placementId,
    ragStatus: progress.rag.status,
    ragRank: RAG_ORDER[progress.rag.status],
    percentComplete: progress.days.percentComplete,
    progress,
    detail,
  }));
  const onlyOlder = mode === "if-older" ? Prisma.sql`WHERE "PlacementProgress"."asOf" < EXCLUDED."asOf"` : Prisma.empty;
  await db.$executeRaw`
    INSERT INTO "PlacementProgress" ("placementId", "asOf", "ragStatus", "ragRank", "percentComplete", "progress", "detail", "computedAt")
    SELECT r."placementId", ${today}::date, r."ragStatus"::"RagStatus", r."ragRank", r."percentComplete", r.progress, r.detail, now()
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      AS r("placementId" text, "ragStatus" text, "ragRank" int, "percentComplete" int, progress jsonb, detail jsonb)
    ON CONFLICT ("placementId") DO UPDATE SET
      "asOf" = EXCLUDED."asOf", "ragStatus" = EXCLUDED."ragStatus", "ragRank" = EXCLUDED."ragRank",
      "percentComplete" = EXCLUDED."percentComplete", "progress" = EXCLUDED."progress", "detail" = EXCLUDED."detail",
      "computedAt" = EXCLUDED."computedAt"
    ${onlyOlder}`;
}

/** A stored row back as the rules produced it (dates are ISO strings throughout, so JSON loses nothing). */
export function fromStored(row: StoredRow): PlacementProgressDetail {
  return { ...(row.detail as object), progress: row.progress } as unknown as PlacementProgressDetail;
}

/** Child-work counts are for the team side only (admin, PE): everyone else gets the rest. */
export function withoutChildWork(detail: PlacementProgressDetail): PlacementProgressDetail {
  const { childWork, ...progress } = detail.progress;
  return { ...detail, progress };
}
