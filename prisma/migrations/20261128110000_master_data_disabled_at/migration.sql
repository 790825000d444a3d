-- AlterTable
ALTER TABLE "service_item" ADD COLUMN     "disabled_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "service_window" ADD COLUMN     "disabled_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "staff" ADD COLUMN     "disabled_at" TIMESTAMPTZ(3);
