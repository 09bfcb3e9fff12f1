-- Watch mode (issue 8): each (check, target)'s run of failures or health, shared by the replicas
-- so that the flap guard counts one run per tick whichever replica ran it.
CREATE TABLE watch_streaks (
  check_id text NOT NULL,
  target text NOT NULL,
  failures integer NOT NULL,
  healthy_since timestamptz,
  incident_id bigint REFERENCES incidents (id),
  level text CHECK (level IN ('N1', 'N2', 'N3')),
  recovery_noted boolean NOT NULL DEFAULT false,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (check_id, target)
);
