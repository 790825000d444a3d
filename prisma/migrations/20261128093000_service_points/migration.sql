-- CreateTable
CREATE TABLE "service_point" (
    "id" UUID NOT NULL,
    "hall_id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "service_point_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "service_point_hall_id_code_key" ON "service_point"("hall_id", "code");

-- AddForeignKey
ALTER TABLE "service_point" ADD CONSTRAINT "service_point_hall_id_fkey" FOREIGN KEY ("hall_id") REFERENCES "hall"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

