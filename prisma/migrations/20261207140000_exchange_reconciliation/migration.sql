-- The upward exchange's daily count reconciliation (issue 15, docs/EXCHANGE.md): for every day checked, the records
-- the county holds per hall and record type beside the upstream's count of them (GET /api/v1/counts). A check of a
-- day replaces that day's rows, so each row is the latest comparison of its hall, day and type.
CREATE TABLE "exchange_reconciliation" (
    "id" BIGSERIAL NOT NULL,
    "day" DATE NOT NULL,
    "hall_code" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "ours" INTEGER NOT NULL,
    "theirs" INTEGER NOT NULL,
    "difference" INTEGER NOT NULL,
    "checked_at" TIMESTAMPTZ(3) NOT NULL,
    "resent_at" TIMESTAMPTZ(3),
    "resent_by" TEXT,

    CONSTRAINT "exchange_reconciliation_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "exchange_reconciliation_day_hall_code_type_key" ON "exchange_reconciliation"("day", "hall_code", "type");

CREATE INDEX "exchange_reconciliation_difference_day_idx" ON "exchange_reconciliation"("difference", "day");
