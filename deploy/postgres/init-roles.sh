#!/bin/sh
# One-shot `db-init` service (postgres image, connects to the `postgres` service as the superuser).
# Idempotent, run on every `docker compose up`:
#   - role `haochaping` (the API, worker and migrations) owning database `haochaping`;
#   - role `temporal` (CREATEDB) that the `temporal-setup` service uses to create and own the
#     `temporal` and `temporal_visibility` databases;
#   - the passwords are set from .env each time, so rotating one is: edit .env, `docker compose up -d`.
# As the first step of every start it also refuses the example values of deploy/example.env and
# short secrets, so nothing starts with a CHANGE_ME password or key.
# Passwords go to psql as variables (:'pw'), never spliced into SQL text by the shell.
set -eu

check_secret() {
  name="$1"
  eval "value=\${$name:-}"
  case "$value" in
    '') echo "db-init: $name is not set (see deploy/example.env)" >&2; exit 1 ;;
    *CHANGE_ME*) echo "db-init: $name still has the example value: set it in .env" >&2; exit 1 ;;
  esac
  if [ "${#value}" -lt 16 ]; then
    echo "db-init: $name is shorter than 16 characters: use e.g. openssl rand -hex 32" >&2; exit 1
  fi
}
for secret in POSTGRES_PASSWORD HAOCHAPING_DB_PASSWORD TEMPORAL_DB_PASSWORD DATA_ENCRYPTION_KEY AUTH_TOKEN_SECRET; do
  check_secret "$secret"
done
APP_DB_USER="${APP_DB_USER:-haochaping}"
APP_DB_NAME="${APP_DB_NAME:-haochaping}"
TEMPORAL_DB_USER="${TEMPORAL_DB_USER:-temporal}"

i=0
until pg_isready -q; do
  i=$((i + 1))
  if [ "$i" -ge 60 ]; then echo "db-init: PostgreSQL at ${PGHOST:-?} not ready after 120 s" >&2; exit 1; fi
  sleep 2
done

psql -v ON_ERROR_STOP=1 -X -q --dbname=postgres \
  -v app_user="$APP_DB_USER" -v app_pw="$HAOCHAPING_DB_PASSWORD" -v app_db="$APP_DB_NAME" \
  -v tmp_user="$TEMPORAL_DB_USER" -v tmp_pw="$TEMPORAL_DB_PASSWORD" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN', :'app_user')
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'app_user') \gexec
ALTER ROLE :"app_user" WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'app_pw';

SELECT format('CREATE ROLE %I LOGIN', :'tmp_user')
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'tmp_user') \gexec
ALTER ROLE :"tmp_user" WITH LOGIN NOSUPERUSER CREATEDB NOCREATEROLE PASSWORD :'tmp_pw';

SELECT format('CREATE DATABASE %I OWNER %I ENCODING ''UTF8'' TEMPLATE template0', :'app_db', :'app_user')
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'app_db') \gexec
ALTER DATABASE :"app_db" OWNER TO :"app_user";
REVOKE ALL ON DATABASE :"app_db" FROM PUBLIC;
SQL

echo "db-init: roles ${APP_DB_USER}, ${TEMPORAL_DB_USER} and database ${APP_DB_NAME} are in place"
