import type pg from 'pg';
import type { Report, ReportKind } from './report-model.js';

/** The newest stored report of `kind`, or undefined when there is none. */
export async function latestReport(pool: pg.Pool, kind: ReportKind): Promise<Report | undefined> {
  const { rows } = await pool.query<{ body: Report }>(
    'SELECT body FROM reports WHERE kind = $1 ORDER BY created_at DESC, id DESC LIMIT 1',
    [kind],
  );
  return rows[0]?.body;
}

/**
 * Stores a report; with a `slot` (one schedule occurrence) only the first report of that slot is
 * stored. Returns false when the slot was already taken: the caller then posts nothing.
 */
export async function saveReport(pool: pg.Pool, report: Report, slot?: string): Promise<boolean> {
  const { rowCount } = await pool.query(
    `INSERT INTO reports (kind, created_at, slot, body) VALUES ($1, $2, $3, $4)
     ON CONFLICT (slot) DO NOTHING`,
    [report.kind, report.createdAt, slot ?? null, JSON.stringify(report)],
  );
  return rowCount === 1;
}

/** How many reports of `kind` are stored (tests and the bench count them). */
export async function countReports(pool: pg.Pool, kind: ReportKind): Promise<number> {
  const { rows } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM reports WHERE kind = $1', [
    kind,
  ]);
  return rows[0]?.n ?? 0;
}
