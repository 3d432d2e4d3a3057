-- CreateIndex
CREATE INDEX "AttendanceDay_placementId_kind_idx" ON "AttendanceDay"("placementId", "kind");
