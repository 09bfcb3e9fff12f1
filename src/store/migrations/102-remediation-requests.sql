-- Stored remediation requests: a button carries only a request's id, everything it acts on is
-- here. States move by single conditional UPDATEs (src/store/audit/remediation-requests.ts).
CREATE TABLE IF NOT EXISTS remediation_requests (
  id uuid PRIMARY KEY,
  remediation text NOT NULL,
  args jsonb NOT NULL,
  target_key text NOT NULL,
  target_label text NOT NULL,
  tier smallint NOT NULL CHECK (tier BETWEEN 1 AND 3),
  preview jsonb NOT NULL,
  evidence jsonb NOT NULL,
  requester text NOT NULL,
  channel text NOT NULL,
  message_ts text,
  state text NOT NULL DEFAULT 'requested'
    CHECK (state IN ('requested', 'approved', 'running', 'succeeded', 'failed', 'expired', 'rejected')),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  started_at timestamptz,
  finished_at timestamptz,
  outcome jsonb
);

-- One remediation at a time per target: a second one cannot become approved while one is.
CREATE UNIQUE INDEX IF NOT EXISTS remediation_requests_one_active_per_target
  ON remediation_requests (target_key) WHERE state IN ('approved', 'running');
CREATE INDEX IF NOT EXISTS remediation_requests_recent
  ON remediation_requests (remediation, started_at);

CREATE TABLE IF NOT EXISTS remediation_approvals (
  request_id uuid NOT NULL REFERENCES remediation_requests (id),
  approver text NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (request_id, approver)
);
