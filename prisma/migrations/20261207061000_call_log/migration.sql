-- A hall's phone-system call log, imported as proof that a callback happened (issue 13). The called number is only
-- its keyed hash, and re-importing the same log adds nothing (unique hall, time, number).
-- CreateTable
CREATE TABLE "call_log_entry" (
    "id" UUID NOT NULL,
    "hall_id" UUID NOT NULL,
    "called_at" TIMESTAMPTZ(3) NOT NULL,
    "duration_seconds" INTEGER NOT NULL,
    "called_phone_hash" TEXT NOT NULL,
    "imported_by" TEXT NOT NULL,
    "imported_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "call_log_entry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "call_log_entry_called_phone_hash_called_at_idx" ON "call_log_entry"("called_phone_hash", "called_at");

-- CreateIndex
CREATE UNIQUE INDEX "call_log_entry_hall_id_called_at_called_phone_hash_key" ON "call_log_entry"("hall_id", "called_at", "called_phone_hash");

-- AddForeignKey
ALTER TABLE "call_log_entry" ADD CONSTRAINT "call_log_entry_hall_id_fkey" FOREIGN KEY ("hall_id") REFERENCES "hall"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
