-- Settings an admin changes without a release. The first one: how many reviews a hall, window, staff member,
-- department or item needs in a period before it is ranked (it was hard-coded as 3 in the console).
CREATE TABLE "app_setting" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updated_by" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "app_setting_pkey" PRIMARY KEY ("key")
);

INSERT INTO "app_setting" ("key", "value", "updated_by") VALUES ('results.minReviewsToRank', '3', 'migration');
