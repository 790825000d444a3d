-- CreateEnum
CREATE TYPE "reviewer_kind" AS ENUM ('ANONYMOUS', 'REAL_NAME');

-- CreateEnum
CREATE TYPE "review_adoption" AS ENUM ('ADOPTED', 'NOT_ADOPTED');

-- CreateEnum
CREATE TYPE "applicant_kind" AS ENUM ('PERSON', 'ORGANIZATION');

-- CreateEnum
CREATE TYPE "case_channel" AS ENUM ('WINDOW', 'ONLINE');

-- CreateEnum
CREATE TYPE "notification_channel" AS ENUM ('SMS', 'CONSOLE');

-- AlterEnum
BEGIN;
CREATE TYPE "review_channel_new" AS ENUM ('WINDOW_QR', 'CASE_INVITATION', 'ONLINE_PORTAL', 'PUBLIC_FORM', 'FAULT_WINDOW', 'MAILBOX', 'HOTLINE', 'SUPERVISION_PLATFORM', 'EMAIL');
ALTER TABLE "review" ALTER COLUMN "channel" TYPE "review_channel_new" USING ("channel"::text::"review_channel_new");
ALTER TYPE "review_channel" RENAME TO "review_channel_old";
ALTER TYPE "review_channel_new" RENAME TO "review_channel";
DROP TYPE "review_channel_old";
COMMIT;

-- AlterTable
ALTER TABLE "review" ADD COLUMN     "adoption" "review_adoption" NOT NULL DEFAULT 'ADOPTED',
ADD COLUMN     "case_id" UUID,
ADD COLUMN     "entered_by" TEXT,
ADD COLUMN     "option_codes" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "option_set_id" UUID,
ADD COLUMN     "option_set_version" INTEGER,
ADD COLUMN     "reviewer_kind" "reviewer_kind" NOT NULL DEFAULT 'ANONYMOUS',
ADD COLUMN     "reviewer_name_enc" TEXT,
ADD COLUMN     "reviewer_phone_enc" TEXT,
ADD COLUMN     "reviewer_phone_hash" TEXT,
ADD COLUMN     "service_item_id" UUID,
ADD COLUMN     "staff_id" UUID,
ADD COLUMN     "tracking_code" TEXT,
ADD COLUMN     "window_id" UUID;

-- Reviews recorded before tracking codes existed get one derived from their id (same alphabet and length).
UPDATE "review" SET "tracking_code" = upper(substr(translate(md5("id"::text), '01', 'XY'), 1, 10)) WHERE "tracking_code" IS NULL;
ALTER TABLE "review" ALTER COLUMN "tracking_code" SET NOT NULL;

