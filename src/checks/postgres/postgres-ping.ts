import { msg } from '../../i18n/message.js';
import { defineCheck } from '../check.js';
import { fastestOf, timed } from '../fastest-sample.js';
import { above, grade } from '../grade.js';
import { roundMs } from '../round-ms.js';
import { postgresTargets } from './postgres-target.js';

/**
 * Runbook 10.2: `psql -c "SELECT 1;"`, held against the DB response targets (100 / 500 ms). What
 * is graded is the statement's round trip on a ready connection; taking the connection (a new
 * handshake, or a wait for a free one) is reported beside it, not graded: it measures the bot's
 * pool as much as the database.
 */
export const postgresPing = defineCheck<null>({
  id: 'postgres.ping',
  title: msg('check.postgres.ping.title'),
  onTimeout: 'fail',
  targets: postgresTargets,
  async run({ clients, inventory }) {
    const threshold = above(inventory.thresholds.dbLatencyMs, 'ms');
    const { result: roundTrip, connectMs } = await clients.postgres().session((query) =>
      fastestOf(
        () => timed(() => query('SELECT 1')),
        (ms) => ms,
        { threshold, budgetMs: inventory.checkTimeoutMs / 2 },
      ),
    );
    const ms = roundMs(roundTrip.best);
    const connect = roundMs(connectMs);
    return {
      status: grade(ms, threshold),
      value: ms,
      unit: 'ms',
      threshold,
      detail:
        roundTrip.samples === 1
          ? msg('check.postgres.ping.detail', { ms, connectMs: connect })
          : msg('check.postgres.ping.best', { ms, samples: roundTrip.samples, connectMs: connect }),
      data: { connectMs: connect, samples: roundTrip.samples },
    };
  },
});
