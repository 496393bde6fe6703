-- AlterTable
ALTER TABLE "RequirementTransfer" ADD COLUMN     "fromPduId" UUID;

-- AddForeignKey
ALTER TABLE "RequirementTransfer" ADD CONSTRAINT "RequirementTransfer_fromPduId_fkey" FOREIGN KEY ("fromPduId") REFERENCES "Pdu"("id") ON DELETE SET NULL ON UPDATE CASCADE;
