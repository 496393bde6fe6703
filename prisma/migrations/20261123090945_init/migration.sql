-- CreateEnum
CREATE TYPE "UserRole" AS ENUM ('COORDINATOR', 'SUPERVISOR', 'MANAGER', 'NATIONAL_LEAD', 'ADMIN');

-- CreateEnum
CREATE TYPE "Gender" AS ENUM ('MALE', 'FEMALE', 'OTHER');

-- CreateEnum
CREATE TYPE "BankHolidaySource" AS ENUM ('SHIPPED', 'ADMIN');

-- CreateEnum
CREATE TYPE "OrderType" AS ENUM ('COMMUNITY_ORDER', 'SUSPENDED_SENTENCE_ORDER');

-- CreateEnum
CREATE TYPE "ManagedBy" AS ENUM ('STANDALONE_UPW', 'SENTENCE_MANAGEMENT');

-- CreateEnum
CREATE TYPE "RequirementStatus" AS ENUM ('ACTIVE', 'COMPLETED', 'TERMINATED');

-- CreateEnum
CREATE TYPE "TerminationReason" AS ENUM ('REVOKED', 'EXPIRED_INCOMPLETE', 'OTHER');

-- CreateEnum
CREATE TYPE "RoshLevel" AS ENUM ('LOW', 'MEDIUM', 'HIGH', 'VERY_HIGH');

-- CreateEnum
CREATE TYPE "EteReason" AS ENUM ('NOT_IN_WORK', 'AT_RISK_OF_LOSING_EMPLOYMENT', 'DEVELOPING_EMPLOYMENT_OPTIONS');

-- CreateEnum
CREATE TYPE "PlacementFeature" AS ENUM ('CHILDREN_PRESENT', 'VULNERABLE_ADULTS', 'LONE_WORKING', 'FEMALE_ONLY', 'WELFARE_FACILITIES', 'TOOLS');

-- CreateEnum
CREATE TYPE "PlacementType" AS ENUM ('GROUP', 'INDIVIDUAL', 'INDUCTION', 'ETE');

