import { statementExcerpt } from '../checks/postgres/statement-excerpt.js';
import { byteCount, msg } from '../i18n/message.js';
import { linesSection } from './lines-section.js';

/** Lines per PostgreSQL section, as the runbook's weekly queries (`LIMIT 10`). */
const LISTED = 10;

/** Runbook §9.2 "tables les plus volumineuses". */
const LARGEST_TABLES_SQL = `
  SELECT schemaname || '.' || tablename AS name,
         pg_total_relation_size(quote_ident(schemaname) || '.' || quote_ident(tablename))::text AS bytes
  FROM pg_tables WHERE schemaname = 'public'
  ORDER BY pg_total_relation_size(quote_ident(schemaname) || '.' || quote_ident(tablename)) DESC
  LIMIT ${LISTED}`;

/**
 * Runbook §9.2 "index manquants potentiels": many distinct values, stored out of order. PostgreSQL
 * stores n_distinct as a negative fraction of the rows when it grows with the table (e.g. -1 for a
 * unique column), which the runbook's `n_distinct > 100` misses: it is turned into a count here.
 */
const INDEX_CANDIDATES_SQL = `
  SELECT * FROM (
    SELECT s.tablename || '.' || s.attname AS name,
           CASE WHEN s.n_distinct < 0 THEN -s.n_distinct * c.reltuples ELSE s.n_distinct END AS n_distinct,
           s.correlation
    FROM pg_stats s
    JOIN pg_class c ON c.relname = s.tablename
    JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = s.schemaname
    WHERE s.schemaname = 'public' AND s.correlation < 0.1
  ) candidates
  WHERE n_distinct > 100
  ORDER BY n_distinct DESC
  LIMIT ${LISTED}`;

/** Indexes never scanned since the statistics were reset; primary keys enforce a constraint and stay. */
const UNUSED_INDEXES_SQL = `
  SELECT relname || '.' || indexrelname AS name, pg_relation_size(indexrelid)::text AS bytes
  FROM pg_stat_user_indexes
  WHERE idx_scan = 0 AND indexrelname NOT LIKE '%\\_pkey'
  ORDER BY pg_relation_size(indexrelid) DESC
  LIMIT ${LISTED}`;

/** PG 13+ columns (`mean_exec_time`, `total_exec_time`); the runbook's `mean_time` no longer exists. */
const SLOWEST_STATEMENTS_SQL = `
  SELECT queryid::text AS id, left(query, 1000) AS query, calls::text AS calls,
         mean_exec_time AS mean_ms, total_exec_time AS total_ms
  FROM pg_stat_statements
  WHERE query NOT ILIKE '%pg_stat_statements%'
  ORDER BY mean_exec_time DESC
  LIMIT ${LISTED}`;

/** The 10 largest tables with their total size (table, indexes, TOAST); compared over weeks as growth. */
export const largestTables = linesSection(
  'largest-tables',
  msg('report.section.largestTables'),
  async ({ clients }) => {
    const { rows } = await clients.postgres().query<{ name: string; bytes: string }>(LARGEST_TABLES_SQL);
    return rows.map((row) => ({
      label: row.name,
      status: 'ok',
      text: msg('report.table.size', { size: byteCount(Number(row.bytes)) }),
      metric: `table:${row.name}`,
      value: Number(row.bytes),
      unit: 'bytes',
    }));
  },
);

/** Columns the runbook's pg_stats query points at as index candidates. */
export const indexCandidates = linesSection(
  'index-candidates',
  msg('report.section.indexCandidates'),
  async ({ clients }) => {
    const { rows } = await clients
      .postgres()
      .query<{ name: string; n_distinct: number; correlation: number }>(INDEX_CANDIDATES_SQL);
    return rows.map((row) => ({
      label: row.name,
      status: 'ok',
      text: msg('report.index.candidate', {
        distinct: Math.round(row.n_distinct),
        correlation: row.correlation.toFixed(2),
      }),
    }));
  },
);

/** Indexes never used (`idx_scan = 0`), biggest first: they cost writes and space for nothing. */
export const unusedIndexes = linesSection(
  'unused-indexes',
  msg('report.section.unusedIndexes'),
  async ({ clients }) => {
    const { rows } = await clients.postgres().query<{ name: string; bytes: string }>(UNUSED_INDEXES_SQL);
    return rows.map((row) => ({
      label: row.name,
      status: 'ok',
      text: msg('report.index.unused', { size: byteCount(Number(row.bytes)) }),
      metric: `unused-index:${row.name}`,
      value: Number(row.bytes),
      unit: 'bytes',
    }));
  },
  { trackNew: true },
);

/** The 10 statements slowest on average; a statement absent from last week's report shows as new. */
export const slowestStatements = linesSection(
  'slowest-statements',
  msg('report.section.slowestStatements'),
  async ({ clients, inventory }) => {
    const { rows } = await clients
      .postgres()
      .query<{ id: string; query: string | null; calls: string; mean_ms: number; total_ms: number }>(
        SLOWEST_STATEMENTS_SQL,
      );
    return rows.map((row) => ({
      label: statementExcerpt(row.query ?? '?'),
      status: row.mean_ms > inventory.thresholds.slowStatementMs ? 'warn' : 'ok',
      text: msg('report.statement', {
        mean: Math.round(row.mean_ms),
        total: Math.round(row.total_ms),
        calls: row.calls,
      }),
      metric: `statement:${row.id}`,
      value: Math.round(row.mean_ms),
      unit: 'ms',
    }));
  },
  { trackNew: true },
);

/**
 * Indexes bigger than their own table once past 1 MiB: the usual sign of bloat that `REINDEX
 * CONCURRENTLY` reclaims (runbook §9.3 "réindexation").
 */
const REINDEX_CANDIDATES_SQL = `
  SELECT i.relname || '.' || i.indexrelname AS name,
         pg_relation_size(i.indexrelid)::text AS index_bytes, pg_relation_size(i.relid)::text AS table_bytes
  FROM pg_stat_user_indexes i
  WHERE pg_relation_size(i.indexrelid) > 1048576 AND pg_relation_size(i.indexrelid) > pg_relation_size(i.relid)
  ORDER BY pg_relation_size(i.indexrelid) DESC
  LIMIT ${LISTED}`;

/** Indexes larger than their table, biggest first. */
export const reindexCandidates = linesSection(
  'reindex-candidates',
  msg('report.section.reindexCandidates'),
  async ({ clients }) => {
    const { rows } = await clients
      .postgres()
      .query<{ name: string; index_bytes: string; table_bytes: string }>(REINDEX_CANDIDATES_SQL);
    return rows.map((row) => ({
      label: row.name,
      status: 'ok',
      text: msg('report.index.reindex', {
        index: byteCount(Number(row.index_bytes)),
        table: byteCount(Number(row.table_bytes)),
      }),
      metric: `reindex:${row.name}`,
      value: Number(row.index_bytes),
      unit: 'bytes',
    }));
  },
);
