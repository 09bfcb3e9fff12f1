import { msg } from '../../i18n/message.js';
import { defineCheck } from '../check.js';
import { above, grade } from '../grade.js';
import { postgresTargets } from './postgres-target.js';

/** Runbook 10.2: `psql -c "SELECT 1;"`, held against the DB response targets (100 / 500 ms). */
export const postgresPing = defineCheck<null>({
  id: 'postgres.ping',
  title: msg('check.postgres.ping.title'),
  onTimeout: 'fail',
  targets: postgresTargets,
  async run({ clients, inventory }) {
    const started = performance.now();
    await clients.postgres().query('SELECT 1');
    const ms = Math.round(performance.now() - started);
    const threshold = above(inventory.thresholds.dbLatencyMs, 'ms');
    return {
      status: grade(ms, threshold),
      value: ms,
      unit: 'ms',
      threshold,
      detail: msg('check.postgres.ping.detail', { ms }),
    };
  },
});
