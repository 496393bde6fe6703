-- CreateEnum
CREATE TYPE "OrderRelation" AS ENUM ('CONCURRENT', 'CONSECUTIVE');

-- CreateEnum
CREATE TYPE "TransferStatus" AS ENUM ('REQUESTED', 'ACCEPTED', 'DECLINED');

-- AlterTable
ALTER TABLE "Requirement" ADD COLUMN     "orderRelation" "OrderRelation",
ADD COLUMN     "relatedRequirementId" UUID;

-- CreateTable
CREATE TABLE "RequirementTransfer" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "requirementId" UUID NOT NULL,
    "fromRegionId" UUID NOT NULL,
    "toRegionId" UUID NOT NULL,
    "reason" VARCHAR(2000) NOT NULL,
    "status" "TransferStatus" NOT NULL DEFAULT 'REQUESTED',
    "requestedById" UUID NOT NULL,
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedById" UUID,
    "decidedAt" TIMESTAMP(3),
    "decisionNote" VARCHAR(2000),
    "acceptedOn" DATE,

    CONSTRAINT "RequirementTransfer_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RequirementTransfer_requirementId_status_idx" ON "RequirementTransfer"("requirementId", "status");

-- CreateIndex
CREATE INDEX "RequirementTransfer_toRegionId_status_idx" ON "RequirementTransfer"("toRegionId", "status");

-- CreateIndex
CREATE INDEX "RequirementTransfer_status_acceptedOn_idx" ON "RequirementTransfer"("status", "acceptedOn");

-- AddForeignKey
ALTER TABLE "Requirement" ADD CONSTRAINT "Requirement_relatedRequirementId_fkey" FOREIGN KEY ("relatedRequirementId") REFERENCES "Requirement"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequirementTransfer" ADD CONSTRAINT "RequirementTransfer_requirementId_fkey" FOREIGN KEY ("requirementId") REFERENCES "Requirement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequirementTransfer" ADD CONSTRAINT "RequirementTransfer_fromRegionId_fkey" FOREIGN KEY ("fromRegionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequirementTransfer" ADD CONSTRAINT "RequirementTransfer_toRegionId_fkey" FOREIGN KEY ("toRegionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
