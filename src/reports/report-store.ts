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

/** Whether a schedule slot already has its report stored. */
export async function slotStored(pool: pg.Pool, slot: string): Promise<boolean> {
  const { rowCount } = await pool.query('SELECT 1 FROM reports WHERE slot = $1', [slot]);
  return rowCount === 1;
}

/**
 * Claims a slot's stored report for posting: returns it when it is not posted yet and nobody
 * claimed it in the last `staleMs` (a replica that died while posting); undefined otherwise.
 */
export async function claimForPosting(
  pool: pg.Pool,
  slot: string,
  staleMs: number,
): Promise<Report | undefined> {
  const { rows } = await pool.query<{ body: Report }>(
    `UPDATE reports SET posting_since = now()
      WHERE slot = $1 AND posted_at IS NULL
        AND (posting_since IS NULL OR posting_since < now() - make_interval(secs => $2))
      RETURNING body`,
    [slot, staleMs / 1000],
  );
  return rows[0]?.body;
}

/** Records that the slot's report is posted (and where: the main message's ts). */
export async function markPosted(pool: pg.Pool, slot: string, ts: string | undefined): Promise<void> {
  await pool.query(
    'UPDATE reports SET posted_at = now(), slack_ts = $2, posting_since = NULL WHERE slot = $1',
    [slot, ts ?? null],
  );
}

/** Gives a claim back after a failed post, so that the job's retry may post at once. */
export async function releasePostingClaim(pool: pg.Pool, slot: string): Promise<void> {
  await pool.query('UPDATE reports SET posting_since = NULL WHERE slot = $1 AND posted_at IS NULL', [slot]);
}

/** How many reports of `kind` are stored (tests and the bench count them). */
export async function countReports(pool: pg.Pool, kind: ReportKind): Promise<number> {
  const { rows } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM reports WHERE kind = $1', [
    kind,
  ]);
  return rows[0]?.n ?? 0;
}

/** Every stored report (any kind) collected in [from, to), oldest first: the charts' history. */
export async function reportsBetween(pool: pg.Pool, from: Date, to: Date): Promise<Report[]> {
  const { rows } = await pool.query<{ body: Report }>(
    'SELECT body FROM reports WHERE created_at >= $1 AND created_at < $2 ORDER BY created_at, id',
    [from, to],
  );
  return rows.map((row) => row.body);
}
