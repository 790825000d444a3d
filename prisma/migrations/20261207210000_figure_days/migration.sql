-- Daily aggregates of the results' figure counters (issue 14), prisma/src/figures/figure-days.ts.
-- figure_day: one day's counters per stored dimension, hall and key (JSON of FigureCounters, the handling hours included).
CREATE TABLE "figure_day" (
    "id" BIGSERIAL NOT NULL,
    "day" DATE NOT NULL,
    "dimension" TEXT NOT NULL,
    "hall_id" UUID,
    "key" TEXT,
    "counters" JSONB NOT NULL,
    CONSTRAINT "figure_day_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "figure_day_dimension_day_idx" ON "figure_day"("dimension", "day");
CREATE INDEX "figure_day_day_idx" ON "figure_day"("day");

-- figure_day_status: a day is read from figure_day only while settled and not dirty.
CREATE TABLE "figure_day_status" (
    "day" DATE NOT NULL,
    "settled" BOOLEAN NOT NULL DEFAULT false,
    "dirty" BOOLEAN NOT NULL DEFAULT false,
    "computed_at" TIMESTAMPTZ(3),
    CONSTRAINT "figure_day_status_pkey" PRIMARY KEY ("day")
);

-- A write that changes what an older day counts marks that day dirty in the same transaction (then it is counted
-- live until recomputed). Rows of today and yesterday are never settled, so the intake path does not call these.
CREATE FUNCTION figure_day_touch(at timestamptz) RETURNS void LANGUAGE sql AS E'INSERT INTO figure_day_status ("day", "dirty") VALUES ((at AT TIME ZONE ''Asia/Shanghai'')::date, true) ON CONFLICT ("day") DO UPDATE SET "dirty" = true';

CREATE FUNCTION figure_day_review_changed() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN IF TG_OP <> ''INSERT'' THEN PERFORM figure_day_touch(OLD."created_at")\073 END IF\073 IF TG_OP <> ''DELETE'' THEN PERFORM figure_day_touch(NEW."created_at")\073 END IF\073 RETURN NULL\073 END';
CREATE TRIGGER review_figure_day_insert AFTER INSERT ON "review" FOR EACH ROW WHEN (NEW."created_at" < now() - interval '1 day') EXECUTE FUNCTION figure_day_review_changed();
CREATE TRIGGER review_figure_day_update AFTER UPDATE ON "review" FOR EACH ROW WHEN (OLD."created_at" < now() - interval '1 day' AND OLD IS DISTINCT FROM NEW) EXECUTE FUNCTION figure_day_review_changed();
CREATE TRIGGER review_figure_day_delete AFTER DELETE ON "review" FOR EACH ROW WHEN (OLD."created_at" < now() - interval '1 day') EXECUTE FUNCTION figure_day_review_changed();

CREATE FUNCTION figure_day_service_case_changed() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN IF TG_OP <> ''INSERT'' AND OLD."completed_at" IS NOT NULL THEN PERFORM figure_day_touch(OLD."completed_at")\073 END IF\073 IF TG_OP <> ''DELETE'' AND NEW."completed_at" IS NOT NULL THEN PERFORM figure_day_touch(NEW."completed_at")\073 END IF\073 RETURN NULL\073 END';
CREATE TRIGGER service_case_figure_day_insert AFTER INSERT ON "service_case" FOR EACH ROW WHEN (NEW."completed_at" < now() - interval '1 day') EXECUTE FUNCTION figure_day_service_case_changed();
CREATE TRIGGER service_case_figure_day_update AFTER UPDATE ON "service_case" FOR EACH ROW WHEN ((OLD."completed_at" < now() - interval '1 day' OR NEW."completed_at" < now() - interval '1 day') AND OLD IS DISTINCT FROM NEW) EXECUTE FUNCTION figure_day_service_case_changed();
CREATE TRIGGER service_case_figure_day_delete AFTER DELETE ON "service_case" FOR EACH ROW WHEN (OLD."completed_at" < now() - interval '1 day') EXECUTE FUNCTION figure_day_service_case_changed();

-- A closed rectification case changes only by repair (the read-model reconciler): its review's day and its own.
CREATE FUNCTION figure_day_rectification_changed() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN PERFORM figure_day_touch(OLD."opened_at")\073 PERFORM figure_day_touch(r."created_at") FROM "review" r WHERE r."id" = OLD."review_id"\073 RETURN NULL\073 END';
CREATE TRIGGER rectification_case_figure_day_update AFTER UPDATE ON "rectification_case" FOR EACH ROW WHEN (OLD."state" = 'CLOSED' AND OLD IS DISTINCT FROM NEW) EXECUTE FUNCTION figure_day_rectification_changed();
CREATE TRIGGER rectification_case_figure_day_delete AFTER DELETE ON "rectification_case" FOR EACH ROW WHEN (OLD."state" = 'CLOSED') EXECUTE FUNCTION figure_day_rectification_changed();

-- Handling times are working hours on the halls' calendars: a calendar year or a hall's office hours changed makes
-- every settled day dirty (counted live until the schedule has recomputed it).
CREATE FUNCTION figure_day_calendar_changed() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN UPDATE figure_day_status SET "dirty" = true WHERE "settled" AND NOT "dirty"\073 RETURN NULL\073 END';
CREATE TRIGGER calendar_year_figure_days AFTER INSERT OR UPDATE OR DELETE ON "calendar_year" FOR EACH STATEMENT EXECUTE FUNCTION figure_day_calendar_changed();
CREATE TRIGGER hall_figure_days AFTER UPDATE OF "office_hours" ON "hall" FOR EACH STATEMENT EXECUTE FUNCTION figure_day_calendar_changed();

-- Emptied tables (a test database, a restore) leave no aggregate behind.
CREATE FUNCTION figure_day_emptied() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN DELETE FROM figure_day\073 DELETE FROM figure_day_status\073 RETURN NULL\073 END';
CREATE TRIGGER review_figure_days_truncate AFTER TRUNCATE ON "review" FOR EACH STATEMENT EXECUTE FUNCTION figure_day_emptied();
CREATE TRIGGER service_case_figure_days_truncate AFTER TRUNCATE ON "service_case" FOR EACH STATEMENT EXECUTE FUNCTION figure_day_emptied();
CREATE TRIGGER rectification_case_figure_days_truncate AFTER TRUNCATE ON "rectification_case" FOR EACH STATEMENT EXECUTE FUNCTION figure_day_emptied();
