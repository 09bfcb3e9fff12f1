import { msg } from '../../i18n/message.js';
import { type CheckOutcome, defineCheck, type Threshold } from '../check.js';
import { isoTimestampSql } from './iso-timestamp-sql.js';
import { postgresTargets } from './postgres-target.js';
import { statementExcerpt } from './statement-excerpt.js';

/** A session blocked longer than this fails the check: API requests behind it are timing out. */
export const BLOCKED_FAIL_SECONDS = 60;

/** Most pairs listed in `data`; the count of blocked sessions is exact beyond it. */
const LISTED = 20;

/**
 * Blocked → blocking pairs through `pg_blocking_pids`, called only for sessions waiting on a lock
 * (it takes the lock manager's locks, so not for every backend). The wait starts at
 * `pg_locks.waitstart` (PG 14+), or at `query_start` in the instant before the server sets it.
 */
const BLOCKING_SQL = `
  WITH waiting AS MATERIALIZED (
    SELECT pid, usename, query, query_start
    FROM pg_stat_activity
    WHERE wait_event_type = 'Lock' AND pid <> pg_backend_pid()
  ), pairs AS (
    SELECT w.pid, w.usename AS user, left(w.query, 1000) AS query,
           extract(epoch FROM clock_timestamp() - coalesce(
             (SELECT min(l.waitstart) FROM pg_locks l WHERE l.pid = w.pid AND NOT l.granted),
             w.query_start))::float8 AS waiting_seconds,
           b.pid AS blocking_pid, b.usename AS blocking_user, left(b.query, 1000) AS blocking_query,
           ${isoTimestampSql('b.backend_start')} AS blocking_backend_start,
           ${isoTimestampSql('b.query_start')} AS blocking_query_start
    FROM waiting w
    CROSS JOIN LATERAL unnest(pg_blocking_pids(w.pid)) AS blocker(pid)
    JOIN pg_stat_activity b ON b.pid = blocker.pid
  )
  SELECT *, (SELECT count(DISTINCT pid) FROM pairs)::int AS blocked
  FROM pairs
  ORDER BY waiting_seconds DESC, pid, blocking_pid
  LIMIT ${LISTED}`;

/** A row of BLOCKING_SQL, as pg returns it. */
export interface BlockingRow {
  pid: number;
  user: string | null;
  query: string | null;
  waiting_seconds: number;
  blocking_pid: number;
  blocking_user: string | null;
  blocking_query: string | null;
  blocking_backend_start: string | null;
  blocking_query_start: string | null;
  blocked: number;
}

/** One blocked session and one session it waits for; the blocker's starts let a remediation re-validate it. */
export interface BlockingPair {
  blockedPid: number;
  blockedUser: string;
  waitingSeconds: number;
  blockedQuery: string;
  blockingPid: number;
  blockingUser: string;
  blockingQuery: string;
  blockingBackendStart: string | null;
  blockingQueryStart: string | null;
}

/**
 * Runbook 10.1 Problème 3 "Locks": sessions waiting for a lock another session holds.
 * Value: number of blocked sessions. None → ok; any → warn; any blocked longer than
 * BLOCKED_FAIL_SECONDS (60 s) → fail.
 */
export const postgresBlocking = defineCheck<null>({
  id: 'postgres.blocking',
  title: msg('check.postgres.blocking.title'),
  targets: postgresTargets,
  async run({ clients }) {
    const { rows } = await clients.postgres().query<BlockingRow>(BLOCKING_SQL);
    return gradeBlocking(rows);
  },
});

/** Maps blocking pairs (longest wait first) to an outcome; pure, so that the mapping is tested alone. */
export function gradeBlocking(rows: readonly BlockingRow[]): CheckOutcome {
  const threshold: Threshold = { direction: 'above', warn: 0, unit: 'count' };
  const pairs: BlockingPair[] = rows.map((row) => ({
    blockedPid: row.pid,
    blockedUser: row.user ?? '?',
    waitingSeconds: Math.round(row.waiting_seconds),
    blockedQuery: statementExcerpt(row.query),
    blockingPid: row.blocking_pid,
    blockingUser: row.blocking_user ?? '?',
    blockingQuery: statementExcerpt(row.blocking_query),
    blockingBackendStart: row.blocking_backend_start,
    blockingQueryStart: row.blocking_query_start,
  }));
  const worst = pairs[0];
  if (!worst) {
    return {
      status: 'ok',
      value: 0,
      unit: 'count',
      threshold,
      detail: msg('check.postgres.blocking.none'),
      data: { pairs },
    };
  }
  const blocked = rows[0]?.blocked ?? pairs.length;
  return {
    status: (rows[0]?.waiting_seconds ?? 0) > BLOCKED_FAIL_SECONDS ? 'fail' : 'warn',
    value: blocked,
    unit: 'count',
    threshold,
    detail: msg('check.postgres.blocking.detail', {
      count: blocked,
      pid: worst.blockedPid,
      user: worst.blockedUser,
      blockingPid: worst.blockingPid,
      blockingUser: worst.blockingUser,
      seconds: worst.waitingSeconds,
      query: worst.blockedQuery,
    }),
    data: { pairs },
  };
}
