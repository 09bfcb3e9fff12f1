-- The dead-man's switch (issue 17): when each of the bot's loops last succeeded, shared by the
-- replicas (the watch runs on one replica per tick, and every replica's heartbeat reads it).
CREATE TABLE loop_marks (
  loop text PRIMARY KEY,
  succeeded_at timestamptz NOT NULL
);
