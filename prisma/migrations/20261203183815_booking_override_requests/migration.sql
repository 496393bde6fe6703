-- AlterEnum
ALTER TYPE "ApprovalKind" ADD VALUE 'BOOKING_OVERRIDE';

-- AlterTable
ALTER TABLE "Approval" ADD COLUMN     "sessionId" UUID;
