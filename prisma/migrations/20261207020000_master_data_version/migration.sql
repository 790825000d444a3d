-- CreateTable
CREATE TABLE "master_data_version" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "version" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "master_data_version_pkey" PRIMARY KEY ("id")
);

INSERT INTO "master_data_version" ("id", "version") VALUES (1, 0);

-- Every statement that writes a table the API and the worker cache raises the version in its own transaction and
-- queues a NOTIFY with it. PostgreSQL delivers the notification at commit, and not at all on rollback. The trigger
-- runs BEFORE the statement, so a writer takes the version row's lock before any row lock of that statement
-- (writers of these tables queue on it in one order). The upsert keeps working if the row was ever deleted.
-- Prisma's WebAssembly engine splits a migration at every semicolon, even inside quotes, so the PL/pgSQL body
-- spells its semicolons as \073 in an E'' string (as audit_log_append_only does, and these comments have no
-- semicolon).
CREATE FUNCTION master_data_changed() RETURNS trigger LANGUAGE plpgsql AS E'DECLARE next_version bigint\073 BEGIN INSERT INTO master_data_version (id, version) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET version = master_data_version.version + 1 RETURNING version INTO next_version\073 PERFORM pg_notify(''master_data_changed'', next_version::text)\073 RETURN NULL\073 END';

CREATE TRIGGER hall_master_data_changed BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "hall" FOR EACH STATEMENT EXECUTE FUNCTION master_data_changed();
CREATE TRIGGER service_window_master_data_changed BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "service_window" FOR EACH STATEMENT EXECUTE FUNCTION master_data_changed();
CREATE TRIGGER staff_master_data_changed BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "staff" FOR EACH STATEMENT EXECUTE FUNCTION master_data_changed();
CREATE TRIGGER service_item_master_data_changed BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "service_item" FOR EACH STATEMENT EXECUTE FUNCTION master_data_changed();
CREATE TRIGGER option_set_master_data_changed BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "option_set" FOR EACH STATEMENT EXECUTE FUNCTION master_data_changed();
CREATE TRIGGER review_option_master_data_changed BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "review_option" FOR EACH STATEMENT EXECUTE FUNCTION master_data_changed();
CREATE TRIGGER calendar_year_master_data_changed BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "calendar_year" FOR EACH STATEMENT EXECUTE FUNCTION master_data_changed();
