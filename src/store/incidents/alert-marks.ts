import type { Queryable } from './incident-queries.js';

/**
 * Records that the alert of `dedupKey` received at `receivedAt` is being acted on, unless a newer
 * webhook of it was already: returns false for a stale job (skip it). A retry of the same job
 * (same time) goes ahead.
 */
export async function markAlert(
  db: Queryable,
  dedupKey: string,
  status: 'firing' | 'resolved',
  receivedAt: number,
): Promise<boolean> {
  const { rowCount } = await db.query(
    `INSERT INTO alert_marks (dedup_key, received_at, status) VALUES ($1, $2, $3)
     ON CONFLICT (dedup_key) DO UPDATE SET received_at = EXCLUDED.received_at, status = EXCLUDED.status
       WHERE alert_marks.received_at <= EXCLUDED.received_at`,
    [dedupKey, new Date(receivedAt), status],
  );
  return rowCount === 1;
}
