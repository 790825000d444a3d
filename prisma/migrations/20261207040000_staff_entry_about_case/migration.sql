-- A 随时可评 item entered by staff (找茬窗口, 意见箱, 热线, 监督平台, 电子邮箱) refers to a case without being its rating:
-- "about_case_id" holds the reference, "case_id" (unique) stays the one rating of a case-bound channel.
ALTER TABLE "review" ADD COLUMN "about_case_id" UUID;

-- Existing rows: a staff entry (any channel that is not case-bound) holding a case's rating gives it back. The
-- reference moves to "about_case_id", so the citizen can rate the case once more (inside its rating period).
UPDATE "review"
SET "about_case_id" = "case_id", "case_id" = NULL
WHERE "case_id" IS NOT NULL
  AND "channel" NOT IN ('WINDOW_QR', 'CASE_INVITATION', 'ONLINE_PORTAL');

-- CreateIndex
CREATE INDEX "review_about_case_id_created_at_idx" ON "review"("about_case_id", "created_at");

-- AddForeignKey
ALTER TABLE "review" ADD CONSTRAINT "review_about_case_id_fkey" FOREIGN KEY ("about_case_id") REFERENCES "service_case"("id") ON DELETE SET NULL ON UPDATE CASCADE;
