-- CreateEnum
CREATE TYPE "StandDownReason" AS ENUM ('WEATHER', 'NO_SUPERVISOR', 'OVERSUBSCRIBED', 'OTHER');

-- AlterEnum
ALTER TYPE "SessionStatus" ADD VALUE 'STOOD_DOWN';

-- AlterTable
ALTER TABLE "Allocation" ADD COLUMN     "cancellationReason" VARCHAR(1000),
ADD COLUMN     "cancelledAt" TIMESTAMP(3),
ADD COLUMN     "cancelledById" UUID,
ADD COLUMN     "consentRecordedAt" TIMESTAMP(3),
ADD COLUMN     "consentRecordedById" UUID;

-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "standDownReason" "StandDownReason",
ADD COLUMN     "statusChangedAt" TIMESTAMP(3),
ADD COLUMN     "statusChangedById" UUID,
ADD COLUMN     "statusNote" VARCHAR(4000);

-- CreateTable
CREATE TABLE "NonAssociation" (
    "assessmentId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "note" VARCHAR(1000),

    CONSTRAINT "NonAssociation_pkey" PRIMARY KEY ("assessmentId","personId")
);

-- CreateTable
CREATE TABLE "BookingConflict" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "allocationId" UUID NOT NULL,
    "requirementId" UUID NOT NULL,
    "regionId" UUID NOT NULL,
    "code" VARCHAR(40) NOT NULL,
    "message" VARCHAR(2000) NOT NULL,
    "detectedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMP(3),

    CONSTRAINT "BookingConflict_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "NonAssociation_personId_idx" ON "NonAssociation"("personId");

-- CreateIndex
CREATE INDEX "BookingConflict_regionId_resolvedAt_idx" ON "BookingConflict"("regionId", "resolvedAt");

-- CreateIndex
CREATE INDEX "BookingConflict_requirementId_resolvedAt_idx" ON "BookingConflict"("requirementId", "resolvedAt");

-- CreateIndex
CREATE INDEX "BookingConflict_allocationId_idx" ON "BookingConflict"("allocationId");

-- AddForeignKey
ALTER TABLE "NonAssociation" ADD CONSTRAINT "NonAssociation_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NonAssociation" ADD CONSTRAINT "NonAssociation_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BookingConflict" ADD CONSTRAINT "BookingConflict_allocationId_fkey" FOREIGN KEY ("allocationId") REFERENCES "Allocation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- R10 (second round): violence or weapon use conflicts with tools used.
UPDATE "RiskCode" SET "conflictsWith" = array_append("conflictsWith", 'TOOLS'::"PlacementFeature")
WHERE "code" = 'VW' AND NOT ('TOOLS'::"PlacementFeature" = ANY("conflictsWith"));
