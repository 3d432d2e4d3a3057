-- CreateEnum
CREATE TYPE "ConsentStatus" AS ENUM ('PENDING', 'GIVEN', 'REFUSED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "ReferralDecision" AS ENUM ('PENDING', 'ACCEPTED', 'SIGNPOSTED', 'DECLINED');

-- CreateEnum
CREATE TYPE "AllocationKind" AS ENUM ('DIRECT_WORK', 'ASSESSMENT', 'LIFE_STORY');

-- CreateEnum
CREATE TYPE "AllocationStatus" AS ENUM ('ACTIVE', 'ENDED');

-- CreateEnum
CREATE TYPE "ProgrammeSessionStatus" AS ENUM ('PLANNED', 'ATTENDED', 'DID_NOT_ATTEND', 'CANCELLED');

-- CreateEnum
CREATE TYPE "CancelledBy" AS ENUM ('CHILD', 'FAMILY', 'SCHOOL', 'STUDENT');

-- CreateEnum
CREATE TYPE "AssessmentStatus" AS ENUM ('IN_PROGRESS', 'COMPLETED');

-- CreateEnum
CREATE TYPE "AssessmentOutcome" AS ENUM ('NO_FURTHER_ACTION', 'EARLY_HELP', 'CHILD_IN_NEED_PLAN', 'CHILD_PROTECTION');

-- CreateEnum
CREATE TYPE "LifeStoryStageName" AS ENUM ('GATHERING_INFORMATION', 'DIRECT_SESSIONS', 'DRAFTING', 'CHECKING', 'HANDING_OVER', 'FOLLOW_UP');

-- CreateEnum
CREATE TYPE "SafeguardingStatus" AS ENUM ('OPEN', 'ACTIONED');

-- CreateTable
CREATE TABLE "SchoolContact" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "email" TEXT,
    "phone" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SchoolContact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Child" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "dateOfBirth" DATE NOT NULL,
    "schoolId" TEXT,
    "yearGroup" INTEGER,
    "retainUntil" DATE,
    "anonymisedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Child_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChildContact" (
    "id" TEXT NOT NULL,
    "childId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "relationship" TEXT NOT NULL,
    "phone" TEXT,
    "email" TEXT,
    "consent" "ConsentStatus" NOT NULL DEFAULT 'PENDING',
    "consentRecordedOn" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChildContact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Referral" (
    "id" TEXT NOT NULL,
    "childId" TEXT NOT NULL,
    "schoolId" TEXT,
    "receivedOn" DATE NOT NULL,
    "referrerName" TEXT NOT NULL,
    "referrerRole" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "parentConsent" "ConsentStatus" NOT NULL DEFAULT 'PENDING',
    "parentConsentOn" DATE,
    "childAgreement" BOOLEAN NOT NULL DEFAULT false,
    "decision" "ReferralDecision" NOT NULL DEFAULT 'PENDING',
    "decisionReason" TEXT,
    "decidedOn" DATE,
    "decidedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Referral_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Allocation" (
    "id" TEXT NOT NULL,
    "childId" TEXT NOT NULL,
    "placementId" TEXT NOT NULL,
    "studentId" TEXT NOT NULL,
    "overseeingPeId" TEXT NOT NULL,
    "kind" "AllocationKind" NOT NULL,
    "groupLabel" TEXT,
    "startDate" DATE NOT NULL,
    "endDate" DATE,
    "status" "AllocationStatus" NOT NULL DEFAULT 'ACTIVE',
    "peSignedOffAt" TIMESTAMP(3),
    "peSignedOffById" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Allocation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DirectWorkTheme" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DirectWorkTheme_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DirectWorkProgramme" (
    "id" TEXT NOT NULL,
    "allocationId" TEXT NOT NULL,
    "plannedSessions" INTEGER NOT NULL DEFAULT 6,
    "agreedWithSchool" BOOLEAN NOT NULL DEFAULT false,
    "agreedWithChild" BOOLEAN NOT NULL DEFAULT false,
    "agreedWithParents" BOOLEAN NOT NULL DEFAULT false,
    "startDate" DATE NOT NULL,
    "endDate" DATE NOT NULL,
    "closingSummary" TEXT,
    "closedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "DirectWorkProgramme_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProgrammeSession" (
    "id" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "plannedOn" DATE NOT NULL,
    "theme" TEXT NOT NULL,
    "status" "ProgrammeSessionStatus" NOT NULL DEFAULT 'PLANNED',
    "heldOn" DATE,
    "cancelledBy" "CancelledBy",
    "whatWasDone" TEXT NOT NULL DEFAULT '',
    "childsWords" TEXT NOT NULL DEFAULT '',
    "studentReflection" TEXT NOT NULL DEFAULT '',
    "childRating" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "ProgrammeSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutcomeGoal" (
    "id" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "description" TEXT NOT NULL,
    "startScore" INTEGER,
    "reviewScore" INTEGER,
    "endScore" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutcomeGoal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChildAssessment" (
    "id" TEXT NOT NULL,
    "allocationId" TEXT NOT NULL,
    "startDate" DATE NOT NULL,
    "dueDate" DATE NOT NULL,
    "status" "AssessmentStatus" NOT NULL DEFAULT 'IN_PROGRESS',
    "outcome" "AssessmentOutcome",
    "completedOn" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "ChildAssessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LifeStoryWork" (
    "id" TEXT NOT NULL,
    "allocationId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LifeStoryWork_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LifeStoryStage" (
    "id" TEXT NOT NULL,
    "workId" TEXT NOT NULL,
    "stage" "LifeStoryStageName" NOT NULL,
    "startedOn" DATE,
    "completedOn" DATE,
    "notes" TEXT NOT NULL DEFAULT '',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LifeStoryStage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SafeguardingConcern" (
    "id" TEXT NOT NULL,
    "childId" TEXT NOT NULL,
    "raisedById" TEXT NOT NULL,
    "raisedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sourceEntity" TEXT,
    "sourceId" TEXT,
    "description" TEXT NOT NULL,
    "status" "SafeguardingStatus" NOT NULL DEFAULT 'OPEN',
    "actionTaken" TEXT,
    "actionRecordedAt" TIMESTAMP(3),
    "actionRecordedById" TEXT,

    CONSTRAINT "SafeguardingConcern_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "link" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMP(3),

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChildFeedback" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "rating" INTEGER NOT NULL,
    "whatWasGood" TEXT NOT NULL DEFAULT '',
    "whatCouldBeBetter" TEXT NOT NULL DEFAULT '',
    "givenBy" TEXT NOT NULL DEFAULT 'CHILD',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChildFeedback_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FeedbackLink" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FeedbackLink_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SchoolContact_schoolId_idx" ON "SchoolContact"("schoolId");

-- CreateIndex
CREATE UNIQUE INDEX "Child_code_key" ON "Child"("code");

-- CreateIndex
CREATE INDEX "Child_teamId_idx" ON "Child"("teamId");

-- CreateIndex
CREATE INDEX "Referral_childId_idx" ON "Referral"("childId");

-- CreateIndex
CREATE INDEX "Allocation_childId_status_idx" ON "Allocation"("childId", "status");

-- CreateIndex
CREATE INDEX "Allocation_studentId_status_idx" ON "Allocation"("studentId", "status");

-- CreateIndex
CREATE INDEX "Allocation_overseeingPeId_status_idx" ON "Allocation"("overseeingPeId", "status");

-- CreateIndex
CREATE INDEX "Allocation_placementId_idx" ON "Allocation"("placementId");

-- CreateIndex
CREATE UNIQUE INDEX "DirectWorkTheme_teamId_name_key" ON "DirectWorkTheme"("teamId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "DirectWorkProgramme_allocationId_key" ON "DirectWorkProgramme"("allocationId");

-- CreateIndex
CREATE UNIQUE INDEX "ProgrammeSession_programmeId_number_key" ON "ProgrammeSession"("programmeId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "OutcomeGoal_programmeId_number_key" ON "OutcomeGoal"("programmeId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "ChildAssessment_allocationId_key" ON "ChildAssessment"("allocationId");

-- CreateIndex
CREATE UNIQUE INDEX "LifeStoryWork_allocationId_key" ON "LifeStoryWork"("allocationId");

-- CreateIndex
CREATE UNIQUE INDEX "LifeStoryStage_workId_stage_key" ON "LifeStoryStage"("workId", "stage");

-- CreateIndex
CREATE INDEX "SafeguardingConcern_status_idx" ON "SafeguardingConcern"("status");

-- CreateIndex
CREATE INDEX "SafeguardingConcern_childId_idx" ON "SafeguardingConcern"("childId");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_idx" ON "Notification"("userId", "readAt");

-- CreateIndex
CREATE UNIQUE INDEX "FeedbackLink_tokenHash_key" ON "FeedbackLink"("tokenHash");

-- AddForeignKey
ALTER TABLE "SchoolContact" ADD CONSTRAINT "SchoolContact_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Child" ADD CONSTRAINT "Child_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Child" ADD CONSTRAINT "Child_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChildContact" ADD CONSTRAINT "ChildContact_childId_fkey" FOREIGN KEY ("childId") REFERENCES "Child"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_childId_fkey" FOREIGN KEY ("childId") REFERENCES "Child"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Allocation" ADD CONSTRAINT "Allocation_childId_fkey" FOREIGN KEY ("childId") REFERENCES "Child"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Allocation" ADD CONSTRAINT "Allocation_placementId_fkey" FOREIGN KEY ("placementId") REFERENCES "Placement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Allocation" ADD CONSTRAINT "Allocation_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Allocation" ADD CONSTRAINT "Allocation_overseeingPeId_fkey" FOREIGN KEY ("overseeingPeId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Allocation" ADD CONSTRAINT "Allocation_peSignedOffById_fkey" FOREIGN KEY ("peSignedOffById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Allocation" ADD CONSTRAINT "Allocation_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DirectWorkTheme" ADD CONSTRAINT "DirectWorkTheme_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DirectWorkProgramme" ADD CONSTRAINT "DirectWorkProgramme_allocationId_fkey" FOREIGN KEY ("allocationId") REFERENCES "Allocation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgrammeSession" ADD CONSTRAINT "ProgrammeSession_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "DirectWorkProgramme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutcomeGoal" ADD CONSTRAINT "OutcomeGoal_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "DirectWorkProgramme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChildAssessment" ADD CONSTRAINT "ChildAssessment_allocationId_fkey" FOREIGN KEY ("allocationId") REFERENCES "Allocation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LifeStoryWork" ADD CONSTRAINT "LifeStoryWork_allocationId_fkey" FOREIGN KEY ("allocationId") REFERENCES "Allocation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LifeStoryStage" ADD CONSTRAINT "LifeStoryStage_workId_fkey" FOREIGN KEY ("workId") REFERENCES "LifeStoryWork"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SafeguardingConcern" ADD CONSTRAINT "SafeguardingConcern_childId_fkey" FOREIGN KEY ("childId") REFERENCES "Child"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SafeguardingConcern" ADD CONSTRAINT "SafeguardingConcern_raisedById_fkey" FOREIGN KEY ("raisedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SafeguardingConcern" ADD CONSTRAINT "SafeguardingConcern_actionRecordedById_fkey" FOREIGN KEY ("actionRecordedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChildFeedback" ADD CONSTRAINT "ChildFeedback_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "ProgrammeSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedbackLink" ADD CONSTRAINT "FeedbackLink_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "ProgrammeSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedbackLink" ADD CONSTRAINT "FeedbackLink_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
