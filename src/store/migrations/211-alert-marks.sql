-- Alert intake (issue 8): the newest webhook taken into account per alert fingerprint. The worker
-- runs alerts concurrently and retries them, so a `firing` retried after its `resolved` (or a
-- `resolved` run before its `firing`) would reopen or miss the incident: a job older than the mark
-- of its fingerprint is skipped. One row per fingerprint ever seen.
CREATE TABLE alert_marks (
  dedup_key text PRIMARY KEY,
  received_at timestamptz NOT NULL,
  status text NOT NULL CHECK (status IN ('firing', 'resolved'))
);
