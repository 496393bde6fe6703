-- CreateIndex
CREATE INDEX "Allocation_sessionDate_idx" ON "Allocation"("sessionDate");