-- CreateEnum
CREATE TYPE "SessionStatus" AS ENUM ('SCHEDULED', 'CLOSED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "AllocationStatus" AS ENUM ('BOOKED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "LateStartReason" AS ENUM ('PERSON_UNAVAILABLE', 'NO_SUITABLE_PLACEMENT', 'ASSESSMENT_DELAYED', 'HEALTH', 'SERVICE_CAPACITY', 'OTHER');

-- CreateEnum
CREATE TYPE "AttendanceOutcome" AS ENUM ('ATTENDED_COMPLIED', 'ATTENDED_FAILED_TO_COMPLY', 'ATTENDED_SENT_HOME_BEHAVIOUR', 'ATTENDED_SENT_HOME_SERVICE', 'ACCEPTABLE_ABSENCE', 'UNACCEPTABLE_ABSENCE');

-- CreateEnum
CREATE TYPE "AbsenceReason" AS ENUM ('MEDICAL', 'EMPLOYMENT', 'FAMILY_CHILDCARE', 'COURT_LEGAL', 'STOOD_DOWN', 'PROFESSIONAL_JUDGEMENT', 'OTHER');

-- CreateEnum
CREATE TYPE "Rating" AS ENUM ('EXCELLENT', 'GOOD', 'SATISFACTORY', 'UNSATISFACTORY', 'POOR', 'NOT_APPLICABLE');

-- CreateEnum
CREATE TYPE "ApprovalState" AS ENUM ('NOT_NEEDED', 'PENDING', 'APPROVED', 'REJECTED');

-- CreateEnum
CREATE TYPE "IncidentType" AS ENUM ('BEHAVIOUR', 'INJURY', 'NEAR_MISS', 'THREAT_TO_STAFF');

-- CreateEnum
CREATE TYPE "EnforcementType" AS ENUM ('WARNING', 'BREACH');

-- CreateEnum
CREATE TYPE "BreachOutcomeType" AS ENUM ('CONTINUE', 'HOURS_ADDED', 'REVOKED', 'WARRANT_ISSUED', 'WARRANT_EXECUTED');

-- CreateEnum
CREATE TYPE "ReviewKind" AS ENUM ('SIX_MONTH', 'NINE_MONTH', 'OTHER');

-- CreateEnum
CREATE TYPE "ApprovalKind" AS ENUM ('ACCEPTED_ABSENCE', 'RISK_OVERRIDE', 'HIGH_ROSH_INDIVIDUAL');

-- CreateEnum
CREATE TYPE "ApprovalStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED');

-- CreateTable
CREATE TABLE "Region" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "code" VARCHAR(8) NOT NULL,
    "name" TEXT NOT NULL,
    "overSubscriptionPercent" INTEGER NOT NULL DEFAULT 120,
    "autoEnforcement" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Region_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Pdu" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "regionId" UUID NOT NULL,
    "code" VARCHAR(16) NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "Pdu_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "UserRole" NOT NULL,
    "regionId" UUID,
    "pduId" UUID,
    "gender" "Gender",
    "phone" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoginAttempt" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "email" TEXT NOT NULL,
    "ip" TEXT,
    "succeeded" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LoginAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "userId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3),
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IdempotencyKey" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "userId" UUID NOT NULL,
    "key" VARCHAR(200) NOT NULL,
    "method" VARCHAR(10) NOT NULL,
    "path" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "responseStatus" INTEGER NOT NULL,
    "responseBody" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdempotencyKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" UUID,
    "actorEmail" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "regionId" UUID,
    "before" JSONB,
    "after" JSONB,
    "requestId" TEXT,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AppSetting" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AppSetting_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "PolicySetting" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "effectiveFrom" DATE NOT NULL,
    "setById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PolicySetting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BankHoliday" (
    "date" DATE NOT NULL,
    "name" TEXT NOT NULL,
    "source" "BankHolidaySource" NOT NULL DEFAULT 'SHIPPED',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BankHoliday_pkey" PRIMARY KEY ("date")
);

-- CreateTable
CREATE TABLE "Person" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "crn" VARCHAR(7) NOT NULL,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "dateOfBirth" DATE NOT NULL,
    "gender" "Gender" NOT NULL,
    "ethnicity" TEXT,
    "phone" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Order" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "personId" UUID NOT NULL,
    "type" "OrderType" NOT NULL,
    "sentenceDate" DATE NOT NULL,
    "court" TEXT NOT NULL,
    "managedBy" "ManagedBy" NOT NULL,
    "practitionerName" TEXT,
    "regionId" UUID NOT NULL,
    "pduId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Order_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Requirement" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "orderId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "regionId" UUID NOT NULL,
    "pduId" UUID,
    "managedBy" "ManagedBy" NOT NULL,
    "orderType" "OrderType" NOT NULL,
    "sentenceDate" DATE NOT NULL,
    "hoursOrdered" INTEGER NOT NULL,
    "originalHoursOrdered" INTEGER NOT NULL,
    "minutesCredited" INTEGER NOT NULL DEFAULT 0,
    "minutesEte" INTEGER NOT NULL DEFAULT 0,
    "status" "RequirementStatus" NOT NULL DEFAULT 'ACTIVE',
    "terminationReason" "TerminationReason",
    "commencedOn" DATE,
    "completedOn" DATE,
    "terminatedOn" DATE,
    "restricted" BOOLEAN NOT NULL DEFAULT false,
    "coordinatorId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Requirement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RequirementAccess" (
    "requirementId" UUID NOT NULL,
    "userId" UUID NOT NULL,

    CONSTRAINT "RequirementAccess_pkey" PRIMARY KEY ("requirementId","userId")
);

-- CreateTable
CREATE TABLE "Assessment" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "requirementId" UUID NOT NULL,
    "rosh" "RoshLevel",
    "mappaCategory" INTEGER,
    "mappaLevel" INTEGER,
    "healthNotes" VARCHAR(4000),
    "adjustments" VARCHAR(4000),
    "skills" VARCHAR(4000),
    "availability" JSONB,
    "caringDuties" VARCHAR(4000),
    "employment" VARCHAR(4000),
    "religiousObservance" VARCHAR(4000),
    "eteEligible" BOOLEAN NOT NULL DEFAULT false,
    "eteReason" "EteReason",
    "womenOnlyPreference" BOOLEAN NOT NULL DEFAULT false,
    "notes" VARCHAR(4000),
    "complete" BOOLEAN NOT NULL DEFAULT false,
    "completedOn" DATE,
    "completedById" UUID,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Assessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RiskCode" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "code" VARCHAR(16) NOT NULL,
    "title" TEXT NOT NULL,
    "guidance" VARCHAR(4000) NOT NULL,
    "conflictsWith" "PlacementFeature"[],
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "RiskCode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssessmentRiskCode" (
    "assessmentId" UUID NOT NULL,
    "riskCodeId" UUID NOT NULL,
    "note" VARCHAR(1000),

    CONSTRAINT "AssessmentRiskCode_pkey" PRIMARY KEY ("assessmentId","riskCodeId")
);

-- CreateTable
CREATE TABLE "Beneficiary" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "regionId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "contactName" TEXT,
    "contactPhone" TEXT,

    CONSTRAINT "Beneficiary_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Placement" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "type" "PlacementType" NOT NULL,
    "regionId" UUID NOT NULL,
    "pduId" UUID,
    "beneficiaryId" UUID,
    "address" TEXT,
    "postcode" VARCHAR(10),
    "description" VARCHAR(4000),
    "whatToBring" VARCHAR(2000),
    "capacity" INTEGER NOT NULL,
    "features" "PlacementFeature"[],
    "needsMinibus" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Placement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SessionSeries" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "placementId" UUID NOT NULL,
    "weekday" INTEGER NOT NULL,
    "startTime" VARCHAR(5) NOT NULL,
    "endTime" VARCHAR(5) NOT NULL,
    "fromDate" DATE NOT NULL,
    "toDate" DATE NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SessionSeries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "placementId" UUID NOT NULL,
    "seriesId" UUID,
    "date" DATE NOT NULL,
    "startTime" VARCHAR(5) NOT NULL,
    "endTime" VARCHAR(5) NOT NULL,
    "supervisorId" UUID,
    "capacity" INTEGER NOT NULL,
    "pickUpPoint" TEXT,
    "pickUpTime" VARCHAR(5),
    "status" "SessionStatus" NOT NULL DEFAULT 'SCHEDULED',
    "closedAt" TIMESTAMP(3),
    "closedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Allocation" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "sessionId" UUID NOT NULL,
    "requirementId" UUID NOT NULL,
    "sessionDate" DATE NOT NULL,
    "status" "AllocationStatus" NOT NULL DEFAULT 'BOOKED',
    "lateStartReason" "LateStartReason",
    "lateStartNote" VARCHAR(4000),
    "overrideReason" VARCHAR(4000),
    "overrideById" UUID,
    "consentRecorded" BOOLEAN NOT NULL DEFAULT false,
    "retrospective" BOOLEAN NOT NULL DEFAULT false,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Allocation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Attendance" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "allocationId" UUID NOT NULL,
    "requirementId" UUID NOT NULL,
    "sessionDate" DATE NOT NULL,
    "outcome" "AttendanceOutcome" NOT NULL,
    "arrivedAt" VARCHAR(5),
    "leftAt" VARCHAR(5),
    "penaltyMinutes" INTEGER NOT NULL DEFAULT 0,
    "minutesCredited" INTEGER NOT NULL DEFAULT 0,
    "workQuality" "Rating",
    "behaviour" "Rating",
    "reasonCategory" "AbsenceReason",
    "note" VARCHAR(4000),
    "noteSensitive" BOOLEAN NOT NULL DEFAULT false,
    "approvalState" "ApprovalState" NOT NULL DEFAULT 'NOT_NEEDED',
    "recordedById" UUID,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Attendance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Incident" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "sessionId" UUID NOT NULL,
    "requirementId" UUID,
    "type" "IncidentType" NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "description" VARCHAR(4000) NOT NULL,
    "recordedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Incident_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EteCredit" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "requirementId" UUID NOT NULL,
    "date" DATE NOT NULL,
    "minutes" INTEGER NOT NULL,
    "activity" TEXT NOT NULL,
    "provider" TEXT,
    "evidence" VARCHAR(2000),
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EteCredit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EnforcementAction" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "requirementId" UUID NOT NULL,
    "orderId" UUID NOT NULL,
    "type" "EnforcementType" NOT NULL,
    "date" DATE NOT NULL,
    "failureAttendanceId" UUID,
    "note" VARCHAR(4000),
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "EnforcementAction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EnforcementOutcome" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "actionId" UUID NOT NULL,
    "outcome" "BreachOutcomeType" NOT NULL,
    "date" DATE NOT NULL,
    "newHoursOrdered" INTEGER,
    "recordedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EnforcementOutcome_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Extension" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "requirementId" UUID NOT NULL,
    "grantedOn" DATE NOT NULL,
    "newEndDate" DATE NOT NULL,
    "court" TEXT NOT NULL,
    "reason" VARCHAR(4000) NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Extension_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Review" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "requirementId" UUID NOT NULL,
    "kind" "ReviewKind" NOT NULL,
    "dueOn" DATE NOT NULL,
    "completedOn" DATE,
    "note" VARCHAR(4000),
    "completedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Review_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Approval" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "kind" "ApprovalKind" NOT NULL,
    "status" "ApprovalStatus" NOT NULL DEFAULT 'PENDING',
    "requirementId" UUID NOT NULL,
    "regionId" UUID NOT NULL,
    "attendanceId" UUID,
    "allocationId" UUID,
    "reason" VARCHAR(4000),
    "requestedById" UUID,
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedById" UUID,
    "decidedAt" TIMESTAMP(3),
    "decisionNote" VARCHAR(4000),
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Approval_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseNote" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "requirementId" UUID NOT NULL,
    "body" VARCHAR(4000) NOT NULL,
    "sensitive" BOOLEAN NOT NULL DEFAULT false,
    "authorId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseNote_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Region_code_key" ON "Region"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Pdu_code_key" ON "Pdu"("code");

-- CreateIndex
CREATE INDEX "Pdu_regionId_idx" ON "Pdu"("regionId");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_regionId_role_idx" ON "User"("regionId", "role");

-- CreateIndex
CREATE INDEX "LoginAttempt_email_createdAt_idx" ON "LoginAttempt"("email", "createdAt");

-- CreateIndex
CREATE INDEX "LoginAttempt_ip_createdAt_idx" ON "LoginAttempt"("ip", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "ApiToken_userId_idx" ON "ApiToken"("userId");

-- CreateIndex
CREATE INDEX "IdempotencyKey_createdAt_idx" ON "IdempotencyKey"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "IdempotencyKey_userId_key_key" ON "IdempotencyKey"("userId", "key");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_at_idx" ON "AuditEvent"("entityType", "entityId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_at_idx" ON "AuditEvent"("actorId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");

-- CreateIndex
CREATE UNIQUE INDEX "PolicySetting_key_effectiveFrom_key" ON "PolicySetting"("key", "effectiveFrom");

-- CreateIndex
CREATE UNIQUE INDEX "Person_crn_key" ON "Person"("crn");

-- CreateIndex
CREATE INDEX "Person_lastName_firstName_idx" ON "Person"("lastName", "firstName");

-- CreateIndex
CREATE INDEX "Order_personId_idx" ON "Order"("personId");

-- CreateIndex
CREATE INDEX "Requirement_regionId_status_idx" ON "Requirement"("regionId", "status");

-- CreateIndex
CREATE INDEX "Requirement_status_sentenceDate_idx" ON "Requirement"("status", "sentenceDate");

-- CreateIndex
CREATE INDEX "Requirement_regionId_sentenceDate_idx" ON "Requirement"("regionId", "sentenceDate");

-- CreateIndex
CREATE INDEX "Requirement_personId_idx" ON "Requirement"("personId");

-- CreateIndex
CREATE INDEX "Requirement_orderId_idx" ON "Requirement"("orderId");

-- CreateIndex
CREATE UNIQUE INDEX "Assessment_requirementId_key" ON "Assessment"("requirementId");

-- CreateIndex
CREATE UNIQUE INDEX "RiskCode_code_key" ON "RiskCode"("code");

-- CreateIndex
CREATE INDEX "Beneficiary_regionId_idx" ON "Beneficiary"("regionId");

-- CreateIndex
CREATE INDEX "Placement_regionId_active_idx" ON "Placement"("regionId", "active");

-- CreateIndex
CREATE INDEX "Session_date_idx" ON "Session"("date");

-- CreateIndex
CREATE INDEX "Session_placementId_date_idx" ON "Session"("placementId", "date");

-- CreateIndex
CREATE INDEX "Session_supervisorId_date_idx" ON "Session"("supervisorId", "date");

-- CreateIndex
CREATE INDEX "Allocation_requirementId_sessionDate_idx" ON "Allocation"("requirementId", "sessionDate");

-- CreateIndex
CREATE UNIQUE INDEX "Allocation_sessionId_requirementId_key" ON "Allocation"("sessionId", "requirementId");

-- CreateIndex
CREATE UNIQUE INDEX "Attendance_allocationId_key" ON "Attendance"("allocationId");

-- CreateIndex
CREATE INDEX "Attendance_requirementId_sessionDate_idx" ON "Attendance"("requirementId", "sessionDate");

-- CreateIndex
CREATE INDEX "Attendance_sessionDate_outcome_idx" ON "Attendance"("sessionDate", "outcome");

-- CreateIndex
CREATE INDEX "Incident_sessionId_idx" ON "Incident"("sessionId");

-- CreateIndex
CREATE INDEX "Incident_requirementId_idx" ON "Incident"("requirementId");

-- CreateIndex
CREATE INDEX "EteCredit_requirementId_date_idx" ON "EteCredit"("requirementId", "date");

-- CreateIndex
CREATE INDEX "EteCredit_date_idx" ON "EteCredit"("date");

-- CreateIndex
CREATE INDEX "EnforcementAction_requirementId_date_idx" ON "EnforcementAction"("requirementId", "date");

-- CreateIndex
CREATE INDEX "EnforcementAction_orderId_date_idx" ON "EnforcementAction"("orderId", "date");

-- CreateIndex
CREATE INDEX "EnforcementAction_date_idx" ON "EnforcementAction"("date");

-- CreateIndex
CREATE INDEX "EnforcementOutcome_actionId_date_idx" ON "EnforcementOutcome"("actionId", "date");

-- CreateIndex
CREATE INDEX "Extension_requirementId_grantedOn_idx" ON "Extension"("requirementId", "grantedOn");

-- CreateIndex
CREATE INDEX "Review_dueOn_idx" ON "Review"("dueOn");

-- CreateIndex
CREATE UNIQUE INDEX "Review_requirementId_kind_dueOn_key" ON "Review"("requirementId", "kind", "dueOn");

-- CreateIndex
CREATE INDEX "Approval_regionId_status_idx" ON "Approval"("regionId", "status");

-- CreateIndex
CREATE INDEX "Approval_requirementId_idx" ON "Approval"("requirementId");

-- CreateIndex
CREATE INDEX "CaseNote_requirementId_createdAt_idx" ON "CaseNote"("requirementId", "createdAt");

-- AddForeignKey
ALTER TABLE "Pdu" ADD CONSTRAINT "Pdu_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_pduId_fkey" FOREIGN KEY ("pduId") REFERENCES "Pdu"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Order" ADD CONSTRAINT "Order_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Order" ADD CONSTRAINT "Order_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Order" ADD CONSTRAINT "Order_pduId_fkey" FOREIGN KEY ("pduId") REFERENCES "Pdu"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Requirement" ADD CONSTRAINT "Requirement_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Requirement" ADD CONSTRAINT "Requirement_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Requirement" ADD CONSTRAINT "Requirement_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Requirement" ADD CONSTRAINT "Requirement_pduId_fkey" FOREIGN KEY ("pduId") REFERENCES "Pdu"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Requirement" ADD CONSTRAINT "Requirement_coordinatorId_fkey" FOREIGN KEY ("coordinatorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequirementAccess" ADD CONSTRAINT "RequirementAccess_requirementId_fkey" FOREIGN KEY ("requirementId") REFERENCES "Requirement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequirementAccess" ADD CONSTRAINT "RequirementAccess_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_requirementId_fkey" FOREIGN KEY ("requirementId") REFERENCES "Requirement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentRiskCode" ADD CONSTRAINT "AssessmentRiskCode_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentRiskCode" ADD CONSTRAINT "AssessmentRiskCode_riskCodeId_fkey" FOREIGN KEY ("riskCodeId") REFERENCES "RiskCode"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Beneficiary" ADD CONSTRAINT "Beneficiary_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Placement" ADD CONSTRAINT "Placement_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Placement" ADD CONSTRAINT "Placement_pduId_fkey" FOREIGN KEY ("pduId") REFERENCES "Pdu"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Placement" ADD CONSTRAINT "Placement_beneficiaryId_fkey" FOREIGN KEY ("beneficiaryId") REFERENCES "Beneficiary"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionSeries" ADD CONSTRAINT "SessionSeries_placementId_fkey" FOREIGN KEY ("placementId") REFERENCES "Placement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_placementId_fkey" FOREIGN KEY ("placementId") REFERENCES "Placement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "SessionSeries"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_supervisorId_fkey" FOREIGN KEY ("supervisorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Allocation" ADD CONSTRAINT "Allocation_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Allocation" ADD CONSTRAINT "Allocation_requirementId_fkey" FOREIGN KEY ("requirementId") REFERENCES "Requirement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attendance" ADD CONSTRAINT "Attendance_allocationId_fkey" FOREIGN KEY ("allocationId") REFERENCES "Allocation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attendance" ADD CONSTRAINT "Attendance_requirementId_fkey" FOREIGN KEY ("requirementId") REFERENCES "Requirement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_requirementId_fkey" FOREIGN KEY ("requirementId") REFERENCES "Requirement"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EteCredit" ADD CONSTRAINT "EteCredit_requirementId_fkey" FOREIGN KEY ("requirementId") REFERENCES "Requirement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EnforcementAction" ADD CONSTRAINT "EnforcementAction_requirementId_fkey" FOREIGN KEY ("requirementId") REFERENCES "Requirement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EnforcementAction" ADD CONSTRAINT "EnforcementAction_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EnforcementOutcome" ADD CONSTRAINT "EnforcementOutcome_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "EnforcementAction"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Extension" ADD CONSTRAINT "Extension_requirementId_fkey" FOREIGN KEY ("requirementId") REFERENCES "Requirement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Review" ADD CONSTRAINT "Review_requirementId_fkey" FOREIGN KEY ("requirementId") REFERENCES "Requirement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Approval" ADD CONSTRAINT "Approval_requirementId_fkey" FOREIGN KEY ("requirementId") REFERENCES "Requirement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Approval" ADD CONSTRAINT "Approval_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseNote" ADD CONSTRAINT "CaseNote_requirementId_fkey" FOREIGN KEY ("requirementId") REFERENCES "Requirement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
