-- CreateEnum
CREATE TYPE "hall_kind" AS ENUM ('STREET', 'TOWN');

-- CreateEnum
CREATE TYPE "review_channel" AS ENUM ('WINDOW_QR', 'ONLINE_PORTAL', 'GENERAL_FEEDBACK');

-- CreateTable
CREATE TABLE "hall" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "hall_kind" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "hall_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "review" (
    "id" UUID NOT NULL,
    "hall_id" UUID NOT NULL,
    "level" SMALLINT NOT NULL,
    "comment" TEXT,
    "channel" "review_channel" NOT NULL,
    "client_key" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "review_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "outbox_message" (
    "id" BIGSERIAL NOT NULL,
    "topic" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "available_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dispatched_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "outbox_message_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rectification_case" (
    "review_id" UUID NOT NULL,
    "workflow_id" TEXT NOT NULL,
    "hall_id" UUID NOT NULL,
    "level" SMALLINT NOT NULL,
    "state" TEXT NOT NULL,
    "state_label" TEXT NOT NULL,
    "opened_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "rectification_case_pkey" PRIMARY KEY ("review_id")
);

-- CreateTable
CREATE TABLE "rectification_timeline_entry" (
    "id" BIGSERIAL NOT NULL,
    "review_id" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "details" JSONB,

    CONSTRAINT "rectification_timeline_entry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "hall_code_key" ON "hall"("code");

-- CreateIndex
CREATE UNIQUE INDEX "review_client_key_key" ON "review"("client_key");

-- CreateIndex
CREATE INDEX "review_hall_id_created_at_idx" ON "review"("hall_id", "created_at");

-- CreateIndex
CREATE INDEX "review_level_created_at_idx" ON "review"("level", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "outbox_message_key_key" ON "outbox_message"("key");

-- CreateIndex
CREATE INDEX "outbox_message_dispatched_at_available_at_idx" ON "outbox_message"("dispatched_at", "available_at");

-- CreateIndex
CREATE UNIQUE INDEX "rectification_case_workflow_id_key" ON "rectification_case"("workflow_id");

-- CreateIndex
CREATE INDEX "rectification_case_hall_id_state_idx" ON "rectification_case"("hall_id", "state");

-- CreateIndex
CREATE UNIQUE INDEX "rectification_timeline_entry_review_id_seq_key" ON "rectification_timeline_entry"("review_id", "seq");

-- AddForeignKey
ALTER TABLE "review" ADD CONSTRAINT "review_hall_id_fkey" FOREIGN KEY ("hall_id") REFERENCES "hall"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rectification_case" ADD CONSTRAINT "rectification_case_review_id_fkey" FOREIGN KEY ("review_id") REFERENCES "review"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rectification_case" ADD CONSTRAINT "rectification_case_hall_id_fkey" FOREIGN KEY ("hall_id") REFERENCES "hall"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rectification_timeline_entry" ADD CONSTRAINT "rectification_timeline_entry_review_id_fkey" FOREIGN KEY ("review_id") REFERENCES "rectification_case"("review_id") ON DELETE RESTRICT ON UPDATE CASCADE;