-- CreateTable
CREATE TABLE "service_case" (
    "id" UUID NOT NULL,
    "case_number" TEXT NOT NULL,
    "service_item_id" UUID NOT NULL,
    "hall_id" UUID NOT NULL,
    "window_id" UUID,
    "staff_id" UUID,
    "applicant_kind" "applicant_kind" NOT NULL,
    "applicant_name_enc" TEXT NOT NULL,
    "applicant_phone_enc" TEXT,
    "applicant_phone_hash" TEXT,
    "received_at" TIMESTAMPTZ(3) NOT NULL,
    "completed_at" TIMESTAMPTZ(3),
    "channel" "case_channel" NOT NULL,
    "source" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "service_case_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "option_set" (
    "id" UUID NOT NULL,
    "nature" "service_nature" NOT NULL,
    "version" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "option_set_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "review_option" (
    "id" UUID NOT NULL,
    "option_set_id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "suggested_category" TEXT NOT NULL,
    "position" SMALLINT NOT NULL,

    CONSTRAINT "review_option_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rating_invitation" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "token_hash" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "rating_invitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_client" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "key_prefix" TEXT NOT NULL,
    "key_hash" TEXT NOT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "disabled_at" TIMESTAMPTZ(3),
    "last_used_at" TIMESTAMPTZ(3),

    CONSTRAINT "api_client_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notification" (
    "id" BIGSERIAL NOT NULL,
    "channel" "notification_channel" NOT NULL,
    "key" TEXT NOT NULL,
    "template" TEXT NOT NULL,
    "params" JSONB NOT NULL,
    "recipient_enc" TEXT,
    "audience_role" TEXT,
    "hall_id" UUID,
    "user_id" TEXT,
    "body" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "available_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),
    "read_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "service_case_case_number_key" ON "service_case"("case_number");

-- CreateIndex
CREATE INDEX "service_case_hall_id_completed_at_idx" ON "service_case"("hall_id", "completed_at");

-- CreateIndex
CREATE INDEX "service_case_window_id_applicant_phone_hash_completed_at_idx" ON "service_case"("window_id", "applicant_phone_hash", "completed_at");

-- CreateIndex
CREATE INDEX "service_case_applicant_phone_hash_completed_at_idx" ON "service_case"("applicant_phone_hash", "completed_at");

-- CreateIndex
CREATE INDEX "service_case_service_item_id_completed_at_idx" ON "service_case"("service_item_id", "completed_at");

-- CreateIndex
CREATE INDEX "service_case_staff_id_completed_at_idx" ON "service_case"("staff_id", "completed_at");

-- CreateIndex
CREATE UNIQUE INDEX "option_set_nature_version_key" ON "option_set"("nature", "version");

-- CreateIndex
CREATE UNIQUE INDEX "review_option_option_set_id_code_key" ON "review_option"("option_set_id", "code");

-- CreateIndex
CREATE UNIQUE INDEX "rating_invitation_token_hash_key" ON "rating_invitation"("token_hash");

-- CreateIndex
CREATE INDEX "rating_invitation_case_id_idx" ON "rating_invitation"("case_id");

-- CreateIndex
CREATE UNIQUE INDEX "api_client_key_hash_key" ON "api_client"("key_hash");

-- CreateIndex
CREATE UNIQUE INDEX "notification_key_key" ON "notification"("key");

-- CreateIndex
CREATE INDEX "notification_channel_sent_at_available_at_idx" ON "notification"("channel", "sent_at", "available_at");

-- CreateIndex
CREATE INDEX "notification_audience_role_hall_id_created_at_idx" ON "notification"("audience_role", "hall_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "review_case_id_key" ON "review"("case_id");

-- CreateIndex
CREATE UNIQUE INDEX "review_tracking_code_key" ON "review"("tracking_code");

-- CreateIndex
CREATE INDEX "review_window_id_created_at_idx" ON "review"("window_id", "created_at");

-- CreateIndex
CREATE INDEX "review_staff_id_created_at_idx" ON "review"("staff_id", "created_at");

-- CreateIndex
CREATE INDEX "review_service_item_id_created_at_idx" ON "review"("service_item_id", "created_at");

-- CreateIndex
CREATE INDEX "review_channel_created_at_idx" ON "review"("channel", "created_at");

-- CreateIndex
CREATE INDEX "review_reviewer_phone_hash_created_at_idx" ON "review"("reviewer_phone_hash", "created_at");

-- AddForeignKey
ALTER TABLE "review" ADD CONSTRAINT "review_window_id_fkey" FOREIGN KEY ("window_id") REFERENCES "service_window"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review" ADD CONSTRAINT "review_staff_id_fkey" FOREIGN KEY ("staff_id") REFERENCES "staff"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review" ADD CONSTRAINT "review_service_item_id_fkey" FOREIGN KEY ("service_item_id") REFERENCES "service_item"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review" ADD CONSTRAINT "review_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "service_case"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review" ADD CONSTRAINT "review_option_set_id_fkey" FOREIGN KEY ("option_set_id") REFERENCES "option_set"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_case" ADD CONSTRAINT "service_case_service_item_id_fkey" FOREIGN KEY ("service_item_id") REFERENCES "service_item"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_case" ADD CONSTRAINT "service_case_hall_id_fkey" FOREIGN KEY ("hall_id") REFERENCES "hall"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_case" ADD CONSTRAINT "service_case_window_id_fkey" FOREIGN KEY ("window_id") REFERENCES "service_window"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_case" ADD CONSTRAINT "service_case_staff_id_fkey" FOREIGN KEY ("staff_id") REFERENCES "staff"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_option" ADD CONSTRAINT "review_option_option_set_id_fkey" FOREIGN KEY ("option_set_id") REFERENCES "option_set"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rating_invitation" ADD CONSTRAINT "rating_invitation_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "service_case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

