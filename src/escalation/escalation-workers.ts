import { DelayedError, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { WORKER_BUDGET } from '../jobs/concurrency-budget.js';
import { type StartedWorker, startWorker } from '../jobs/start-worker.js';
import type { Logger } from '../logging/logger.js';
import { ChannelBusy } from '../outbound/channel-rate.js';
import type { OutboundJobData } from './escalation-queues.js';
import type { StepOutcome } from './incident-steps.js';
import { type DeliveryDeps, deliverOutbox, deliverUpdate } from './outbound/deliver-outbox.js';
import type { TimerJobData } from './timer-jobs.js';

/** Processes one timer job: applies its step; a timer fired early fails, to be retried shortly. */
export function timerProcessor(fireTimer: (data: TimerJobData) => Promise<StepOutcome>) {
  return async (job: Job<TimerJobData>) => {
    const outcome = await fireTimer(job.data);
    if (outcome.kind === 'refused' && outcome.refusal === 'not-due') {
      // Fired a little early (clocks): fail this attempt, BullMQ retries it shortly.
      throw new Error(`timer ${job.id} not due yet`);
    }
  };
}

/** Processes one outbound job; a busy channel delays the job by its slot's time left, not a failure. */
export function outboundProcessor(delivery: DeliveryDeps) {
  return async (job: Job<OutboundJobData>, token?: string) => {
    try {
      if (job.data.kind === 'outbox') await deliverOutbox(delivery, job.data.outboxId);
      else await deliverUpdate(delivery, job.data.incidentId, job.data.generation);
    } catch (error) {
      if (error instanceof ChannelBusy) {
        await job.moveToDelayed(Date.now() + error.waitMs, token);
        throw new DelayedError();
      }
      throw error;
    }
  };
}

/** Starts the timer and outbound workers; a replica killed mid-job leaves it locked for seconds only. */
export function startEscalationWorkers(options: {
  connection: Redis;
  logger: Logger;
  names: { timers: string; outbound: string };
  fireTimer: (data: TimerJobData) => Promise<StepOutcome>;
  delivery: DeliveryDeps;
  /** Default `WORKER_BUDGET.outbound`. */
  outboundConcurrency?: number;
}): StartedWorker<unknown>[] {
  const { connection, logger, names } = options;
  const locks = { lockDuration: 10_000, stalledInterval: 5_000 };
  return [
    startWorker(names.timers, timerProcessor(options.fireTimer), {
      connection,
      logger,
      label: 'escalation',
      concurrency: WORKER_BUDGET.timers.concurrency,
      ...locks,
    }),
    startWorker(names.outbound, outboundProcessor(options.delivery), {
      connection,
      logger,
      label: 'escalation',
      concurrency: options.outboundConcurrency ?? WORKER_BUDGET.outbound.concurrency,
      ...locks,
    }),
  ] as StartedWorker<unknown>[];
}
