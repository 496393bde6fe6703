-- CreateEnum
CREATE TYPE "EnforcementStatus" AS ENUM ('ACTIVE', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "WarningDelivery" AS ENUM ('IN_PERSON', 'POST', 'EMAIL');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "BreachOutcomeType" ADD VALUE 'FINE';
ALTER TYPE "BreachOutcomeType" ADD VALUE 'ORDER_AMENDED';
ALTER TYPE "BreachOutcomeType" ADD VALUE 'NOT_PROVEN';
ALTER TYPE "BreachOutcomeType" ADD VALUE 'WITHDRAWN_BY_COURT';
ALTER TYPE "BreachOutcomeType" ADD VALUE 'REVOKED_AND_RESENTENCED';
ALTER TYPE "BreachOutcomeType" ADD VALUE 'SSO_ACTIVATED';

-- AlterTable
ALTER TABLE "EnforcementAction" ADD COLUMN     "deliveredBy" "WarningDelivery",
ADD COLUMN     "failureDate" DATE,
ADD COLUMN     "failureDescription" VARCHAR(4000),
ADD COLUMN     "status" "EnforcementStatus" NOT NULL DEFAULT 'ACTIVE',
ADD COLUMN     "withdrawalReason" VARCHAR(4000),
ADD COLUMN     "withdrawnAt" TIMESTAMP(3),
ADD COLUMN     "withdrawnById" UUID;

-- AlterTable
ALTER TABLE "EnforcementOutcome" ADD COLUMN     "newRequirementId" UUID;

-- CreateTable
CREATE TABLE "PersonAddress" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "personId" UUID NOT NULL,
    "line1" VARCHAR(200) NOT NULL,
    "line2" VARCHAR(200),
    "town" VARCHAR(100) NOT NULL,
    "postcode" VARCHAR(10) NOT NULL,
    "validFrom" DATE NOT NULL,
    "validTo" DATE,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PersonAddress_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExplanationRequest" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "attendanceId" UUID NOT NULL,
    "requestedOn" DATE NOT NULL,
    "respondBy" DATE NOT NULL,
    "note" VARCHAR(4000),
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExplanationRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PersonAddress_personId_validFrom_idx" ON "PersonAddress"("personId", "validFrom");

-- CreateIndex
CREATE UNIQUE INDEX "ExplanationRequest_attendanceId_key" ON "ExplanationRequest"("attendanceId");

-- CreateIndex
CREATE INDEX "EnforcementAction_failureAttendanceId_idx" ON "EnforcementAction"("failureAttendanceId");

-- AddForeignKey
ALTER TABLE "PersonAddress" ADD CONSTRAINT "PersonAddress_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExplanationRequest" ADD CONSTRAINT "ExplanationRequest_attendanceId_fkey" FOREIGN KEY ("attendanceId") REFERENCES "Attendance"("id") ON DELETE CASCADE ON UPDATE CASCADE;
