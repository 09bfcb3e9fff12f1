-- The bot's own schema starts here. Areas number their migrations in their own ranges so that
-- parallel work never collides: 1xx remediations and audit, 2xx incidents and escalation,
-- 3xx reports.
CREATE TABLE IF NOT EXISTS samaops_instance (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO samaops_instance DEFAULT VALUES ON CONFLICT DO NOTHING;
