-- CreateEnum
CREATE TYPE "CapabilityLevel" AS ENUM ('READINESS_FOR_DIRECT_PRACTICE', 'END_OF_FIRST_PLACEMENT', 'END_OF_LAST_PLACEMENT');

-- CreateEnum
CREATE TYPE "EvidenceType" AS ENUM ('REFLECTIVE_LOG', 'SESSION_PLAN', 'CASE_NOTE_EXTRACT', 'CHILD_OR_FAMILY_FEEDBACK', 'PROFESSIONAL_FEEDBACK', 'TRAINING_CERTIFICATE', 'OTHER');

-- CreateEnum
CREATE TYPE "EvidenceStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED', 'ACCEPTED');

-- CreateEnum
CREATE TYPE "EvidenceCommentKind" AS ENUM ('COMMENT', 'SUBMITTED', 'CHANGES_REQUESTED', 'ACCEPTED', 'ADDENDUM');

-- CreateEnum
CREATE TYPE "MilestoneKind" AS ENUM ('LEARNING_AGREEMENT', 'MIDPOINT_REVIEW', 'FINAL_REVIEW');

-- CreateEnum
CREATE TYPE "MeetingAttendee" AS ENUM ('STUDENT', 'PRACTICE_EDUCATOR', 'ONSITE_SUPERVISOR', 'TUTOR');

-- CreateEnum
CREATE TYPE "MilestoneRecommendation" AS ENUM ('ON_TRACK', 'CONCERNS', 'PASS', 'FAIL', 'REFER');

-- CreateEnum
CREATE TYPE "ConcernStage" AS ENUM ('STAGE_1_MEETING', 'ACTION_PLAN', 'REVIEW', 'STAGE_2_MEETING', 'OUTCOME');

-- CreateEnum
CREATE TYPE "ConcernStatus" AS ENUM ('OPEN', 'RESOLVED');

-- CreateEnum
CREATE TYPE "ConcernOutcome" AS ENUM ('RESOLVED', 'EXTEND', 'CHANGE_PLACEMENT', 'SUSPEND', 'FAIL');

-- CreateEnum
CREATE TYPE "FinalAssessmentStatus" AS ENUM ('DRAFT', 'PE_SIGNED', 'AWAITING_RATIFICATION', 'COMPLETE');

-- CreateEnum
CREATE TYPE "FinalRecommendation" AS ENUM ('PASS', 'FAIL', 'REFER');

-- AlterTable
ALTER TABLE "Placement" ADD COLUMN     "observationsRequired" INTEGER NOT NULL DEFAULT 2;

