#!/bin/sh
# One-shot `temporal-setup` service (temporalio/admin-tools): creates the Temporal databases on the
# shared PostgreSQL server and brings both schemas to the version the image ships. Idempotent:
# `setup-schema -v 0.0` skips a database already past 0.0 and `update-schema` only applies the
# versions still missing, so it also upgrades the schema when the Temporal images are upgraded.
# Connection from the environment: SQL_PLUGIN, SQL_HOST, SQL_PORT, SQL_USER, SQL_PASSWORD.
set -eu

: "${SQL_PASSWORD:?SQL_PASSWORD is required}"
SCHEMA_ROOT="${TEMPORAL_SCHEMA_ROOT:-/etc/temporal/schema/postgresql/v12}"
MAIN_DB="${TEMPORAL_DB_NAME:-temporal}"
VISIBILITY_DB="${TEMPORAL_VISIBILITY_DB_NAME:-temporal_visibility}"

# temporal-sql-tool 1.29 already succeeds when the database exists; the case below keeps a
# re-run safe should a later version report it as an error instead.
create_database() {
  if out=$(temporal-sql-tool --db "$1" create-database --defaultdb postgres 2>&1); then
    echo "temporal-setup: database $1 is present"
    return 0
  fi
  case "$out" in
    *"already exists"*|*42P04*) echo "temporal-setup: database $1 already exists" ;;
    *) echo "$out" >&2; echo "temporal-setup: could not create database $1" >&2; return 1 ;;
  esac
}

setup() {
  db="$1"; dir="$2"
  create_database "$db"
  temporal-sql-tool --db "$db" setup-schema -v 0.0
  temporal-sql-tool --db "$db" update-schema -d "$dir"
  echo "temporal-setup: schema of $db is up to date"
}

setup "$MAIN_DB" "$SCHEMA_ROOT/temporal/versioned"
setup "$VISIBILITY_DB" "$SCHEMA_ROOT/visibility/versioned"
