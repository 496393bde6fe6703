-- AlterTable
ALTER TABLE "EteCredit" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;
