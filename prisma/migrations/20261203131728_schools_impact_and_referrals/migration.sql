-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'SCHOOL_CONTACT';

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "schoolId" TEXT;

-- AlterTable
ALTER TABLE "Referral" ADD COLUMN     "requestedById" TEXT;

-- AlterTable
ALTER TABLE "DirectWorkProgramme" ADD COLUMN     "summaryForSchool" TEXT;

-- AlterTable
ALTER TABLE "ProgrammeSession" ADD COLUMN     "childsWordsShareable" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "Referral_schoolId_receivedOn_idx" ON "Referral"("schoolId", "receivedOn");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
