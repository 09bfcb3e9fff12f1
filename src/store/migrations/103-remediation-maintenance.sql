-- A request made during a maintenance window its rule does not allow: only the maintenance
-- override roles (default lead and architect, the runbook's N3) may approve it.
ALTER TABLE remediation_requests ADD COLUMN IF NOT EXISTS maintenance_forced boolean NOT NULL DEFAULT false;
