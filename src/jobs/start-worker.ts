import { type Processor, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { settledWithin } from '../lifecycle/settles-within.js';
import { errorReason } from '../logging/error-reason.js';
import type { Logger } from '../logging/logger.js';

/** What a forced close may take at most (it only drops the worker's connections). */
const FORCE_CLOSE_MS = 1000;

/** How a worker runs. */
export interface WorkerOptions {
  /** The bot's BullMQ connection (`openJobConnection`); the caller owns it. */
  connection: Redis;
  logger: Logger;
  /** Jobs run at once on this replica; see `WORKER_BUDGET` for the bot's own workers. */
  concurrency: number;
  /** How long a job stays locked without renewal. Default BullMQ's 30 s. */
  lockDuration?: number;
  /** How often stalled jobs are looked for. Default BullMQ's 30 s. */
  stalledInterval?: number;
  /** Names the worker in its logs, e.g. `escalation`. Default the queue's name. */
  label?: string;
}

/** A started worker and its bounded close. */
export interface StartedWorker<T> {
  worker: Worker<T>;
  /**
   * Stops taking jobs; a job in progress gets `graceMs` (default 1500) to end, then the worker
   * is closed by force (the job, left locked, is retried once its lock expires). With `force`,
   * at once. Never waits for a hung Redis longer than the grace plus one second.
   */
  close(graceMs?: number, options?: { force?: boolean }): Promise<void>;
}

/**
 * Starts a BullMQ worker on the bot's connection, its failures and errors logged. Every worker
 * of the bot starts here, so each one closes within a bound: `worker.close()` has none of its own.
 */
export function startWorker<T>(
  name: string,
  processor: Processor<T>,
  options: WorkerOptions,
): StartedWorker<T> {
  const { logger } = options;
  const label = options.label ?? name;
  const worker = new Worker<T>(name, processor, {
    connection: options.connection,
    concurrency: options.concurrency,
    ...(options.lockDuration !== undefined ? { lockDuration: options.lockDuration } : {}),
    ...(options.stalledInterval !== undefined ? { stalledInterval: options.stalledInterval } : {}),
  });
  worker.on('failed', (job, error) =>
    logger.warn(
      { queue: name, job: job?.id, attempts: job?.attemptsMade, err: errorReason(error) },
      `${label} job failed`,
    ),
  );
  worker.on('error', (error) =>
    logger.warn({ queue: name, err: errorReason(error) }, `${label} worker error`),
  );
  return {
    worker,
    // A second close(true) only returns the first close's promise: the grace is waited on
    // pause(), which stops taking jobs and waits for the current ones, and close is called once,
    // forced if a job outlived the grace.
    async close(graceMs = 1500, { force = false } = {}) {
      const begun = performance.now();
      const idle = force ? false : await settledWithin(worker.pause(), graceMs);
      const left = Math.max(0, graceMs - (performance.now() - begun));
      await settledWithin(
        worker.close(!idle).catch(() => undefined),
        (force ? 0 : left) + FORCE_CLOSE_MS,
      );
    },
  };
}
