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

-- 参评率 (issue 13): the one SMS invitation of an unrated case (keyed by the case: once per case), the phones that
-- opted out (keyed phone hash only), and the county's setting of when the invitation goes out.
-- CreateTable
CREATE TABLE "rating_invitation_reminder" (
    "case_id" UUID NOT NULL,
    "invitation_id" UUID NOT NULL,
    "sent_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "rating_invitation_reminder_pkey" PRIMARY KEY ("case_id")
);

-- CreateTable
CREATE TABLE "sms_opt_out" (
    "phone_hash" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "recorded_by" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sms_opt_out_pkey" PRIMARY KEY ("phone_hash")
);

-- CreateTable
CREATE TABLE "rating_invitation_setting" (
    "id" SMALLINT NOT NULL DEFAULT 1,
    "reminder_after_working_days" SMALLINT NOT NULL,
    "updated_by" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "rating_invitation_setting_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "rating_invitation_reminder_invitation_id_key" ON "rating_invitation_reminder"("invitation_id");

-- AddForeignKey
ALTER TABLE "rating_invitation_reminder" ADD CONSTRAINT "rating_invitation_reminder_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "service_case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rating_invitation_reminder" ADD CONSTRAINT "rating_invitation_reminder_invitation_id_fkey" FOREIGN KEY ("invitation_id") REFERENCES "rating_invitation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
