-- Rate limits held in the database, so that every API process counts against one limit (issue 17).
-- One row per limited key and fixed window, counted by an atomic upsert (apps/api/src/rate-limit/rate-limiter.ts).
-- The key is the limit's name and a SHA-256 of what it counts (an address, a phone hash, a username, a user id),
-- never the value in clear. Rows whose window has ended are deleted by the API (expires_at).
-- UNLOGGED: counters are worth nothing after a crash, and without WAL a hit's commit does not wait for a disk
-- flush while it holds the row (every public POST from one address counts on one row).
CREATE UNLOGGED TABLE "rate_limit_counter" (
    "rate_key" TEXT NOT NULL,
    "window_start" TIMESTAMPTZ(3) NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "hits" INTEGER NOT NULL,

    CONSTRAINT "rate_limit_counter_pkey" PRIMARY KEY ("rate_key", "window_start")
);

CREATE INDEX "rate_limit_counter_expires_at_idx" ON "rate_limit_counter"("expires_at");

-- The lockout is gone (anyone could lock any account by typing wrong passwords): sign-in is throttled per
-- address, per account and address, and per account for unknown addresses instead (apps/api/src/auth/sign-in-throttle.ts).
ALTER TABLE "app_user" DROP COLUMN "failed_logins",
DROP COLUMN "locked_until";
