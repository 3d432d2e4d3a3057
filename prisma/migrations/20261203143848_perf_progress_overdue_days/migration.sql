-- AlterTable
ALTER TABLE "PlacementProgress" ADD COLUMN     "overdueDays" INTEGER NOT NULL DEFAULT 0;

-- Every stored row is recomputed (on its next read, or by the daily job) so the new column is filled by the rules.
UPDATE "PlacementProgress" SET "asOf" = DATE '1970-01-01';
