-- CreateEnum
CREATE TYPE "service_nature" AS ENUM ('OFFLINE', 'ONLINE');

-- CreateEnum
CREATE TYPE "calendar_year_source" AS ENUM ('OFFICIAL', 'PROVISIONAL');

-- AlterTable
ALTER TABLE "hall" ADD COLUMN     "office_hours" JSONB NOT NULL DEFAULT '{"1":[{"start":"09:00","end":"12:00"},{"start":"13:00","end":"17:00"}],"2":[{"start":"09:00","end":"12:00"},{"start":"13:00","end":"17:00"}],"3":[{"start":"09:00","end":"12:00"},{"start":"13:00","end":"17:00"}],"4":[{"start":"09:00","end":"12:00"},{"start":"13:00","end":"17:00"}],"5":[{"start":"09:00","end":"12:00"},{"start":"13:00","end":"17:00"}]}';

-- CreateTable
CREATE TABLE "service_window" (
    "id" UUID NOT NULL,
    "hall_id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "service_window_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "staff" (
    "id" UUID NOT NULL,
    "employee_number" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "hall_id" UUID NOT NULL,
    "window_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "staff_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "department" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "department_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "service_item" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "department_id" UUID NOT NULL,
    "nature" "service_nature" NOT NULL,
    "on_application" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "service_item_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "calendar_year" (
    "year" INTEGER NOT NULL,
    "holidays" DATE[],
    "make_up_workdays" DATE[],
    "source" "calendar_year_source" NOT NULL,
    "notice" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "calendar_year_pkey" PRIMARY KEY ("year")
);

-- CreateIndex
CREATE UNIQUE INDEX "service_window_hall_id_code_key" ON "service_window"("hall_id", "code");

-- CreateIndex
CREATE UNIQUE INDEX "staff_employee_number_key" ON "staff"("employee_number");

-- CreateIndex
CREATE INDEX "staff_hall_id_idx" ON "staff"("hall_id");

-- CreateIndex
CREATE INDEX "staff_window_id_idx" ON "staff"("window_id");

-- CreateIndex
CREATE UNIQUE INDEX "department_code_key" ON "department"("code");

-- CreateIndex
CREATE UNIQUE INDEX "service_item_code_key" ON "service_item"("code");

-- CreateIndex
CREATE INDEX "service_item_department_id_idx" ON "service_item"("department_id");

-- CreateIndex
CREATE INDEX "service_item_nature_idx" ON "service_item"("nature");

-- AddForeignKey
ALTER TABLE "service_window" ADD CONSTRAINT "service_window_hall_id_fkey" FOREIGN KEY ("hall_id") REFERENCES "hall"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "staff" ADD CONSTRAINT "staff_hall_id_fkey" FOREIGN KEY ("hall_id") REFERENCES "hall"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "staff" ADD CONSTRAINT "staff_window_id_fkey" FOREIGN KEY ("window_id") REFERENCES "service_window"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_item" ADD CONSTRAINT "service_item_department_id_fkey" FOREIGN KEY ("department_id") REFERENCES "department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
