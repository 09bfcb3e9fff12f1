import { isoTimestampSql } from './iso-timestamp-sql.js';

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

/** What every long-session row carries, times as exact text (microseconds included) to compare them later. */
export const LONG_SESSION_COLUMNS = `pid, usename AS user,
         extract(epoch FROM clock_timestamp() - query_start)::float8 AS age_seconds,
         ${isoTimestampSql('backend_start')} AS backend_start,
         ${isoTimestampSql('query_start')} AS query_start,
         left(query, 1000) AS query`;

/**
 * The one long-sessions query (`$1` = age in seconds), oldest first, read by the long-query check,
 * the kill-queries preview and its evidence; `excludeBot` leaves out the bot's own sessions.
 */
export function longSessionsSql(options: { columns?: string; excludeBot?: boolean; limit: number }): string {
  const bot = options.excludeBot ? `\n    AND coalesce(application_name, '') NOT LIKE 'samaops%'` : '';
  return `
  SELECT ${options.columns ?? LONG_SESSION_COLUMNS}
  FROM pg_stat_activity
  WHERE ${LONG_RUNNING_FILTER}${bot}
  ORDER BY query_start
  LIMIT ${options.limit}`;
}
