import type { Queryable } from '../incidents/incident-queries.js';

/** The bot's loops whose last success is shared by the replicas. */
export type LoopName = 'watch';

/** Records that `loop` succeeded at `at` (a later mark never goes back in time). */
export async function markLoopSuccess(db: Queryable, loop: LoopName, at: number = Date.now()): Promise<void> {
  await db.query(
    `INSERT INTO loop_marks (loop, succeeded_at) VALUES ($1, $2)
     ON CONFLICT (loop) DO UPDATE SET succeeded_at = GREATEST(loop_marks.succeeded_at, EXCLUDED.succeeded_at)`,
    [loop, new Date(at)],
  );
}

/** When `loop` last succeeded on any replica, epoch ms, or null when never. */
export async function loopSucceededAt(db: Queryable, loop: LoopName): Promise<number | null> {
  const { rows } = await db.query<{ succeeded_at: Date }>(
    'SELECT succeeded_at FROM loop_marks WHERE loop = $1',
    [loop],
  );
  return rows[0] ? rows[0].succeeded_at.getTime() : null;
}

/**
 * Age of the oldest page not yet delivered (outbox row unsent), ms at `now`; 0 when none waits.
 * A page a notification rule delays (`send_after`, e.g. SMS at +5 min) waits from when it is due,
 * not from when it was written: until then it is not late.
 */
export async function oldestPendingPageMs(db: Queryable, now: number = Date.now()): Promise<number> {
  const { rows } = await db.query<{ due: Date }>(
    `SELECT min(COALESCE(send_after, created_at)) AS due FROM incident_outbox
      WHERE sent_at IS NULL AND (send_after IS NULL OR send_after <= $1)`,
    [new Date(now)],
  );
  const oldest = rows[0]?.due?.getTime();
  return oldest === undefined ? 0 : Math.max(0, now - oldest);
}
