-- SLOs (issue 20): the watch's runs as a per-minute series, one row per (check, target) and
-- minute: the worst status of that minute's runs and the largest value measured. Only the checks
-- the inventory's SLOs name are kept, for `slo.retention`; each run prunes what has aged out.
-- A series is named once in slo_series, so a sample row is a few fixed-width columns.
CREATE TABLE slo_series (
  id smallint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  check_id text NOT NULL,
  target text NOT NULL,
  UNIQUE (check_id, target)
);

CREATE TABLE slo_samples (
  -- Minutes since 1970-01-01 00:00 UTC: a month is 43,200 of them.
  minute integer NOT NULL,
  -- ms for the latency checks; NULL when the run measured nothing.
  value real,
  series_id smallint NOT NULL REFERENCES slo_series (id),
  -- The checks' order of gravity: 0 ok, 1 warn, 2 unknown, 3 fail.
  status smallint NOT NULL CHECK (status BETWEEN 0 AND 3),
  PRIMARY KEY (minute, series_id)
);
