-- CreateIndex
CREATE INDEX "review_created_at_hall_id_level_adoption_idx" ON "review"("created_at", "hall_id", "level", "adoption");

-- CreateIndex
CREATE INDEX "rectification_case_opened_at_idx" ON "rectification_case"("opened_at");

-- CreateIndex
CREATE INDEX "rectification_case_hall_id_opened_at_idx" ON "rectification_case"("hall_id", "opened_at");
