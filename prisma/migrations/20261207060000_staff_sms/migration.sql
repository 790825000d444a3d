-- Staff SMS for what cannot wait (issue 13): a staff member's encrypted mobile, the county duty phone, and the
-- admin-configurable rules saying which staff notices (kind × audience role) also go out by SMS.
ALTER TABLE "app_user" ADD COLUMN "phone_enc" TEXT;

CREATE TABLE "staff_sms_rule" (
    "kind" TEXT NOT NULL,
    "audience_role" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "obligations" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "hold_outside_office_time" BOOLEAN NOT NULL DEFAULT true,
    "updated_by" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "staff_sms_rule_pkey" PRIMARY KEY ("kind","audience_role")
);

CREATE TABLE "staff_sms_settings" (
    "id" SMALLINT NOT NULL DEFAULT 1,
    "county_duty_phone_enc" TEXT,
    "updated_by" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "staff_sms_settings_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "staff_sms_settings_one_row" CHECK ("id" = 1)
);

-- The defaults: level-1 overdue to the town leader, level-2 escalation to the county duty phone, the callback
-- reminder (1 working hour) to the handler. Every other kind and role sends no SMS.
INSERT INTO "staff_sms_rule" ("kind", "audience_role", "enabled", "obligations", "hold_outside_office_time") VALUES
  ('OVERDUE_LEVEL_1', 'TOWN_LEADER', true, ARRAY[]::TEXT[], true),
  ('OVERDUE_LEVEL_2', 'COUNTY_SUPERVISOR', true, ARRAY[]::TEXT[], true),
  ('REMINDER', 'HANDLER', true, ARRAY['callback']::TEXT[], true);
INSERT INTO "staff_sms_settings" ("id") VALUES (1);
