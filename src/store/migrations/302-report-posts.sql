-- Posting a scheduled report is tracked apart from storing it: a Slack outage at 06:00 leaves the
-- report stored and unposted, and the job's retry posts the stored report (without collecting
-- again, so no maintenance step runs twice). `posting_since` is the claim of the replica posting.
ALTER TABLE reports
  ADD COLUMN posting_since timestamptz,
  ADD COLUMN posted_at timestamptz,
  ADD COLUMN slack_ts text;
