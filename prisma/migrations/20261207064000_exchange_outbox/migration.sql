-- Upward exchange (issue 15): the outbox of records the county owes the upstream 好差评 systems, written in the same
-- statement as each review, and the log of every batch delivered.
CREATE TYPE "exchange_status" AS ENUM ('PENDING', 'DELIVERED', 'DEAD');

CREATE TABLE "exchange_delivery" (
    "id" BIGSERIAL NOT NULL,
    "record_id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "review_id" UUID NOT NULL,
    "payload" JSONB,
    "channel_raw" TEXT,
    "status" "exchange_status" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "last_attempt_at" TIMESTAMPTZ(3),
    "delivered_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "exchange_delivery_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "exchange_delivery_record_id_key" ON "exchange_delivery"("record_id");
CREATE INDEX "exchange_delivery_status_id_idx" ON "exchange_delivery"("status", "id");
-- No foreign key to review: the row is written by the same statement as the review, and the hot path of the intake is spared the
-- key check, and no index on review_id either (the row of a review is found by record_id, the review id).

CREATE TABLE "exchange_attempt" (
    "id" BIGSERIAL NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "finished_at" TIMESTAMPTZ(3) NOT NULL,
    "records" INTEGER NOT NULL,
    "http_status" INTEGER,
    "accepted" INTEGER NOT NULL DEFAULT 0,
    "duplicates" INTEGER NOT NULL DEFAULT 0,
    "rejected" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,

    CONSTRAINT "exchange_attempt_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "exchange_attempt_started_at_idx" ON "exchange_attempt"("started_at");

-- Reviews recorded before the exchange existed are owed too: one pending row each, oldest first.
INSERT INTO "exchange_delivery" ("record_id", "type", "review_id", "channel_raw", "created_at")
SELECT "id"::text, 'REVIEW', "id", "channel"::text, "created_at" FROM "review" ORDER BY "review"."created_at", "review"."id";
