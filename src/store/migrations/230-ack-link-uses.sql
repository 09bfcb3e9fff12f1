-- Ack links (issue 17): a signed link in an e-mail or SMS page acknowledges or escalates an
-- incident without Slack. Each link acts at most once: its nonce is recorded here in the same
-- transaction as the step it made, so a replayed link finds its row and acts on nothing.
CREATE TABLE ack_link_uses (
  nonce text PRIMARY KEY,
  incident_id bigint NOT NULL REFERENCES incidents (id),
  person text NOT NULL,
  action text NOT NULL CHECK (action IN ('acknowledge', 'escalate')),
  used_at timestamptz NOT NULL
);
