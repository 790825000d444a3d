-- CreateIndex
CREATE INDEX "review_created_at_idx" ON "review"("created_at");

-- CreateIndex
CREATE INDEX "rectification_case_opened_at_idx" ON "rectification_case"("opened_at");

-- CreateIndex
CREATE INDEX "rectification_case_hall_id_opened_at_idx" ON "rectification_case"("hall_id", "opened_at");
