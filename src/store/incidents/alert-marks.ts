import type pg from 'pg';
import type { Queryable } from './incident-queries.js';

/**
 * Records that the alert of `dedupKey` received at `receivedAt` is being acted on, unless a newer
 * webhook of it was already: returns false for a stale job (skip it). A retry of the same job
 * (same time) goes ahead, and so does an older `firing` while the newest is `firing` too: it is one
 * more report of the open failure (counted), never a reopening.
 */
export async function markAlert(
  db: Queryable,
  dedupKey: string,
  status: 'firing' | 'resolved',
  receivedAt: number,
): Promise<boolean> {
  const { rowCount } = await db.query(
    `INSERT INTO alert_marks (dedup_key, received_at, status) VALUES ($1, $2, $3)
     ON CONFLICT (dedup_key) DO UPDATE SET
         received_at = GREATEST(alert_marks.received_at, EXCLUDED.received_at),
         status = CASE WHEN EXCLUDED.received_at >= alert_marks.received_at
                       THEN EXCLUDED.status ELSE alert_marks.status END
       WHERE alert_marks.received_at <= EXCLUDED.received_at
          OR (EXCLUDED.status = 'firing' AND alert_marks.status = 'firing')`,
    [dedupKey, new Date(receivedAt), status],
  );
  return rowCount === 1;
}

/** Advisory lock class of "acting on this alert fingerprint" (an arbitrary constant). */
const ALERT_LOCK = 7_243_211;

/**
 * Runs `work` while holding the fingerprint's lock (a session advisory lock on a connection of its
 * own, across replicas), so that the jobs of one alert act one after another: a `resolved` never
 * looks for the incident while its `firing` is still opening it. Other fingerprints run freely.
 */
export async function withAlertLock<T>(pool: pg.Pool, dedupKey: string, work: () => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1, hashtext($2))', [ALERT_LOCK, dedupKey]);
    try {
      return await work();
    } finally {
      await client.query('SELECT pg_advisory_unlock($1, hashtext($2))', [ALERT_LOCK, dedupKey]);
    }
  } finally {
    client.release();
  }
}
