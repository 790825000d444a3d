-- Online reviews come down by pull (issue 15): the position in each upstream feed, advanced after every page, and
-- the reviews of a page that the intake refused (a case unknown here, rated already, a rule broken), kept so that
-- nothing pulled is lost unseen.
CREATE TABLE "exchange_pull_cursor" (
    "source" TEXT NOT NULL,
    "cursor" TEXT NOT NULL DEFAULT '',
    "pulled" INTEGER NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "exchange_pull_cursor_pkey" PRIMARY KEY ("source")
);

CREATE TABLE "exchange_pull_refusal" (
    "id" BIGSERIAL NOT NULL,
    "source" TEXT NOT NULL,
    "upstream_id" TEXT NOT NULL,
    "cursor" TEXT NOT NULL,
    "http_status" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "item" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "exchange_pull_refusal_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "exchange_pull_refusal_source_upstream_id_key" ON "exchange_pull_refusal"("source", "upstream_id");
