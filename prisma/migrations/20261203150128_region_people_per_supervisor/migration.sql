-- AlterTable
ALTER TABLE "Region" ADD COLUMN     "maxPeoplePerSupervisor" INTEGER;
