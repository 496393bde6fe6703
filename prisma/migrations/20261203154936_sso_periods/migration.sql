-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "operationalPeriodEndsOn" DATE,
ADD COLUMN     "supervisionPeriodEndsOn" DATE;
