-- Append-only audit log of the guarded remediations (PRODUCT.md §3). Each row is chained to the
-- previous one: hash = sha256(prev_hash || canonical JSON of the row's content), computed by the
-- bot (src/store/audit/). Ids are assigned by the writer under the head row's lock, without a
-- sequence, so that a rolled-back insert leaves no gap and a deleted row shows as one.
CREATE TABLE IF NOT EXISTS audit_log (
  id bigint PRIMARY KEY,
  at timestamptz NOT NULL,
  actor text NOT NULL,
  action text NOT NULL,
  request_id text,
  detail jsonb NOT NULL,
  prev_hash text NOT NULL,
  hash text NOT NULL UNIQUE
);

-- The chain's head: locked FOR UPDATE by every writer (serialises appends across replicas) and
-- compared by the verifier, so that deleting the newest rows is detected too.
CREATE TABLE IF NOT EXISTS audit_head (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  last_id bigint NOT NULL DEFAULT 0,
  last_hash text NOT NULL DEFAULT repeat('0', 64)
);
INSERT INTO audit_head DEFAULT VALUES ON CONFLICT DO NOTHING;

-- Refuses UPDATE, DELETE and TRUNCATE for everyone the trigger applies to. A superuser can still
-- drop or disable it: the hash chain is what detects that.
CREATE OR REPLACE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log;
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
