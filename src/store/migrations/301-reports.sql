-- Maintenance reports (issue 7): each stored whole as JSON, compared with the previous one of its
-- kind. `slot` names a schedule occurrence (kind and fire time): unique, so that two replicas, or
-- a stalled job retried, store and post one report per occurrence. NULL for reports run by hand.
CREATE TABLE reports (
  id bigserial PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('daily', 'weekly', 'monthly')),
  created_at timestamptz NOT NULL,
  slot text UNIQUE,
  body jsonb NOT NULL
);

CREATE INDEX reports_kind_created_at ON reports (kind, created_at DESC);
