import type { CustomRoute } from '@slack/bolt';
import { type Job, Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { WORKER_BUDGET } from '../../jobs/concurrency-budget.js';
import { startWorker } from '../../jobs/start-worker.js';
import { settlesWithin } from '../../lifecycle/settles-within.js';
import type { Logger } from '../../logging/logger.js';
import { type AlertActions, actOnAlert } from './act-on-alert.js';
import type { AlertJob } from './alert-payload.js';
import { type IntakeRouteOptions, intakeRoutes } from './intake-routes.js';

export { INTAKE_PATHS } from './intake-routes.js';

/** A running intake: its routes for the bot's HTTP server, and how to stop its worker. */
export interface RunningIntake {
  routes: CustomRoute[];
  queueName: string;
  close(graceMs?: number): Promise<void>;
}

/**
 * Starts the alert intake: its endpoints (`intakeRoutes`) enqueue one job per alert on
 * `queueName`, and a worker acts on each (`actOnAlert`).
 */
export function startIntake(
  options: AlertActions & {
    /** The bot's BullMQ connection (`openJobConnection`); the caller owns it. */
    connection: Redis;
    queueName: string;
    logger: Logger;
    /** Worker concurrency. Default `WORKER_BUDGET.alerts`. */
    concurrency?: number;
    /** How long the endpoint waits for Redis to take the alerts before answering 503. Default 2000. */
    queueTimeoutMs?: number;
    /** Counts the alerts received (`/metrics`). */
    countAlerts?: IntakeRouteOptions['countAlerts'];
  },
): RunningIntake {
  const { connection, queueName, logger } = options;
  const queue = new Queue<AlertJob>(queueName, { connection });
  const act = actOnAlert(options);
  const worker = startWorker(queueName, (job: Job<AlertJob>) => act(job.data), {
    connection,
    logger,
    label: 'alert',
    concurrency: options.concurrency ?? WORKER_BUDGET.alerts.concurrency,
    lockDuration: 10_000,
    stalledInterval: 5_000,
  });
  return {
    queueName,
    routes: intakeRoutes({
      queue,
      policy: options.policy,
      logger,
      queueTimeoutMs: options.queueTimeoutMs ?? 2000,
      ...(options.countAlerts ? { countAlerts: options.countAlerts } : {}),
    }),
    async close(graceMs = 1500) {
      await worker.close(graceMs);
      // Bounded: with Redis gone, BullMQ's close would wait for it.
      await settlesWithin(queue.close(), graceMs);
    },
  };
}
