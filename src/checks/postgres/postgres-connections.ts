import type { Inventory } from '../../config/schema.js';
import { msg } from '../../i18n/message.js';
import { type CheckOutcome, defineCheck } from '../check.js';
import { above, grade } from '../grade.js';
import { postgresTargets } from './postgres-target.js';

/**
 * Client connections by state, server-wide, in one round trip. Background workers, walsenders and
 * autovacuum are not client backends and do not count. A client backend whose state is NULL belongs
 * to another role and is hidden from a monitoring role without `pg_read_all_stats` (grant it
 * `pg_monitor`); it is counted as `unknown`.
 */
const CONNECTIONS_SQL = `
  SELECT current_setting('max_connections')::int AS max_connections,
         coalesce(json_object_agg(state, count), '{}'::json) AS states
  FROM (SELECT coalesce(state, 'unknown') AS state, count(*)::int AS count
        FROM pg_stat_activity
        WHERE backend_type = 'client backend'
        GROUP BY 1) AS by_state`;

interface ConnectionsRow {
  max_connections: number;
  states: Record<string, number>;
}

/**
 * Runbook 10.1 Problème 3 "Statistiques connexions": client connections held against the limit,
 * `services.postgres.maxConnections` when set (e.g. PgBouncer's pool size), else the server's
 * `max_connections` (which includes the superuser-reserved slots). Value: percent used.
 */
export const postgresConnections = defineCheck<null>({
  id: 'postgres.connections',
  title: msg('check.postgres.connections.title'),
  targets: postgresTargets,
  async run({ clients, inventory }) {
    const { rows } = await clients.postgres().query<ConnectionsRow>(CONNECTIONS_SQL);
    const row = rows[0];
    if (!row) throw new Error('pg_stat_activity returned no row');
    return gradeConnections(
      row.states,
      inventory.services.postgres?.maxConnections ?? row.max_connections,
      inventory,
    );
  },
});

/** Holds connection counts by state against a limit; pure, so that the mapping is tested alone. */
export function gradeConnections(
  states: Record<string, number>,
  limit: number,
  inventory: Pick<Inventory, 'thresholds'>,
): CheckOutcome {
  const used = Object.values(states).reduce((sum, count) => sum + count, 0);
  const percent = Math.round((used / limit) * 1000) / 10;
  const threshold = above(inventory.thresholds.connectionsPercent, '%');
  // Busiest state first: "idle 40, active 3, idle in transaction 1".
  const breakdown = Object.entries(states)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([state, count]) => `${state} ${count}`)
    .join(', ');
  return {
    status: grade(percent, threshold),
    value: percent,
    unit: '%',
    threshold,
    detail: msg('check.postgres.connections.detail', { used, limit, percent, states: breakdown }),
    data: { used, limit, states },
  };
}
