import { type Job, Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Diagnosis } from '../../checks/run-checks.js';
import { WORKER_BUDGET } from '../../jobs/concurrency-budget.js';
import { startWorker } from '../../jobs/start-worker.js';
import { settlesWithin } from '../../lifecycle/settles-within.js';
import { errorReason } from '../../logging/error-reason.js';
import type { Logger } from '../../logging/logger.js';
import type { PlaybookId } from '../../playbooks/diagnose-playbooks.js';
import type { SharedDiagnoses } from '../../playbooks/shared-diagnoses.js';

/** The data of one watch tick's job. */
export interface WatchJobData {
  playbook: PlaybookId;
}

/** A running watch: its queue's name and how to stop it. */
export interface RunningWatch {
  queueName: string;
  /** Settles once the job scheduler is upserted (or its failure logged). */
  ready: Promise<void>;
  close(graceMs?: number): Promise<void>;
}

/** The job scheduler's id: one per queue, so every replica upserts the same one. */
export const WATCH_SCHEDULER_ID = 'watch';

/**
 * Starts the watch: a BullMQ job scheduler (every replica upserts the same one, and it produces one
 * job per tick, taken by one worker), whose worker runs the playbook through the shared diagnoses.
 * Each run then feeds `afterRun` (the flap guard). A slow run makes the scheduler's next job
 * wait (concurrency 1 per replica); a failed run is logged and the next tick tries again.
 */
export function startWatch(options: {
  /** The bot's BullMQ connection (`openJobConnection`); the caller owns it. */
  connection: Redis;
  queueName: string;
  playbook: PlaybookId;
  everyMs: number;
  diagnoses: SharedDiagnoses;
  /** What each run feeds (the flap guard); handles its own errors. */
  afterRun: (diagnosis: Diagnosis, playbook: PlaybookId) => Promise<void>;
  logger: Logger;
  /** Called after each run this replica did (tests, metrics). */
  onRun?: (diagnosis: Diagnosis, jobId: string | undefined) => void;
  /**
   * Records a run that went to the end (diagnosis made, flap guard fed in time), for the
   * dead-man's switch and `/metrics`, shared by the replicas. Bounded like the flap guard.
   */
  markSuccess?: () => Promise<void>;
}): RunningWatch {
  const { logger, connection } = options;
  const queue = new Queue<WatchJobData>(options.queueName, { connection });
  const worker = startWorker(
    options.queueName,
    async (job: Job<WatchJobData>) => {
      const diagnosis = await options.diagnoses.run(job.data.playbook);
      // Bounded: a hung flap guard (store down) must not stop the next ticks.
      const bound = Math.max(options.everyMs, 5000);
      const fed = await settlesWithin(options.afterRun(diagnosis, job.data.playbook), bound);
      if (fed && options.markSuccess && !(await settlesWithin(options.markSuccess(), bound))) {
        logger.warn('watch run not recorded (bot database)');
      }
      options.onRun?.(diagnosis, job.id);
    },
    // A replica killed mid-run leaves its job locked: a short lock gets it retried soon.
    {
      connection,
      logger,
      label: 'watch',
      concurrency: WORKER_BUDGET.watch.concurrency,
      lockDuration: 30_000,
      stalledInterval: 15_000,
    },
  );
  // Not awaited by the bot: with Redis down at start, BullMQ's client would wait, not fail.
  const ready = queue
    .upsertJobScheduler(
      WATCH_SCHEDULER_ID,
      { every: options.everyMs },
      {
        name: 'watch',
        data: { playbook: options.playbook },
        opts: { removeOnComplete: true, removeOnFail: 100, attempts: 1 },
      },
    )
    .then(
      () => undefined,
      (error: unknown) => logger.error({ err: errorReason(error) }, 'watch scheduler not set'),
    );
  logger.info(
    { playbook: options.playbook, everyMs: options.everyMs, queue: options.queueName },
    'watch started',
  );
  return {
    queueName: options.queueName,
    ready,
    async close(graceMs = 1500) {
      await worker.close(graceMs);
      // Bounded: with Redis gone, BullMQ's close would wait for it.
      await settlesWithin(queue.close(), graceMs);
    },
  };
}
