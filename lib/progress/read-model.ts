import "server-only";
import type { Tx } from "@/lib/db";

/**
 * Called by the write path (lib/core/command.ts) in the same transaction as
 * every change that affects a placement's progress. Progress is still
 * computed when it is read, so there is nothing stored to refresh yet; the
 * placement progress read model fills this in.
 */
export async function refreshPlacementReadModel(_tx: Tx, _placementIds: string[]): Promise<void> {}
