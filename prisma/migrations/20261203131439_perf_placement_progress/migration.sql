-- CreateEnum
CREATE TYPE "RagStatus" AS ENUM ('RED', 'AMBER', 'GREEN');

-- CreateTable
CREATE TABLE "PlacementProgress" (
    "placementId" TEXT NOT NULL,
    "asOf" DATE NOT NULL,
    "ragStatus" "RagStatus" NOT NULL,
    "ragRank" INTEGER NOT NULL,
    "percentComplete" INTEGER NOT NULL,
    "progress" JSONB NOT NULL,
    "detail" JSONB NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlacementProgress_pkey" PRIMARY KEY ("placementId")
);

-- CreateIndex
CREATE INDEX "PlacementProgress_asOf_idx" ON "PlacementProgress"("asOf");

-- AddForeignKey
ALTER TABLE "PlacementProgress" ADD CONSTRAINT "PlacementProgress_placementId_fkey" FOREIGN KEY ("placementId") REFERENCES "Placement"("id") ON DELETE CASCADE ON UPDATE CASCADE;
