-- AlterTable
ALTER TABLE "EvidenceItem" ADD COLUMN     "sourceProgrammeId" TEXT;
