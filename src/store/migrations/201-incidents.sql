-- Incidents and their escalation (issue 6). Every transition is one conditional UPDATE on
-- `generation`; timers in Redis are rebuilt from the deadlines stored here.
CREATE TABLE incidents (
  id bigserial PRIMARY KEY,
  dedup_key text NOT NULL,
  title text NOT NULL,
  source text NOT NULL,
  level text NOT NULL CHECK (level IN ('N1', 'N2', 'N3')),
  state text NOT NULL CHECK (state IN ('open', 'acknowledged', 'resolved')),
  policy jsonb NOT NULL,
  generation integer NOT NULL,
  paged text[] NOT NULL DEFAULT '{}',
  opened_by text NOT NULL,
  opened_at timestamptz NOT NULL,
  acknowledged_by text,
  acknowledged_at timestamptz,
  resolved_by text,
  resolved_at timestamptz,
  next_ack_at timestamptz,
  next_repeat_at timestamptz,
  resolve_by timestamptz,
  silenced_until timestamptz,
  slack_channel text,
  slack_ts text,
  message_generation integer NOT NULL DEFAULT 0
);
-- The same failure joins the incident already open instead of opening another.
CREATE UNIQUE INDEX incidents_open_dedup ON incidents (dedup_key) WHERE state <> 'resolved';
CREATE INDEX incidents_unresolved ON incidents (id) WHERE state <> 'resolved';

-- The timeline: typed records, one per thing that happened (MTTA/MTTR are computed from it).
CREATE TABLE incident_events (
  id bigserial PRIMARY KEY,
  incident_id bigint NOT NULL REFERENCES incidents (id),
  at timestamptz NOT NULL,
  type text NOT NULL,
  level text NOT NULL,
  record jsonb NOT NULL
);
CREATE INDEX incident_events_by_incident ON incident_events (incident_id, id);

-- Messages to Slack written in the same transaction as the step (an outbox): a crash between
-- commit and enqueue loses nothing, the reconciler enqueues what is still unsent.
CREATE TABLE incident_outbox (
  id bigserial PRIMARY KEY,
  incident_id bigint NOT NULL REFERENCES incidents (id),
  kind text NOT NULL CHECK (kind IN ('root', 'thread', 'dm')),
  -- Slack user id for a DM; null for the incident's channel.
  recipient text,
  record jsonb NOT NULL,
  -- The deadline this message answers (for lateness measures), null for actions.
  due_at timestamptz,
  created_at timestamptz NOT NULL,
  sent_at timestamptz
);
CREATE INDEX incident_outbox_unsent ON incident_outbox (id) WHERE sent_at IS NULL;

CREATE TABLE oncall_overrides (
  id bigserial PRIMARY KEY,
  slack_id text NOT NULL,
  role text NOT NULL,
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  created_by text NOT NULL
);

CREATE TABLE maintenance_windows (
  id bigserial PRIMARY KEY,
  reason text NOT NULL,
  started_by text NOT NULL,
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  stopped_by text,
  stopped_at timestamptz
);
