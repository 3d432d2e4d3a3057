-- CreateEnum
CREATE TYPE "SupervisionType" AS ENUM ('FORMAL', 'GROUP', 'DIRECT_OBSERVATION_FEEDBACK', 'REVIEW_MEETING');

-- CreateEnum
CREATE TYPE "SupervisionStatus" AS ENUM ('DRAFT', 'PE_SIGNED', 'SIGNED');

-- CreateEnum
CREATE TYPE "ActionOwner" AS ENUM ('STUDENT', 'PRACTICE_EDUCATOR');

-- CreateEnum
CREATE TYPE "ActionStatus" AS ENUM ('OPEN', 'DONE', 'DROPPED');

-- AlterTable
ALTER TABLE "Placement" ADD COLUMN     "supervisionEveryWeeks" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "supervisionMinMinutes" INTEGER NOT NULL DEFAULT 90;

-- CreateTable
CREATE TABLE "SupervisionRecord" (
    "id" TEXT NOT NULL,
    "placementId" TEXT NOT NULL,
    "heldOn" DATE NOT NULL,
    "startTime" TEXT NOT NULL,
    "durationMinutes" INTEGER NOT NULL,
    "type" "SupervisionType" NOT NULL DEFAULT 'FORMAL',
    "attendedPracticeEducator" BOOLEAN NOT NULL DEFAULT true,
    "attendedOnsiteSupervisor" BOOLEAN NOT NULL DEFAULT false,
    "attendedStudent" BOOLEAN NOT NULL DEFAULT true,
    "otherAttendees" TEXT[],
    "agenda" TEXT NOT NULL DEFAULT '',
    "caseDiscussion" TEXT NOT NULL DEFAULT '',
    "reflectionAndLearning" TEXT NOT NULL DEFAULT '',
    "wellbeingAndWorkload" TEXT NOT NULL DEFAULT '',
    "pcfDomains" TEXT[],
    "studentReflection" TEXT NOT NULL DEFAULT '',
    "status" "SupervisionStatus" NOT NULL DEFAULT 'DRAFT',
    "authorId" TEXT NOT NULL,
    "peSignedAt" TIMESTAMP(3),
    "peSignedById" TEXT,
    "studentSignedAt" TIMESTAMP(3),
    "studentSignedById" TEXT,
    "reflectionVersion" INTEGER NOT NULL DEFAULT 1,
    "studentDisagreement" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "SupervisionRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupervisionAction" (
    "id" TEXT NOT NULL,
    "placementId" TEXT NOT NULL,
    "recordId" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "owner" "ActionOwner" NOT NULL,
    "dueDate" DATE NOT NULL,
    "status" "ActionStatus" NOT NULL DEFAULT 'OPEN',
    "completedAt" TIMESTAMP(3),
    "completedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SupervisionAction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupervisionAddendum" (
    "id" TEXT NOT NULL,
    "recordId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SupervisionAddendum_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SupervisionRecord_placementId_heldOn_idx" ON "SupervisionRecord"("placementId", "heldOn");

-- CreateIndex
CREATE INDEX "SupervisionAction_placementId_status_idx" ON "SupervisionAction"("placementId", "status");

-- CreateIndex
CREATE INDEX "SupervisionAddendum_recordId_idx" ON "SupervisionAddendum"("recordId");

-- AddForeignKey
ALTER TABLE "SupervisionRecord" ADD CONSTRAINT "SupervisionRecord_placementId_fkey" FOREIGN KEY ("placementId") REFERENCES "Placement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionRecord" ADD CONSTRAINT "SupervisionRecord_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionRecord" ADD CONSTRAINT "SupervisionRecord_peSignedById_fkey" FOREIGN KEY ("peSignedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionRecord" ADD CONSTRAINT "SupervisionRecord_studentSignedById_fkey" FOREIGN KEY ("studentSignedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionAction" ADD CONSTRAINT "SupervisionAction_placementId_fkey" FOREIGN KEY ("placementId") REFERENCES "Placement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionAction" ADD CONSTRAINT "SupervisionAction_recordId_fkey" FOREIGN KEY ("recordId") REFERENCES "SupervisionRecord"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionAction" ADD CONSTRAINT "SupervisionAction_completedById_fkey" FOREIGN KEY ("completedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionAddendum" ADD CONSTRAINT "SupervisionAddendum_recordId_fkey" FOREIGN KEY ("recordId") REFERENCES "SupervisionRecord"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionAddendum" ADD CONSTRAINT "SupervisionAddendum_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
