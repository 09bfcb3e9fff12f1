import type { Inventory } from '../../config/schema.js';
import { msg } from '../../i18n/message.js';
import { type CheckOutcome, defineCheck, type Threshold } from '../check.js';
import { postgresTargets } from './postgres-target.js';
import { statementExcerpt } from './statement-excerpt.js';

/** Most statements listed in `data`; the count is exact beyond it. */
const LISTED = 10;

const EXTENSION_SQL = `SELECT 1 FROM pg_extension WHERE extname = 'pg_stat_statements'`;

/** PG 13+ column names (`mean_exec_time`, not the runbook's `mean_time`); all databases of the server. */
const SLOW_STATEMENTS_SQL = `
  SELECT left(query, 1000) AS query, calls::text AS calls,
         mean_exec_time AS mean_ms, total_exec_time AS total_ms,
         count(*) OVER ()::int AS total
  FROM pg_stat_statements
  WHERE mean_exec_time > $1
  ORDER BY mean_exec_time DESC
  LIMIT ${LISTED}`;

/** SQLSTATE 55000: the view exists but the library was not loaded at server start. */
const NOT_IN_PREREQUISITE_STATE = '55000';

/** A row of SLOW_STATEMENTS_SQL, as pg returns it (`calls` is a bigint, hence text). */
export interface SlowStatementRow {
  query: string | null;
  calls: string;
  mean_ms: number;
  total_ms: number;
  total: number;
}

/** Where the statistics come from: the extension's view, or why it cannot be read. */
export type SlowStatementsSource =
  | { rows: readonly SlowStatementRow[] }
  | { missing: 'extension' | 'preload' };

/**
 * Runbook weekly maintenance "requêtes lentes": statements whose mean execution time exceeds
 * `thresholds.slowStatementMs` (default 1000 ms), from `pg_stat_statements`. Value: how many; any
 * → warn. `unknown` with the fix when the extension is not created in this database, or created
 * but not in `shared_preload_libraries` (querying the view then errors). Other roles' statement
 * texts read "<insufficient privilege>" unless the monitoring role has `pg_monitor`.
 */
export const postgresSlowStatements = defineCheck<null>({
  id: 'postgres.slow_statements',
  title: msg('check.postgres.slow_statements.title'),
  targets: postgresTargets,
  async run({ clients, inventory }) {
    const pool = clients.postgres();
    const extension = await pool.query(EXTENSION_SQL);
    if (extension.rowCount === 0) return gradeSlowStatements({ missing: 'extension' }, inventory);
    try {
      const { rows } = await pool.query<SlowStatementRow>(SLOW_STATEMENTS_SQL, [
        inventory.thresholds.slowStatementMs,
      ]);
      return gradeSlowStatements({ rows }, inventory);
    } catch (error) {
      if ((error as { code?: unknown }).code !== NOT_IN_PREREQUISITE_STATE) throw error;
      return gradeSlowStatements({ missing: 'preload' }, inventory);
    }
  },
});

/** Maps the view's rows (slowest first), or its absence, to an outcome; pure, tested alone. */
export function gradeSlowStatements(
  source: SlowStatementsSource,
  inventory: Pick<Inventory, 'thresholds'>,
): CheckOutcome {
  const ms = inventory.thresholds.slowStatementMs;
  const threshold: Threshold = { direction: 'above', warn: 0, unit: 'count' };
  if ('missing' in source) {
    const key =
      source.missing === 'extension'
        ? 'check.postgres.slow_statements.noExtension'
        : 'check.postgres.slow_statements.notPreloaded';
    return {
      status: 'unknown',
      value: null,
      threshold: null,
      detail: msg(key),
      data: { missing: source.missing },
    };
  }
  const statements = source.rows.map((row) => ({
    meanMs: Math.round(row.mean_ms),
    totalMs: Math.round(row.total_ms),
    calls: Number(row.calls),
    query: statementExcerpt(row.query),
  }));
  const slowest = statements[0];
  if (!slowest) {
    return {
      status: 'ok',
      value: 0,
      unit: 'count',
      threshold,
      detail: msg('check.postgres.slow_statements.none', { ms }),
      data: { thresholdMs: ms, statements },
    };
  }
  const count = source.rows[0]?.total ?? statements.length;
  return {
    status: 'warn',
    value: count,
    unit: 'count',
    threshold,
    detail: msg('check.postgres.slow_statements.detail', {
      count,
      ms,
      mean: slowest.meanMs,
      calls: slowest.calls,
      query: slowest.query,
    }),
    data: { thresholdMs: ms, statements },
  };
}
