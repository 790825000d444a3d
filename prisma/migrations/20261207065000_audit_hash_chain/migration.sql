-- The audit trail is hash-chained: each entry carries the hash of the one before it, so an entry changed or removed
-- behind the application's back (by whoever owns the database: the append-only trigger can be switched off by an
-- owner) breaks the chain at that entry, and `npm run audit:verify` (prisma/src/audit-chain.ts) names the first
-- broken link. chain_seq orders the chain (ids are drawn before the lock below, so they need not follow it).
ALTER TABLE "audit_log" ADD COLUMN "chain_seq" BIGINT, ADD COLUMN "prev_hash" TEXT, ADD COLUMN "hash" TEXT;
CREATE UNIQUE INDEX "audit_log_chain_seq_key" ON "audit_log"("chain_seq");

-- One entry's hash: SHA-256 (hex) over its fields, joined by the unit separator, and the previous entry's hash.
-- The one definition: the trigger below and the verifier both call it. Prisma's WebAssembly engine splits a
-- migration at every semicolon, even inside quotes, so the bodies spell theirs as \073 in E'' strings.
CREATE FUNCTION audit_log_entry_hash(seq bigint, at timestamptz, actor_id text, actor_role text, action text, entity_type text, entity_id text, details jsonb, request_id text, ip text, prev_hash text) RETURNS text LANGUAGE sql STABLE AS E'SELECT encode(sha256(convert_to(concat_ws(chr(31), seq::text, to_char(at AT TIME ZONE ''UTC'', ''YYYY-MM-DD"T"HH24:MI:SS.MS"Z"''), actor_id, actor_role, action, entity_type, coalesce(entity_id, ''''), coalesce(details::text, ''''), coalesce(request_id, ''''), coalesce(ip, ''''), prev_hash), ''UTF8'')), ''hex'')';

-- Every insert, whoever makes it, is chained under one transaction-scoped lock (inserts of the audit trail queue
-- on it until the inserting transaction ends, so two never take the same predecessor).
CREATE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql AS E'DECLARE last_seq bigint\073 last_hash text\073 BEGIN PERFORM pg_advisory_xact_lock(7235411801)\073 SELECT chain_seq, hash INTO last_seq, last_hash FROM audit_log WHERE chain_seq IS NOT NULL ORDER BY chain_seq DESC LIMIT 1\073 NEW.chain_seq := coalesce(last_seq, 0) + 1\073 NEW.prev_hash := coalesce(last_hash, '''')\073 NEW.hash := audit_log_entry_hash(NEW.chain_seq, NEW.at, NEW.actor_id, NEW.actor_role, NEW.action, NEW.entity_type, NEW.entity_id, NEW.details, NEW.request_id, NEW.ip, NEW.prev_hash)\073 RETURN NEW\073 END';

-- The entries written before the chain existed are chained now, in id order (the append-only trigger is held off
-- for this one statement of the migration).
ALTER TABLE "audit_log" DISABLE TRIGGER audit_log_no_update_or_delete;
DO E'DECLARE entry record\073 seq bigint := 0\073 previous text := ''''\073 BEGIN FOR entry IN SELECT * FROM audit_log ORDER BY id LOOP seq := seq + 1\073 UPDATE audit_log SET chain_seq = seq, prev_hash = previous, hash = audit_log_entry_hash(seq, entry.at, entry.actor_id, entry.actor_role, entry.action, entry.entity_type, entry.entity_id, entry.details, entry.request_id, entry.ip, previous) WHERE id = entry.id RETURNING hash INTO previous\073 END LOOP\073 END';
ALTER TABLE "audit_log" ENABLE TRIGGER audit_log_no_update_or_delete;

CREATE TRIGGER audit_log_chain BEFORE INSERT ON "audit_log" FOR EACH ROW EXECUTE FUNCTION audit_log_chain();
