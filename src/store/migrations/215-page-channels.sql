-- Pages by email, SMS and voice besides Slack DMs (issue 17). A person's page is one outbox line
-- per channel of their notification rules: `dm` for Slack, `page` for the others, each due at
-- `send_after` (null: at once) and tied to the step (`generation`) that paged. `sent_at` is when
-- the line was done with; `outcome` says how (null: sent, as before this migration).
ALTER TABLE incident_outbox DROP CONSTRAINT incident_outbox_kind_check;
ALTER TABLE incident_outbox
  ADD CONSTRAINT incident_outbox_kind_check CHECK (kind IN ('root', 'thread', 'dm', 'page')),
  ADD COLUMN channel text NOT NULL DEFAULT 'slack' CHECK (channel IN ('slack', 'email', 'sms', 'voice')),
  ADD COLUMN send_after timestamptz,
  ADD COLUMN generation integer,
  ADD COLUMN outcome text CHECK (outcome IN ('sent', 'cancelled', 'failed-over', 'failed'));
-- A page goes out once per person, channel and step, whichever replica writes it (a failover too).
CREATE UNIQUE INDEX incident_outbox_one_page ON incident_outbox (incident_id, generation, recipient, channel)
  WHERE kind IN ('dm', 'page') AND generation IS NOT NULL;
