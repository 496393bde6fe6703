-- CreateEnum
CREATE TYPE "ReviewOutcome" AS ENUM ('ON_TRACK', 'ACTION_PLAN', 'EXTENSION_TO_BE_SOUGHT');

-- AlterTable
ALTER TABLE "Requirement" ADD COLUMN     "extensionAppliedOn" DATE;

-- AlterTable
ALTER TABLE "Review" ADD COLUMN     "outcome" "ReviewOutcome";
