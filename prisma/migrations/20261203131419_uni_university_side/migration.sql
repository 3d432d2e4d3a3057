-- CreateEnum
CREATE TYPE "PanelStatus" AS ENUM ('PLANNED', 'OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "PanelMemberRole" AS ENUM ('LEAD', 'MEMBER');

-- CreateEnum
CREATE TYPE "PanelSampleReason" AS ENUM ('FAIL_OR_REFER', 'BORDERLINE', 'NEW_PRACTICE_EDUCATOR', 'RETURNED_FROM_EARLIER_PANEL', 'RANDOM');

-- CreateEnum
CREATE TYPE "PanelDecision" AS ENUM ('CONFIRMED', 'CONFIRMED_WITH_FEEDBACK', 'RETURNED_FOR_EVIDENCE', 'REFERRED_TO_EXAM_BOARD');

-- CreateEnum
CREATE TYPE "QaplRespondent" AS ENUM ('STUDENT', 'PRACTICE_EDUCATOR', 'PROVIDER');

-- CreateTable
CREATE TABLE "AssessmentPanel" (
    "id" TEXT NOT NULL,
    "universityId" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "sitsOn" DATE NOT NULL,
    "status" "PanelStatus" NOT NULL DEFAULT 'PLANNED',
    "externalExaminerName" TEXT,
    "randomPercent" INTEGER NOT NULL DEFAULT 20,
    "sampleSeed" TEXT,
    "sampleBuiltAt" TIMESTAMP(3),
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "AssessmentPanel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PanelMember" (
    "panelId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" "PanelMemberRole" NOT NULL DEFAULT 'MEMBER',

    CONSTRAINT "PanelMember_pkey" PRIMARY KEY ("panelId","userId")
);

-- CreateTable
CREATE TABLE "PanelSampleItem" (
    "id" TEXT NOT NULL,
    "panelId" TEXT NOT NULL,
    "finalAssessmentId" TEXT NOT NULL,
    "reasons" "PanelSampleReason"[],
    "evidenceSufficient" BOOLEAN,
    "holisticJudgementSupported" BOOLEAN,
    "pcfDomainsEvidenced" BOOLEAN,
    "serviceUserFeedbackPresent" BOOLEAN,
    "signaturesComplete" BOOLEAN,
    "decision" "PanelDecision",
    "decisionReasons" TEXT NOT NULL DEFAULT '',
    "feedbackForPe" TEXT NOT NULL DEFAULT '',
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "peResponse" TEXT,
    "peRespondedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "PanelSampleItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QaplEvaluation" (
    "id" TEXT NOT NULL,
    "placementId" TEXT NOT NULL,
    "respondent" "QaplRespondent" NOT NULL,
    "authorId" TEXT NOT NULL,
    "ratings" JSONB NOT NULL,
    "comments" TEXT NOT NULL DEFAULT '',
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "QaplEvaluation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PracticeEducatorRecord" (
    "userId" TEXT NOT NULL,
    "qualifiedOn" DATE,
    "lastRefresherOn" DATE,
    "capacity" INTEGER NOT NULL DEFAULT 1,
    "notes" TEXT NOT NULL DEFAULT '',
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "PracticeEducatorRecord_pkey" PRIMARY KEY ("userId")
);

-- CreateIndex
CREATE INDEX "AssessmentPanel_universityId_sitsOn_idx" ON "AssessmentPanel"("universityId", "sitsOn");

-- CreateIndex
CREATE INDEX "PanelMember_userId_idx" ON "PanelMember"("userId");

-- CreateIndex
CREATE INDEX "PanelSampleItem_finalAssessmentId_idx" ON "PanelSampleItem"("finalAssessmentId");

-- CreateIndex
CREATE UNIQUE INDEX "PanelSampleItem_panelId_finalAssessmentId_key" ON "PanelSampleItem"("panelId", "finalAssessmentId");

-- CreateIndex
CREATE UNIQUE INDEX "QaplEvaluation_placementId_respondent_key" ON "QaplEvaluation"("placementId", "respondent");

-- AddForeignKey
ALTER TABLE "AssessmentPanel" ADD CONSTRAINT "AssessmentPanel_universityId_fkey" FOREIGN KEY ("universityId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentPanel" ADD CONSTRAINT "AssessmentPanel_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentPanel" ADD CONSTRAINT "AssessmentPanel_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PanelMember" ADD CONSTRAINT "PanelMember_panelId_fkey" FOREIGN KEY ("panelId") REFERENCES "AssessmentPanel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PanelMember" ADD CONSTRAINT "PanelMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PanelSampleItem" ADD CONSTRAINT "PanelSampleItem_panelId_fkey" FOREIGN KEY ("panelId") REFERENCES "AssessmentPanel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PanelSampleItem" ADD CONSTRAINT "PanelSampleItem_finalAssessmentId_fkey" FOREIGN KEY ("finalAssessmentId") REFERENCES "FinalAssessment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PanelSampleItem" ADD CONSTRAINT "PanelSampleItem_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QaplEvaluation" ADD CONSTRAINT "QaplEvaluation_placementId_fkey" FOREIGN KEY ("placementId") REFERENCES "Placement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QaplEvaluation" ADD CONSTRAINT "QaplEvaluation_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PracticeEducatorRecord" ADD CONSTRAINT "PracticeEducatorRecord_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PracticeEducatorRecord" ADD CONSTRAINT "PracticeEducatorRecord_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
