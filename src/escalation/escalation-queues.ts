import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { AfterCommit } from './incident-steps.js';
import { outboundJobId, scheduleTimers, type TimerJobData } from './timer-jobs.js';

/** A job of the outbound queue: one outbox message, or an update of the incident message. */
export type OutboundJobData =
  | { kind: 'outbox'; outboxId: number }
  | { kind: 'update'; incidentId: number; generation: number };

/** The escalation's two queues, and how a committed step's work reaches them. */
export interface EscalationQueues {
  timers: Queue<TimerJobData>;
  outbound: Queue<OutboundJobData>;
  /** Schedules the step's timers, removes its stale ones, enqueues its Slack deliveries. */
  enqueueAfterCommit(after: AfterCommit): Promise<void>;
  close(): Promise<void>;
}

/**
 * Opens the timer and outbound queues on the bot's connection. Delivery jobs retry with backoff
 * `attempts` times (about half an hour for 12), then wait for the reconciler.
 */
export function openEscalationQueues(
  connection: Redis,
  names: { timers: string; outbound: string },
  attempts: number,
): EscalationQueues {
  const timers = new Queue<TimerJobData>(names.timers, { connection });
  const outbound = new Queue<OutboundJobData>(names.outbound, { connection });
  const outboundOpts = {
    attempts,
    backoff: { type: 'exponential' as const, delay: 500 },
    removeOnComplete: true,
    removeOnFail: 5000,
  };
  return {
    timers,
    outbound,
    async enqueueAfterCommit(after) {
      await scheduleTimers(timers, after.timers);
      // An active job (the one running this step) is not removed (BullMQ returns 0): it ends stale.
      await Promise.allSettled((after.staleTimerIds ?? []).map((id) => timers.remove(id)));
      const jobs = [
        ...after.outbox.map((outboxId) => ({
          name: 'outbox',
          data: { kind: 'outbox' as const, outboxId },
          opts: { ...outboundOpts, jobId: outboundJobId(outboxId) },
        })),
        ...(after.update
          ? [
              {
                name: 'update',
                data: { kind: 'update' as const, ...after.update },
                opts: {
                  ...outboundOpts,
                  jobId: `upd-${after.update.incidentId}-gen-${after.update.generation}`,
                },
              },
            ]
          : []),
      ];
      if (jobs.length > 0) await outbound.addBulk(jobs);
    },
    async close() {
      await Promise.allSettled([timers.close(), outbound.close()]);
    },
  };
}
