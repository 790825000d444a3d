-- Coerced-praise (刷好评) detection: where a public rating came from, the exclusion of confirmed reviews, the flags.
ALTER TABLE "review" ADD COLUMN "client_ip" TEXT;
ALTER TABLE "review" ADD COLUMN "client_device" TEXT;
ALTER TABLE "review" ADD COLUMN "excluded_from_figures_at" TIMESTAMPTZ(3);
ALTER TABLE "review" ADD COLUMN "excluded_by_flag_id" UUID;

CREATE INDEX "review_client_ip_created_at_idx" ON "review"("client_ip", "created_at");

CREATE TABLE "praise_integrity_flag" (
    "id" UUID NOT NULL,
    "rule" TEXT NOT NULL,
    "subject_kind" TEXT NOT NULL,
    "subject_key" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "hall_id" UUID NOT NULL,
    "review_ids" UUID[],
    "evidence" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "detected_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decided_at" TIMESTAMPTZ(3),
    "decided_by" TEXT,
    "decision_note" TEXT,

    CONSTRAINT "praise_integrity_flag_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "praise_integrity_flag_rule_subject_kind_subject_key_day_key" ON "praise_integrity_flag"("rule", "subject_kind", "subject_key", "day");
CREATE INDEX "praise_integrity_flag_status_detected_at_idx" ON "praise_integrity_flag"("status", "detected_at");
