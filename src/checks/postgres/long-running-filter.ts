/**
 * What counts as a long-running session, shared by the `postgres.long_queries` check and the
 * kill-queries remediation so that the button terminates exactly what the check reported:
 * non-idle client backends (`idle in transaction` included: it holds locks, and the runbook's
 * terminate step matches it too), not the querying session itself, running longer than `$1` seconds.
 * A walsender or a parallel worker is "active" for hours by design, hence client backends only.
 */
export const LONG_RUNNING_FILTER = `backend_type = 'client backend'
    AND state <> 'idle'
    AND pid <> pg_backend_pid()
    AND clock_timestamp() - query_start > make_interval(secs => $1)`;
