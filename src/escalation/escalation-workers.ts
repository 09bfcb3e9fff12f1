import { DelayedError, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { WORKER_BUDGET } from '../jobs/concurrency-budget.js';
import { type StartedWorker, startWorker } from '../jobs/start-worker.js';
import { errorReason } from '../logging/error-reason.js';
import type { Logger } from '../logging/logger.js';
import { ChannelBusy } from '../outbound/channel-rate.js';
import type { EscalationQueueNames, OutboundJobData, PageJobData } from './escalation-queues.js';
import type { StepOutcome } from './incident-steps.js';
import {
  type DeliveryDeps,
  deliverOutbox,
  deliverUpdate,
  RootNotPosted,
  SlackCallFailed,
} from './outbound/deliver-outbox.js';
import type { SlackOutage } from './pages/slack-outage.js';
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

/**
 * A thread line or an update waits this long for its incident's root message before it looks
 * again, unless the root's delivery wakes it first (a replica stopped between the two: the look).
 */
export const ROOT_WAIT_MS = 30_000;

/** Runs now what waits for the incident's root message, just posted. */
export type WakeWaiting = (incidentId: number) => Promise<void>;

/**
 * Processes one outbound job; a busy channel delays the job by its slot's time left, and a line
 * whose root message is not posted yet waits for it (`wake` runs it once the root is posted):
 * neither is a failure. A failed Slack call is told to `outage` (Slack's health, the failover of
 * pages).
 */
export function outboundProcessor(
  delivery: DeliveryDeps,
  outage?: SlackOutage,
  logger?: Logger,
  wake?: WakeWaiting,
) {
  return async (job: Job<OutboundJobData>, token?: string) => {
    try {
      const done =
        job.data.kind === 'outbox'
          ? await deliverOutbox(delivery, job.data.outboxId)
          : await deliverUpdate(delivery, job.data.incidentId, job.data.generation);
      if (done !== 'nothing') await outage?.answered().catch((failure: unknown) => warn(logger, failure));
      if (typeof done === 'object')
        await wake?.(done.rootOf).catch((failure: unknown) => warnWake(logger, failure));
    } catch (error) {
      if (error instanceof ChannelBusy) {
        await job.moveToDelayed(Date.now() + error.waitMs, token);
        throw new DelayedError();
      }
      if (error instanceof RootNotPosted) {
        await job.moveToDelayed(Date.now() + ROOT_WAIT_MS, token);
        // Posted since this job looked? Its wake found this job running: wake it now.
        await wake?.(error.incidentId).catch((failure: unknown) => warnWake(logger, failure));
        throw new DelayedError();
      }
      if (error instanceof SlackCallFailed && outage) {
        const lastTry = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
        const outboxId = job.data.kind === 'outbox' ? job.data.outboxId : undefined;
        await outage.failed(outboxId, lastTry).catch((failure: unknown) => warn(logger, failure));
      }
      throw error;
    }
  };
}

/** A wake that failed leaves the lines to their own look, ROOT_WAIT_MS later. */
function warnWake(logger: Logger | undefined, failure: unknown): void {
  logger?.warn({ err: errorReason(failure) }, 'waking the lines waiting for a root message failed');
}

/** The failover's own trouble is logged; it never hides the Slack outcome of the job. */
function warn(logger: Logger | undefined, failure: unknown): void {
  logger?.warn({ err: errorReason(failure) }, 'page failover failed');
}

/** Starts the timer, outbound and pages workers; a replica killed mid-job leaves it locked for seconds only. */
export function startEscalationWorkers(options: {
  connection: Redis;
  logger: Logger;
  names: EscalationQueueNames;
  fireTimer: (data: TimerJobData) => Promise<StepOutcome>;
  delivery: DeliveryDeps;
  outage: SlackOutage;
  pages: (job: Job<PageJobData>, token?: string) => Promise<void>;
  /** Runs what waits for an incident's root message once it is posted. */
  wake?: WakeWaiting;
  /** Default `WORKER_BUDGET.outbound`. */
  outboundConcurrency?: number;
}): StartedWorker<unknown>[] {
  const { connection, logger, names } = options;
  const locks = { lockDuration: 10_000, stalledInterval: 5_000 };
  const common = { connection, logger, label: 'escalation', ...locks };
  return [
    startWorker(names.timers, timerProcessor(options.fireTimer), {
      ...common,
      concurrency: WORKER_BUDGET.timers.concurrency,
    }),
    startWorker(names.outbound, outboundProcessor(options.delivery, options.outage, logger, options.wake), {
      ...common,
      concurrency: options.outboundConcurrency ?? WORKER_BUDGET.outbound.concurrency,
    }),
    startWorker(names.pages, options.pages, { ...common, concurrency: WORKER_BUDGET.pages.concurrency }),
  ] as StartedWorker<unknown>[];
}
