import type pg from 'pg';
import type { Logger } from '../logging/logger.js';
import { unresolvedIncidents, unsentOutbox } from '../store/incidents/incident-queries.js';
import type { EscalationQueues } from './escalation-queues.js';
import { outboundJobId, scheduleTimers, timerJobId, timersOf } from './timer-jobs.js';

/** What one reconciliation re-created or retried. */
export interface Reconciled {
  timers: number;
  outbox: number;
  retried: number;
}

/**
 * Re-creates the timer and delivery jobs from PostgreSQL, which holds every deadline (BullMQ is
 * only the alarm clock): at start, every minute, and after a Redis flush.
 */
export function reconciler(pool: pg.Pool, queues: EscalationQueues): () => Promise<Reconciled> {
  return async () => {
    const incidents = await unresolvedIncidents(pool);
    const all = incidents.flatMap((incident) => timersOf(incident.id, incident.state));
    await scheduleTimers(queues.timers, all);
    const unsent = await unsentOutbox(pool);
    const updates = incidents
      .filter((incident) => incident.messageGeneration < incident.state.generation && incident.slackTs)
      .map((incident) => ({ incidentId: incident.id, generation: incident.state.generation }));
    await queues.enqueueAfterCommit({ timers: [], outbox: unsent, update: null });
    for (const update of updates) await queues.enqueueAfterCommit({ timers: [], outbox: [], update });
    // A job that used up its attempts (database or Slack down for long) keeps its id in the failed
    // set, so adding it again is ignored: retry those the database still needs.
    const wanted = new Set([...all.map(timerJobId), ...unsent.map((line) => outboundJobId(line.id))]);
    const failed = [
      ...(await queues.timers.getFailed()),
      ...(await queues.outbound.getFailed()),
      ...(await queues.pages.getFailed()),
    ];
    const retried = failed.filter((job) => job.id !== undefined && wanted.has(job.id));
    await Promise.allSettled(retried.map((job) => job.retry()));
    return { timers: all.length, outbox: unsent.length, retried: retried.length };
  };
}

/** Runs `reconcile` now and every `everyMs`; returns how to stop. Failures are logged, never thrown. */
export function startReconciling(
  reconcile: () => Promise<Reconciled>,
  everyMs: number,
  logger: Logger,
): () => void {
  const tick = () =>
    reconcile().catch((error: unknown) => logger.warn({ err: String(error) }, 'escalation reconcile failed'));
  void tick();
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
