-- CreateIndex
CREATE INDEX "Allocation_sessionDate_idx" ON "Allocation"("sessionDate");

-- CreateIndex
CREATE INDEX "Attendance_requirementId_sessionDate_minutesCredited_idx" ON "Attendance"("requirementId", "sessionDate", "minutesCredited");
