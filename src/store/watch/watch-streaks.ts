import type pg from 'pg';
import type { Level } from '../../core/escalation/policy-snapshot.js';
import type { Queryable } from '../incidents/incident-queries.js';

/** One (check, target)'s history across watch runs: stored in PostgreSQL so replicas share it. */
export interface Streak {
  checkId: string;
  target: string;
  /** Consecutive failing runs (0 once the check passes). */
  failures: number;
  /** Since when the check passes without interruption, or null while it fails (or never ran). */
  healthySince: number | null;
  /** The unresolved incident this failure opened or joined, or null. */
  incidentId: number | null;
  /** The level asked for last: a higher one raises the incident. */
  level: Level | null;
  /** True once the recovery was noted on the incident (noted once per recovery). */
  recoveryNoted: boolean;
}

/** An arbitrary constant: the advisory lock that serialises watch runs' streak updates between replicas. */
const WATCH_LOCK = 7_243_210;

/**
 * Runs one watch run's fold and actions under the watch lock, held by the session of the client
 * given to `work`: two replicas' runs follow one another whole, so the second sees the first's
 * incident already linked and never asks to open (or join) it again. The lock goes with the
 * connection if the process dies.
 */
export async function withWatchLock<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('SELECT pg_advisory_lock($1)', [WATCH_LOCK]);
    try {
      return await work(client);
    } finally {
      // A connection that cannot unlock is destroyed, never pooled with the lock still held.
      await client.query('SELECT pg_advisory_unlock($1)', [WATCH_LOCK]).catch((error: Error) => {
        broken = error;
      });
    }
  } finally {
    client.release(broken);
  }
}

/** Every streak; an incident since resolved (by hand, or auto-resolved) reads as none. */
export async function readStreaks(db: Queryable): Promise<Streak[]> {
  const { rows } = await db.query<{
    check_id: string;
    target: string;
    failures: number;
    healthy_since: Date | null;
    incident_id: string | null;
    level: Streak['level'];
    recovery_noted: boolean;
  }>(
    `SELECT s.check_id, s.target, s.failures, s.healthy_since, s.recovery_noted,
            CASE WHEN i.state <> 'resolved' THEN s.incident_id END AS incident_id,
            CASE WHEN i.state <> 'resolved' THEN s.level END AS level
       FROM watch_streaks s LEFT JOIN incidents i ON i.id = s.incident_id`,
  );
  return rows.map((row) => ({
    checkId: row.check_id,
    target: row.target,
    failures: row.failures,
    healthySince: row.healthy_since ? row.healthy_since.getTime() : null,
    incidentId: row.incident_id === null ? null : Number(row.incident_id),
    level: row.level,
    recoveryNoted: row.recovery_noted,
  }));
}

/** Writes streaks (insert or replace), stamped `now`. */
export async function saveStreaks(db: Queryable, streaks: readonly Streak[], now: number): Promise<void> {
  for (const streak of streaks) {
    await db.query(
      `INSERT INTO watch_streaks (check_id, target, failures, healthy_since, incident_id, level, recovery_noted, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (check_id, target) DO UPDATE SET failures = $3, healthy_since = $4, incident_id = $5,
         level = $6, recovery_noted = $7, updated_at = $8`,
      [
        streak.checkId,
        streak.target,
        streak.failures,
        streak.healthySince === null ? null : new Date(streak.healthySince),
        streak.incidentId,
        streak.level,
        streak.recoveryNoted,
        new Date(now),
      ],
    );
  }
}

/** Records the incident a streak's failure opened or joined, and the level asked for. */
export async function linkStreak(
  db: Queryable,
  key: { checkId: string; target: string },
  incidentId: number,
  level: NonNullable<Streak['level']>,
): Promise<void> {
  await db.query(
    'UPDATE watch_streaks SET incident_id = $3, level = $4, recovery_noted = false WHERE check_id = $1 AND target = $2',
    [key.checkId, key.target, incidentId, level],
  );
}

/** Sets (or clears, when noting the recovery failed) the recovery mark of some streaks. */
export async function markRecoveryNoted(
  db: Queryable,
  keys: ReadonlyArray<{ checkId: string; target: string }>,
  noted: boolean,
): Promise<void> {
  for (const key of keys)
    await db.query('UPDATE watch_streaks SET recovery_noted = $3 WHERE check_id = $1 AND target = $2', [
      key.checkId,
      key.target,
      noted,
    ]);
}
