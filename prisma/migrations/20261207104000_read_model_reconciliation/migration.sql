-- The read model's reconciler (issue 16): every run compares the case projection tables with the workflows' own
-- state, repairs what drifted and keeps its report here. A run is one row, each case found drifted one row of its own.
CREATE TABLE "read_model_reconciliation_run" (
    "id" UUID NOT NULL,
    "trigger" TEXT NOT NULL,
    "requested_by" TEXT,
    "workflow_id" TEXT,
    "status" TEXT NOT NULL DEFAULT 'RUNNING',
    "closed_within_days" INTEGER NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    "checked" INTEGER NOT NULL DEFAULT 0,
    "drifted" INTEGER NOT NULL DEFAULT 0,
    "repaired" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,

    CONSTRAINT "read_model_reconciliation_run_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "read_model_reconciliation_run_started_at_idx" ON "read_model_reconciliation_run"("started_at");

CREATE TABLE "read_model_drift" (
    "id" BIGSERIAL NOT NULL,
    "run_id" UUID NOT NULL,
    "review_id" UUID NOT NULL,
    "hall_code" TEXT,
    "fields" TEXT[],
    "repaired" BOOLEAN NOT NULL,
    "reason" TEXT,
    "found_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "read_model_drift_pkey" PRIMARY KEY ("id")
);

-- One row per case and run: a retried page of a run writes its findings once.
CREATE UNIQUE INDEX "read_model_drift_run_id_review_id_key" ON "read_model_drift"("run_id", "review_id");

ALTER TABLE "read_model_drift" ADD CONSTRAINT "read_model_drift_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "read_model_reconciliation_run"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- N of "the cases closed in the last N days" that every run checks beside the open ones.
INSERT INTO "app_setting" ("key", "value", "updated_by") VALUES ('reconciliation.closedWithinDays', '7', 'migration') ON CONFLICT ("key") DO NOTHING;
