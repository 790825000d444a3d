-- 优化清单 (issue 14): recurring reasons of bad reviews, proposed to the county, become improvement items with an
-- owner, a due date and a status, linked to the reviews behind them. A recurrence key names what recurred
-- (hall, service item, reason code or free-text theme). At most one open item per key (partial unique index), so
-- the same recurrence is never proposed or accepted twice while an item for it is open.
CREATE TABLE "improvement_item" (
    "id" UUID NOT NULL,
    "recurrence_key" TEXT NOT NULL,
    "hall_id" UUID NOT NULL,
    "service_item_id" UUID,
    "reason_kind" TEXT NOT NULL,
    "reason_code" TEXT NOT NULL,
    "reason_label" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "owner_kind" TEXT NOT NULL,
    "owner_hall_id" UUID,
    "owner_department_id" UUID,
    "due_date" DATE NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "completion_note" TEXT,
    "accepted_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "done_at" TIMESTAMPTZ(3),

    CONSTRAINT "improvement_item_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "improvement_item_owner_check" CHECK (("owner_kind" = 'HALL' AND "owner_hall_id" IS NOT NULL AND "owner_department_id" IS NULL) OR ("owner_kind" = 'DEPARTMENT' AND "owner_department_id" IS NOT NULL AND "owner_hall_id" IS NULL)),
    CONSTRAINT "improvement_item_status_check" CHECK ("status" IN ('PENDING', 'IN_PROGRESS', 'DONE'))
);

CREATE UNIQUE INDEX "improvement_item_open_key" ON "improvement_item"("recurrence_key") WHERE "status" <> 'DONE';
CREATE INDEX "improvement_item_recurrence_key_idx" ON "improvement_item"("recurrence_key");
CREATE INDEX "improvement_item_owner_hall_id_idx" ON "improvement_item"("owner_hall_id");
CREATE INDEX "improvement_item_owner_department_id_idx" ON "improvement_item"("owner_department_id");
CREATE INDEX "improvement_item_created_at_idx" ON "improvement_item"("created_at");

ALTER TABLE "improvement_item" ADD CONSTRAINT "improvement_item_hall_id_fkey" FOREIGN KEY ("hall_id") REFERENCES "hall"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "improvement_item" ADD CONSTRAINT "improvement_item_service_item_id_fkey" FOREIGN KEY ("service_item_id") REFERENCES "service_item"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "improvement_item" ADD CONSTRAINT "improvement_item_owner_hall_id_fkey" FOREIGN KEY ("owner_hall_id") REFERENCES "hall"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "improvement_item" ADD CONSTRAINT "improvement_item_owner_department_id_fkey" FOREIGN KEY ("owner_department_id") REFERENCES "department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The reviews behind an item (those the proposal counted when it was accepted).
CREATE TABLE "improvement_item_review" (
    "item_id" UUID NOT NULL,
    "review_id" UUID NOT NULL,

    CONSTRAINT "improvement_item_review_pkey" PRIMARY KEY ("item_id", "review_id")
);

CREATE INDEX "improvement_item_review_review_id_idx" ON "improvement_item_review"("review_id");
ALTER TABLE "improvement_item_review" ADD CONSTRAINT "improvement_item_review_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "improvement_item"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "improvement_item_review" ADD CONSTRAINT "improvement_item_review_review_id_fkey" FOREIGN KEY ("review_id") REFERENCES "review"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A proposal the county dismissed, with its reason: the reviews it counted are not proposed again for that key
-- (only reviews after the dismissal count towards a new proposal).
CREATE TABLE "improvement_dismissal" (
    "id" UUID NOT NULL,
    "recurrence_key" TEXT NOT NULL,
    "hall_id" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "review_ids" UUID[],
    "dismissed_by" TEXT NOT NULL,
    "dismissed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "improvement_dismissal_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "improvement_dismissal_recurrence_key_dismissed_at_idx" ON "improvement_dismissal"("recurrence_key", "dismissed_at");
ALTER TABLE "improvement_dismissal" ADD CONSTRAINT "improvement_dismissal_hall_id_fkey" FOREIGN KEY ("hall_id") REFERENCES "hall"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

INSERT INTO "app_setting" ("key", "value", "updated_by") VALUES ('improvements.recurrence', '{"minCount": 3, "periodDays": 30, "themes": [{"label": "排队等候时间长", "keywords": ["排队", "等了", "等候"]}, {"label": "材料反复提交", "keywords": ["材料", "跑了好几趟", "多次跑"]}, {"label": "系统故障", "keywords": ["系统", "卡顿", "网络"]}]}', 'migration');