-- CreateTable
CREATE TABLE "Framework" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "publishedBy" TEXT NOT NULL DEFAULT '',
    "effectiveFrom" DATE NOT NULL,
    "effectiveTo" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Framework_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FrameworkItem" (
    "id" TEXT NOT NULL,
    "frameworkId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "superDomain" TEXT,
    "description" TEXT NOT NULL DEFAULT '',
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "FrameworkItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FrameworkLevelDescriptor" (
    "id" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "level" "CapabilityLevel" NOT NULL,
    "text" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "FrameworkLevelDescriptor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvidenceItem" (
    "id" TEXT NOT NULL,
    "placementId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "occurredOn" DATE NOT NULL,
    "type" "EvidenceType" NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "childCode" TEXT,
    "status" "EvidenceStatus" NOT NULL DEFAULT 'DRAFT',
    "submittedAt" TIMESTAMP(3),
    "reviewedAt" TIMESTAMP(3),
    "reviewedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "EvidenceItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvidenceLink" (
    "id" TEXT NOT NULL,
    "evidenceId" TEXT NOT NULL,
    "frameworkItemId" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "EvidenceLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvidenceAttachment" (
    "id" TEXT NOT NULL,
    "evidenceId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "uploadedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EvidenceAttachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvidenceComment" (
    "id" TEXT NOT NULL,
    "evidenceId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "kind" "EvidenceCommentKind" NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EvidenceComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DirectObservation" (
    "id" TEXT NOT NULL,
    "placementId" TEXT NOT NULL,
    "observerId" TEXT NOT NULL,
    "observedOn" DATE NOT NULL,
    "activity" TEXT NOT NULL,
    "preparationNote" TEXT NOT NULL DEFAULT '',
    "feedback" TEXT NOT NULL DEFAULT '',
    "feedbackAt" TIMESTAMP(3),
    "reflection" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "DirectObservation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ObservationDomain" (
    "observationId" TEXT NOT NULL,
    "frameworkItemId" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "ObservationDomain_pkey" PRIMARY KEY ("observationId","frameworkItemId")
);

-- CreateTable
CREATE TABLE "PlacementMilestone" (
    "id" TEXT NOT NULL,
    "placementId" TEXT NOT NULL,
    "kind" "MilestoneKind" NOT NULL,
    "heldOn" DATE NOT NULL,
    "attendees" "MeetingAttendee"[],
    "notes" TEXT NOT NULL DEFAULT '',
    "learningNeeds" TEXT NOT NULL DEFAULT '',
    "learningOpportunities" TEXT NOT NULL DEFAULT '',
    "reasonableAdjustments" TEXT NOT NULL DEFAULT '',
    "supervisionArrangements" TEXT NOT NULL DEFAULT '',
    "recommendation" "MilestoneRecommendation",
    "actionPlan" TEXT NOT NULL DEFAULT '',
    "earlyReason" TEXT,
    "daysCompletedAtMeeting" INTEGER,
    "recordedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "PlacementMilestone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CauseForConcern" (
    "id" TEXT NOT NULL,
    "placementId" TEXT NOT NULL,
    "raisedById" TEXT NOT NULL,
    "raisedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "summary" TEXT NOT NULL,
    "stage" "ConcernStage" NOT NULL DEFAULT 'STAGE_1_MEETING',
    "status" "ConcernStatus" NOT NULL DEFAULT 'OPEN',
    "outcome" "ConcernOutcome",
    "closedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "CauseForConcern_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConcernEvent" (
    "id" TEXT NOT NULL,
    "concernId" TEXT NOT NULL,
    "stage" "ConcernStage" NOT NULL,
    "heldOn" DATE NOT NULL,
    "notes" TEXT NOT NULL,
    "recordedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConcernEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConcernAction" (
    "id" TEXT NOT NULL,
    "concernId" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "dueOn" DATE NOT NULL,
    "doneAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConcernAction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FinalAssessment" (
    "id" TEXT NOT NULL,
    "placementId" TEXT NOT NULL,
    "practiceEducatorId" TEXT NOT NULL,
    "holisticSummary" TEXT NOT NULL DEFAULT '',
    "studentReflection" TEXT NOT NULL DEFAULT '',
    "developmentPlan" TEXT NOT NULL DEFAULT '',
    "recommendation" "FinalRecommendation",
    "status" "FinalAssessmentStatus" NOT NULL DEFAULT 'DRAFT',
    "peSignedAt" TIMESTAMP(3),
    "studentSignedAt" TIMESTAMP(3),
    "onsiteSignedAt" TIMESTAMP(3),
    "onsiteSignedById" TEXT,
    "ratifiedAt" TIMESTAMP(3),
    "ratifiedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "reflectionVersion" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "FinalAssessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FinalDomainAssessment" (
    "assessmentId" TEXT NOT NULL,
    "frameworkItemId" TEXT NOT NULL,
    "text" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "FinalDomainAssessment_pkey" PRIMARY KEY ("assessmentId","frameworkItemId")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" TEXT NOT NULL,
    "universityId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "lastUsedAt" TIMESTAMP(3),

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReminderSent" (
    "userId" TEXT NOT NULL,
    "itemKey" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReminderSent_pkey" PRIMARY KEY ("userId","itemKey","day")
);

-- CreateTable
CREATE TABLE "RateLimitWindow" (
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RateLimitWindow_pkey" PRIMARY KEY ("key","windowStart")
);

-- CreateIndex
CREATE UNIQUE INDEX "Framework_code_version_key" ON "Framework"("code", "version");

-- CreateIndex
CREATE UNIQUE INDEX "FrameworkItem_frameworkId_number_key" ON "FrameworkItem"("frameworkId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "FrameworkItem_frameworkId_code_key" ON "FrameworkItem"("frameworkId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "FrameworkLevelDescriptor_itemId_level_key" ON "FrameworkLevelDescriptor"("itemId", "level");

-- CreateIndex
CREATE INDEX "EvidenceItem_placementId_status_idx" ON "EvidenceItem"("placementId", "status");

-- CreateIndex
CREATE INDEX "EvidenceItem_updatedAt_idx" ON "EvidenceItem"("updatedAt");

-- CreateIndex
CREATE INDEX "EvidenceLink_frameworkItemId_idx" ON "EvidenceLink"("frameworkItemId");

-- CreateIndex
CREATE UNIQUE INDEX "EvidenceLink_evidenceId_frameworkItemId_key" ON "EvidenceLink"("evidenceId", "frameworkItemId");

-- CreateIndex
CREATE UNIQUE INDEX "EvidenceAttachment_storageKey_key" ON "EvidenceAttachment"("storageKey");

-- CreateIndex
CREATE INDEX "EvidenceAttachment_evidenceId_idx" ON "EvidenceAttachment"("evidenceId");

-- CreateIndex
CREATE INDEX "EvidenceComment_evidenceId_createdAt_idx" ON "EvidenceComment"("evidenceId", "createdAt");

-- CreateIndex
CREATE INDEX "DirectObservation_placementId_observedOn_idx" ON "DirectObservation"("placementId", "observedOn");

-- CreateIndex
CREATE UNIQUE INDEX "PlacementMilestone_placementId_kind_key" ON "PlacementMilestone"("placementId", "kind");

-- CreateIndex
CREATE INDEX "CauseForConcern_placementId_status_idx" ON "CauseForConcern"("placementId", "status");

-- CreateIndex
CREATE INDEX "ConcernEvent_concernId_createdAt_idx" ON "ConcernEvent"("concernId", "createdAt");

-- CreateIndex
CREATE INDEX "ConcernAction_concernId_idx" ON "ConcernAction"("concernId");

-- CreateIndex
CREATE UNIQUE INDEX "FinalAssessment_placementId_key" ON "FinalAssessment"("placementId");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "ApiToken_universityId_idx" ON "ApiToken"("universityId");

-- CreateIndex
CREATE INDEX "Placement_updatedAt_idx" ON "Placement"("updatedAt");

-- AddForeignKey
ALTER TABLE "FrameworkItem" ADD CONSTRAINT "FrameworkItem_frameworkId_fkey" FOREIGN KEY ("frameworkId") REFERENCES "Framework"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FrameworkLevelDescriptor" ADD CONSTRAINT "FrameworkLevelDescriptor_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "FrameworkItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceItem" ADD CONSTRAINT "EvidenceItem_placementId_fkey" FOREIGN KEY ("placementId") REFERENCES "Placement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceItem" ADD CONSTRAINT "EvidenceItem_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceItem" ADD CONSTRAINT "EvidenceItem_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceLink" ADD CONSTRAINT "EvidenceLink_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "EvidenceItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceLink" ADD CONSTRAINT "EvidenceLink_frameworkItemId_fkey" FOREIGN KEY ("frameworkItemId") REFERENCES "FrameworkItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceAttachment" ADD CONSTRAINT "EvidenceAttachment_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "EvidenceItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceAttachment" ADD CONSTRAINT "EvidenceAttachment_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceComment" ADD CONSTRAINT "EvidenceComment_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "EvidenceItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceComment" ADD CONSTRAINT "EvidenceComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DirectObservation" ADD CONSTRAINT "DirectObservation_placementId_fkey" FOREIGN KEY ("placementId") REFERENCES "Placement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DirectObservation" ADD CONSTRAINT "DirectObservation_observerId_fkey" FOREIGN KEY ("observerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DirectObservation" ADD CONSTRAINT "DirectObservation_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ObservationDomain" ADD CONSTRAINT "ObservationDomain_observationId_fkey" FOREIGN KEY ("observationId") REFERENCES "DirectObservation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ObservationDomain" ADD CONSTRAINT "ObservationDomain_frameworkItemId_fkey" FOREIGN KEY ("frameworkItemId") REFERENCES "FrameworkItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlacementMilestone" ADD CONSTRAINT "PlacementMilestone_placementId_fkey" FOREIGN KEY ("placementId") REFERENCES "Placement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlacementMilestone" ADD CONSTRAINT "PlacementMilestone_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CauseForConcern" ADD CONSTRAINT "CauseForConcern_placementId_fkey" FOREIGN KEY ("placementId") REFERENCES "Placement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CauseForConcern" ADD CONSTRAINT "CauseForConcern_raisedById_fkey" FOREIGN KEY ("raisedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConcernEvent" ADD CONSTRAINT "ConcernEvent_concernId_fkey" FOREIGN KEY ("concernId") REFERENCES "CauseForConcern"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConcernEvent" ADD CONSTRAINT "ConcernEvent_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConcernAction" ADD CONSTRAINT "ConcernAction_concernId_fkey" FOREIGN KEY ("concernId") REFERENCES "CauseForConcern"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FinalAssessment" ADD CONSTRAINT "FinalAssessment_placementId_fkey" FOREIGN KEY ("placementId") REFERENCES "Placement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FinalAssessment" ADD CONSTRAINT "FinalAssessment_practiceEducatorId_fkey" FOREIGN KEY ("practiceEducatorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FinalAssessment" ADD CONSTRAINT "FinalAssessment_onsiteSignedById_fkey" FOREIGN KEY ("onsiteSignedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FinalAssessment" ADD CONSTRAINT "FinalAssessment_ratifiedById_fkey" FOREIGN KEY ("ratifiedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FinalDomainAssessment" ADD CONSTRAINT "FinalDomainAssessment_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "FinalAssessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FinalDomainAssessment" ADD CONSTRAINT "FinalDomainAssessment_frameworkItemId_fkey" FOREIGN KEY ("frameworkItemId") REFERENCES "FrameworkItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_universityId_fkey" FOREIGN KEY ("universityId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Frameworks as versioned data (DOMAIN.md). An admin may correct the text; a revision is a new version.
INSERT INTO "Framework" ("id","code","name","version","publishedBy","effectiveFrom","effectiveTo") VALUES ('fw_pcf_2018','PCF','Professional Capabilities Framework','2018','British Association of Social Workers (BASW)','2018-06-01',NULL);
INSERT INTO "Framework" ("id","code","name","version","publishedBy","effectiveFrom","effectiveTo") VALUES ('fw_swe_2019','SWE','Social Work England professional standards','2019','Social Work England','2019-12-02',NULL);
INSERT INTO "Framework" ("id","code","name","version","publishedBy","effectiveFrom","effectiveTo") VALUES ('fw_kss_2018','KSS','Knowledge and Skills Statement for child and family practitioners','2018','Department for Education','2018-01-01','2027-04-01');
INSERT INTO "FrameworkItem" ("id","frameworkId","number","code","name","superDomain","description","updatedAt") VALUES ('fi_pcf_2018_1','fw_pcf_2018',1,'PROFESSIONALISM','Professionalism','Purpose','Identify and behave as a professional social worker, committed to professional development.',CURRENT_TIMESTAMP);
INSERT INTO "FrameworkLevelDescriptor" ("id","itemId","level","text","updatedAt") VALUES ('fi_pcf_2018_1_readiness_for_direct_practice','fi_pcf_2018_1','READINESS_FOR_DIRECT_PRACTICE','Shows an understanding of the social work role, its boundaries and accountability; uses supervision to reflect.',CURRENT_TIMESTAMP);
INSERT INTO "FrameworkLevelDescriptor" ("id","itemId","level","text","updatedAt") VALUES ('fi_pcf_2018_1_end_of_first_placement','fi_pcf_2018_1','END_OF_FIRST_PLACEMENT','Behaves professionally and reliably with people who use services and colleagues; manages workload with support; uses supervision and feedback to learn; recognises the need for personal and professional boundaries.',CURRENT_TIMESTAMP);
INSERT INTO "FrameworkLevelDescriptor" ("id","itemId","level","text","updatedAt") VALUES ('fi_pcf_2018_1_end_of_last_placement','fi_pcf_2018_1','END_OF_LAST_PLACEMENT','Demonstrates professionalism across a range of situations with growing autonomy; takes responsibility for their practice and learning; uses supervision critically; recognises and manages the impact of the work on themselves.',CURRENT_TIMESTAMP);
INSERT INTO "FrameworkItem" ("id","frameworkId","number","code","name","superDomain","description","updatedAt") VALUES ('fi_pcf_2018_2','fw_pcf_2018',2,'VALUES_AND_ETHICS','Values and Ethics','Purpose','Apply social work ethical principles and values to guide professional practice.',CURRENT_TIMESTAMP);
INSERT INTO "FrameworkLevelDescriptor" ("id","itemId","level","text","updatedAt") VALUES ('fi_pcf_2018_2_readiness_for_direct_practice','fi_pcf_2018_2','READINESS_FOR_DIRECT_PRACTICE','Understands social work values and the codes that guide practice; recognises how their own values may affect their work.',CURRENT_TIMESTAMP);
INSERT INTO "FrameworkLevelDescriptor" ("id","itemId","level","text","updatedAt") VALUES ('fi_pcf_2018_2_end_of_first_placement','fi_pcf_2018_2','END_OF_FIRST_PLACEMENT','Recognises and manages the impact of their own values on practice in less complex situations; treats people with dignity and respect; applies ethical principles with guidance.',CURRENT_TIMESTAMP);
INSERT INTO "FrameworkLevelDescriptor" ("id","itemId","level","text","updatedAt") VALUES ('fi_pcf_2018_2_end_of_last_placement','fi_pcf_2018_2','END_OF_LAST_PLACEMENT','Applies ethical reasoning to complex situations and competing interests; promotes the rights and dignity of people who use services; manages ethical dilemmas, seeking guidance where needed.',CURRENT_TIMESTAMP);
INSERT INTO "FrameworkItem" ("id","frameworkId","number","code","name","superDomain","description","updatedAt") VALUES ('fi_pcf_2018_3','fw_pcf_2018',3,'DIVERSITY_AND_EQUALITY','Diversity and Equality','Purpose','Recognise diversity and apply anti-discriminatory and anti-oppressive principles in practice.',CURRENT_TIMESTAMP);
INSERT INTO "FrameworkLevelDescriptor" ("id","itemId","level","text","updatedAt") VALUES ('fi_pcf_2018_3_readiness_for_direct_practice','fi_pcf_2018_3','READINESS_FOR_DIRECT_PRACTICE','Understands how diversity characterises experience and how oppression and discrimination arise.',CURRENT_TIMESTAMP);
INSERT INTO "FrameworkLevelDescriptor" ("id","itemId","level","text","updatedAt") VALUES ('fi_pcf_2018_3_end_of_first_placement','fi_pcf_2018_3','END_OF_FIRST_PLACEMENT','Recognises the impact of diversity, discrimination and oppression on the people they work with, and starts to challenge it with support.',CURRENT_TIMESTAMP);
INSERT INTO "FrameworkLevelDescriptor" ("id","itemId","level","text","updatedAt") VALUES ('fi_pcf_2018_3_end_of_last_placement','fi_pcf_2018_3','END_OF_LAST_PLACEMENT','Identifies and challenges discrimination and oppression in practice and in organisations; works with difference confidently and adapts practice to it.',CURRENT_TIMESTAMP);
INSERT INTO "FrameworkItem" ("id","frameworkId","number","code","name","superDomain","description","updatedAt") VALUES ('fi_pcf_2018_4','fw_pcf_2018',4,'RIGHTS_JUSTICE_ECONOMIC_WELLBEING','Rights, Justice and Economic Wellbeing','Purpose','Advance human rights and promote social justice and economic wellbeing.',CURRENT_TIMESTAMP);
INSERT INTO "FrameworkLevelDescriptor" ("id","itemId","level","text","updatedAt") VALUES ('fi_pcf_2018_4_readiness_for_direct_practice','fi_pcf_2018_4','READINESS_FOR_DIRECT_PRACTICE','Understands the principles of rights, justice and economic wellbeing and their relevance to social work.',CURRENT_TIMESTAMP);
INSERT INTO "FrameworkLevelDescriptor" ("id","itemId","level","text","updatedAt") VALUES ('fi_pcf_2018_4_end_of_first_placement','fi_pcf_2018_4','END_OF_FIRST_PLACEMENT','Applies understanding of rights, justice and economic wellbeing in less complex situations; recognises the impact of poverty and exclusion.',CURRENT_TIMESTAMP);
INSERT INTO "FrameworkLevelDescriptor" ("id","itemId","level","text","updatedAt") VALUES ('fi_pcf_2018_4_end_of_last_placement','fi_pcf_2018_4','END_OF_LAST_PLACEMENT','Uses legislation and policy to advance rights; addresses the effects of poverty and disadvantage; advocates for people who use services in a range of situations.',CURRENT_TIMESTAMP);
INSERT INTO "FrameworkItem" ("id","frameworkId","number","code","name","superDomain","description","updatedAt") VALUES ('fi_pcf_2018_5','fw_pcf_2018',5,'KNOWLEDGE','Knowledge','Practice','Develop and apply relevant knowledge from social work practice and research, social sciences, law, other professional and relevant fields, and from the experience of people who use services.',CURRENT_TIMESTAMP);
INSERT INTO "FrameworkLevelDescriptor" ("id","itemId","level","text","updatedAt") VALUES ('fi_pcf_2018_5_readiness_for_direct_practice','fi_pcf_2018_5','READINESS_FOR_DIRECT_PRACTICE','Has an initial understanding of the knowledge base of social work: human development, law, social policy and theory.',CURRENT_TIMESTAMP);
INSERT INTO "FrameworkLevelDescriptor" ("id","itemId","level","text","updatedAt") VALUES ('fi_pcf_2018_5_end_of_first_placement','fi_pcf_2018_5','END_OF_FIRST_PLACEMENT','Applies knowledge of law, policy, theory and research to their work in less complex situations, including child development and the experience of people who use services.',CURRENT_TIMESTAMP);
INSERT INTO "FrameworkLevelDescriptor" ("id","itemId","level","text","updatedAt") VALUES ('fi_pcf_2018_5_end_of_last_placement','fi_pcf_2018_5','END_OF_LAST_PLACEMENT','Applies and integrates a wide range of knowledge, including law and research, to complex situations; explains how knowledge informs judgements.',CURRENT_TIMESTAMP);
INSERT INTO "FrameworkItem" ("id","frameworkId","number","code","name","superDomain","description","updatedAt") VALUES ('fi_pcf_2018_6','fw_pcf_2018',6,'CRITICAL_REFLECTION_AND_ANALYSIS','Critical Reflection and Analysis','Practice','Apply critical reflection and analysis to inform and provide a rationale for professional decision-making.',CURRENT_TIMESTAMP);
INSERT INTO "FrameworkLevelDescriptor" ("id","itemId","level","text","updatedAt") VALUES ('fi_pcf_2018_6_readiness_for_direct_practice','fi_pcf_2018_6','READINESS_FOR_DIRECT_PRACTICE','Understands the role of reflection and analysis in practice and can reflect on their own learning.',CURRENT_TIMESTAMP);
INSERT INTO "FrameworkLevelDescriptor" ("id","itemId","level","text","updatedAt") VALUES ('fi_pcf_2018_6_end_of_first_placement','fi_pcf_2018_6','END_OF_FIRST_PLACEMENT','Reflects on their practice in supervision and in writing; uses analysis of information to inform decisions with guidance.',CURRENT_TIMESTAMP);
INSERT INTO "FrameworkLevelDescriptor" ("id","itemId","level","text","updatedAt") VALUES ('fi_pcf_2018_6_end_of_last_placement','fi_pcf_2018_6','END_OF_LAST_PLACEMENT','Uses critical reflection and analysis to weigh evidence, manage uncertainty and justify decisions; reflects on practice to improve it.',CURRENT_TIMESTAMP);
INSERT INTO "FrameworkItem" ("id","frameworkId","number","code","name","superDomain","description","updatedAt") VALUES ('fi_pcf_2018_7','fw_pcf_2018',7,'SKILLS_AND_INTERVENTIONS','Skills and Interventions','Practice','Use judgement, knowledge and authority to intervene with individuals, families and communities to promote independence, provide support, prevent harm and enable progress.',CURRENT_TIMESTAMP);
INSERT INTO "FrameworkLevelDescriptor" ("id","itemId","level","text","updatedAt") VALUES ('fi_pcf_2018_7_readiness_for_direct_practice','fi_pcf_2018_7','READINESS_FOR_DIRECT_PRACTICE','Demonstrates basic communication skills and awareness of the range of interventions in social work.',CURRENT_TIMESTAMP);
INSERT INTO "FrameworkLevelDescriptor" ("id","itemId","level","text","updatedAt") VALUES ('fi_pcf_2018_7_end_of_first_placement','fi_pcf_2018_7','END_OF_FIRST_PLACEMENT','Communicates effectively with children, families and professionals; plans and carries out direct work and assessments in less complex situations with support.',CURRENT_TIMESTAMP);
INSERT INTO "FrameworkLevelDescriptor" ("id","itemId","level","text","updatedAt") VALUES ('fi_pcf_2018_7_end_of_last_placement','fi_pcf_2018_7','END_OF_LAST_PLACEMENT','Uses a range of methods and interventions in more complex situations; builds relationships that enable change; assesses and manages risk with growing independence.',CURRENT_TIMESTAMP);
INSERT INTO "FrameworkItem" ("id","frameworkId","number","code","name","superDomain","description","updatedAt") VALUES ('fi_pcf_2018_8','fw_pcf_2018',8,'CONTEXTS_AND_ORGANISATIONS','Contexts and Organisations','Impact','Engage with, inform, and adapt to changing organisational contexts, and the social and policy environments that shape practice.',CURRENT_TIMESTAMP);
INSERT INTO "FrameworkLevelDescriptor" ("id","itemId","level","text","updatedAt") VALUES ('fi_pcf_2018_8_readiness_for_direct_practice','fi_pcf_2018_8','READINESS_FOR_DIRECT_PRACTICE','Understands that social work operates within organisational, legal and policy contexts.',CURRENT_TIMESTAMP);
INSERT INTO "FrameworkLevelDescriptor" ("id","itemId","level","text","updatedAt") VALUES ('fi_pcf_2018_8_end_of_first_placement','fi_pcf_2018_8','END_OF_FIRST_PLACEMENT','Works within the organisation''s policies and procedures; works with other professionals and agencies in less complex situations.',CURRENT_TIMESTAMP);
INSERT INTO "FrameworkLevelDescriptor" ("id","itemId","level","text","updatedAt") VALUES ('fi_pcf_2018_8_end_of_last_placement','fi_pcf_2018_8','END_OF_LAST_PLACEMENT','Works effectively within and across organisations; understands and responds to the policy context; contributes to multi-agency work and decisions.',CURRENT_TIMESTAMP);
INSERT INTO "FrameworkItem" ("id","frameworkId","number","code","name","superDomain","description","updatedAt") VALUES ('fi_pcf_2018_9','fw_pcf_2018',9,'PROFESSIONAL_LEADERSHIP','Professional Leadership','Impact','Promote the profession and good social work practice; take responsibility for the professional learning and development of others.',CURRENT_TIMESTAMP);
INSERT INTO "FrameworkLevelDescriptor" ("id","itemId","level","text","updatedAt") VALUES ('fi_pcf_2018_9_readiness_for_direct_practice','fi_pcf_2018_9','READINESS_FOR_DIRECT_PRACTICE','Understands the importance of professional learning and of contributing to the learning of others.',CURRENT_TIMESTAMP);
INSERT INTO "FrameworkLevelDescriptor" ("id","itemId","level","text","updatedAt") VALUES ('fi_pcf_2018_9_end_of_first_placement','fi_pcf_2018_9','END_OF_FIRST_PLACEMENT','Shares learning with colleagues and peers; contributes to team discussions and to the learning of others.',CURRENT_TIMESTAMP);
INSERT INTO "FrameworkLevelDescriptor" ("id","itemId","level","text","updatedAt") VALUES ('fi_pcf_2018_9_end_of_last_placement','fi_pcf_2018_9','END_OF_LAST_PLACEMENT','Contributes to the learning and development of others and to the profession, for example by sharing research or presenting practice.',CURRENT_TIMESTAMP);
INSERT INTO "FrameworkItem" ("id","frameworkId","number","code","name","updatedAt") VALUES ('fi_swe_2019_1','fw_swe_2019',1,'PROMOTE_RIGHTS','Promote the rights, strengths and wellbeing of people, families and communities.',CURRENT_TIMESTAMP);
INSERT INTO "FrameworkItem" ("id","frameworkId","number","code","name","updatedAt") VALUES ('fi_swe_2019_2','fw_swe_2019',2,'TRUST_AND_CONFIDENCE','Establish and maintain the trust and confidence of people.',CURRENT_TIMESTAMP);
INSERT INTO "FrameworkItem" ("id","frameworkId","number","code","name","updatedAt") VALUES ('fi_swe_2019_3','fw_swe_2019',3,'ACCOUNTABLE','Be accountable for the quality of my practice and the decisions I make.',CURRENT_TIMESTAMP);
INSERT INTO "FrameworkItem" ("id","frameworkId","number","code","name","updatedAt") VALUES ('fi_swe_2019_4','fw_swe_2019',4,'CPD','Maintain my continuing professional development.',CURRENT_TIMESTAMP);
INSERT INTO "FrameworkItem" ("id","frameworkId","number","code","name","updatedAt") VALUES ('fi_swe_2019_5','fw_swe_2019',5,'SAFE_RESPECTFUL','Act safely, respectfully and with professional integrity.',CURRENT_TIMESTAMP);
INSERT INTO "FrameworkItem" ("id","frameworkId","number","code","name","updatedAt") VALUES ('fi_swe_2019_6','fw_swe_2019',6,'ETHICAL_PRACTICE','Promote ethical practice and report concerns.',CURRENT_TIMESTAMP);
INSERT INTO "FrameworkItem" ("id","frameworkId","number","code","name","updatedAt") VALUES ('fi_kss_2018_1','fw_kss_2018',1,'RELATIONSHIPS','Relationships and effective direct work',CURRENT_TIMESTAMP);
INSERT INTO "FrameworkItem" ("id","frameworkId","number","code","name","updatedAt") VALUES ('fi_kss_2018_2','fw_kss_2018',2,'COMMUNICATION','Communication',CURRENT_TIMESTAMP);
INSERT INTO "FrameworkItem" ("id","frameworkId","number","code","name","updatedAt") VALUES ('fi_kss_2018_3','fw_kss_2018',3,'CHILD_DEVELOPMENT','Child development',CURRENT_TIMESTAMP);
INSERT INTO "FrameworkItem" ("id","frameworkId","number","code","name","updatedAt") VALUES ('fi_kss_2018_4','fw_kss_2018',4,'ADULT_FACTORS','Adult mental ill health, substance misuse, domestic abuse, physical ill health and disability',CURRENT_TIMESTAMP);
INSERT INTO "FrameworkItem" ("id","frameworkId","number","code","name","updatedAt") VALUES ('fi_kss_2018_5','fw_kss_2018',5,'ABUSE_AND_NEGLECT','Abuse and neglect of children',CURRENT_TIMESTAMP);
INSERT INTO "FrameworkItem" ("id","frameworkId","number","code","name","updatedAt") VALUES ('fi_kss_2018_6','fw_kss_2018',6,'ASSESSMENT','Child and family assessment',CURRENT_TIMESTAMP);
INSERT INTO "FrameworkItem" ("id","frameworkId","number","code","name","updatedAt") VALUES ('fi_kss_2018_7','fw_kss_2018',7,'ANALYSIS_DECISIONS','Analysis, decision-making, planning and review',CURRENT_TIMESTAMP);
INSERT INTO "FrameworkItem" ("id","frameworkId","number","code","name","updatedAt") VALUES ('fi_kss_2018_8','fw_kss_2018',8,'LAW','The law and the family and youth justice systems',CURRENT_TIMESTAMP);
INSERT INTO "FrameworkItem" ("id","frameworkId","number","code","name","updatedAt") VALUES ('fi_kss_2018_9','fw_kss_2018',9,'SUPERVISION_RESEARCH','The role of supervision and research',CURRENT_TIMESTAMP);
INSERT INTO "FrameworkItem" ("id","frameworkId","number","code","name","updatedAt") VALUES ('fi_kss_2018_10','fw_kss_2018',10,'ORGANISATIONAL_CONTEXT','Organisational context',CURRENT_TIMESTAMP);

-- Final placements need three direct observations by default, first placements two.
UPDATE "Placement" SET "observationsRequired" = 3 WHERE "level" = 'FINAL';
