import type { TeamRole } from '../../config/schema.js';
import type { OnCallOverride } from '../../core/escalation/on-call.js';
import type { Queryable } from './incident-queries.js';

/** Overrides still running at `now`. */
export async function activeOverrides(db: Queryable, now: number): Promise<OnCallOverride[]> {
  const { rows } = await db.query<{ slack_id: string; role: TeamRole; ends_at: Date }>(
    'SELECT slack_id, role, ends_at FROM oncall_overrides WHERE starts_at <= $1 AND ends_at > $1 ORDER BY id',
    [new Date(now)],
  );
  return rows.map((row) => ({ slackId: row.slack_id, role: row.role, untilMs: row.ends_at.getTime() }));
}

/** Adds an override: `slackId` holds `role` from now until `untilMs`. */
export async function addOverride(
  db: Queryable,
  override: OnCallOverride & { by: string },
  now: number,
): Promise<void> {
  await db.query(
    'INSERT INTO oncall_overrides (slack_id, role, starts_at, ends_at, created_by) VALUES ($1, $2, $3, $4, $5)',
    [override.slackId, override.role, new Date(now), new Date(override.untilMs), override.by],
  );
}

/** The maintenance window running at `now`, if any. */
export interface MaintenanceWindow {
  id: number;
  reason: string;
  startedBy: string;
  untilMs: number;
}

/** The running maintenance window (the latest to end wins), or null. */
export async function activeMaintenance(db: Queryable, now: number): Promise<MaintenanceWindow | null> {
  const { rows } = await db.query<{ id: string; reason: string; started_by: string; ends_at: Date }>(
    `SELECT id, reason, started_by, ends_at FROM maintenance_windows
     WHERE stopped_at IS NULL AND starts_at <= $1 AND ends_at > $1 ORDER BY ends_at DESC LIMIT 1`,
    [new Date(now)],
  );
  const row = rows[0];
  return row
    ? { id: Number(row.id), reason: row.reason, startedBy: row.started_by, untilMs: row.ends_at.getTime() }
    : null;
}

/** Starts a maintenance window until `untilMs`. */
export async function startMaintenance(
  db: Queryable,
  window: { reason: string; by: string; untilMs: number },
  now: number,
): Promise<void> {
  await db.query(
    'INSERT INTO maintenance_windows (reason, started_by, starts_at, ends_at) VALUES ($1, $2, $3, $4)',
    [window.reason, window.by, new Date(now), new Date(window.untilMs)],
  );
}

/** Ends every running window now; returns how many were running. */
export async function stopMaintenance(db: Queryable, by: string, now: number): Promise<number> {
  const result = await db.query(
    'UPDATE maintenance_windows SET stopped_at = $2, stopped_by = $1 WHERE stopped_at IS NULL AND ends_at > $2',
    [by, new Date(now)],
  );
  return result.rowCount ?? 0;
}
