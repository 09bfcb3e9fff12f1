import type { Inventory } from '../../config/schema.js';
import { msg } from '../../i18n/message.js';
import { type CheckOutcome, defineCheck, type Threshold } from '../check.js';
import { LONG_SESSION_COLUMNS, longSessionsSql } from './long-running-filter.js';
import { postgresTargets } from './postgres-target.js';
import { statementExcerpt } from './statement-excerpt.js';

/** Most long queries listed in `data`; the count is exact beyond it. */
const LISTED = 20;

/**
 * The runbook's "Requêtes en cours", restricted to what is long. Non-idle includes `idle in
 * transaction` (it holds locks; the runbook's terminate step matches it too). Client backends only:
 * a walsender or parallel worker is "active" for hours by design. The check's own backend is excluded.
 * Other roles' sessions are only visible to a monitoring role with `pg_monitor` (pg_read_all_stats).
 */
const LONG_QUERIES_SQL = longSessionsSql({
  columns: `${LONG_SESSION_COLUMNS},
         count(*) OVER ()::int AS total`,
  limit: LISTED,
});

/** A row of LONG_QUERIES_SQL, as pg returns it. */
export interface LongQueryRow {
  pid: number;
  user: string | null;
  age_seconds: number;
  backend_start: string;
  query_start: string;
  query: string | null;
  total: number;
}

/** One long query as reports and the terminate remediation see it (pid re-validated by both starts). */
export interface LongQuery {
  pid: number;
  user: string;
  ageSeconds: number;
  backendStart: string;
  queryStart: string;
  query: string;
}

/**
 * Runbook 10.1 Problème 3: queries running longer than `thresholds.longQuerySeconds` (default 300 s).
 * Value: how many. None → ok; any → warn; any older than twice the threshold → fail, because by
 * then it is no longer a slow report but a stuck session that holds a connection and maybe locks.
 */
export const postgresLongQueries = defineCheck<null>({
  id: 'postgres.long_queries',
  title: msg('check.postgres.long_queries.title'),
  targets: postgresTargets,
  async run({ clients, inventory }) {
    const seconds = inventory.thresholds.longQuerySeconds;
    const { rows } = await clients.postgres().query<LongQueryRow>(LONG_QUERIES_SQL, [seconds]);
    return gradeLongQueries(rows, inventory);
  },
});

/** Maps long-query rows (oldest first) to an outcome; pure, so that the mapping is tested alone. */
export function gradeLongQueries(
  rows: readonly LongQueryRow[],
  inventory: Pick<Inventory, 'thresholds'>,
): CheckOutcome {
  const seconds = inventory.thresholds.longQuerySeconds;
  const threshold: Threshold = { direction: 'above', warn: 0, unit: 'count' };
  const queries: LongQuery[] = rows.map((row) => ({
    pid: row.pid,
    user: row.user ?? '?',
    ageSeconds: Math.round(row.age_seconds),
    backendStart: row.backend_start,
    queryStart: row.query_start,
    query: statementExcerpt(row.query),
  }));
  const oldest = queries[0];
  const count = rows[0]?.total ?? 0;
  if (!oldest) {
    return {
      status: 'ok',
      value: 0,
      unit: 'count',
      threshold,
      detail: msg('check.postgres.long_queries.none', { seconds }),
      data: { thresholdSeconds: seconds, queries },
    };
  }
  return {
    status: (rows[0]?.age_seconds ?? 0) > 2 * seconds ? 'fail' : 'warn',
    value: count,
    unit: 'count',
    threshold,
    detail: msg('check.postgres.long_queries.detail', {
      count,
      seconds,
      pid: oldest.pid,
      user: oldest.user,
      age: oldest.ageSeconds,
      query: oldest.query,
    }),
    data: { thresholdSeconds: seconds, queries },
  };
}
