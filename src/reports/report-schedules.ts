import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { WORKER_BUDGET } from '../jobs/concurrency-budget.js';
import { startWorker } from '../jobs/start-worker.js';
import { settledWithin } from '../lifecycle/settles-within.js';
import type { Logger } from '../logging/logger.js';
import { scrubSecrets } from '../logging/scrub-secrets.js';
import { isReportKind, type ReportKind, reportKinds } from './report-model.js';

/** Running report schedules on one replica, and how to stop them. */
export interface ReportSchedules {
  /**
   * Stops the worker: a report in progress gets `graceMs` (default 1500) to end, then the worker
   * is closed by force (the job, left locked, is retried by a replica once its lock expires).
   */
  close(graceMs?: number): Promise<void>;
}

/** What starting the schedules needs; every replica starts the same. */
export interface ReportSchedulesOptions {
  /** BullMQ's connection (`maxRetriesPerRequest: null`); the caller owns and closes it. */
  connection: Redis;
  /** Queue name, e.g. `samaops-reports`; unique per test. */
  queueName: string;
  /** Cron pattern per kind (`reports.schedules`). */
  patterns: Record<ReportKind, string>;
  /** IANA timezone the patterns are read in (the inventory's `timezone`). */
  timezone: string;
  /**
   * Produces, stores and posts one report. `slot` names this occurrence (the same on every
   * replica): storing a second report for it must be a no-op, since delivery is at-least-once.
   */
  run(kind: ReportKind, slot: string): Promise<void>;
  logger: Logger;
}

/**
 * One BullMQ job scheduler per report kind (deterministic id `report-<kind>`): every replica
 * upserts the same schedulers, so Redis holds one of each and each occurrence is one job, taken by
 * one worker. The occurrence's job id is the slot the store keeps unique.
 */
export async function startReportSchedules(options: ReportSchedulesOptions): Promise<ReportSchedules> {
  const { connection, queueName, logger } = options;
  const queue = new Queue(queueName, { connection });
  queue.on('error', (error) => logger.warn({ err: scrubSecrets(error.message) }, 'report queue error'));
  for (const kind of reportKinds) {
    await queue.upsertJobScheduler(
      `report-${kind}`,
      { pattern: options.patterns[kind], tz: options.timezone },
      {
        name: kind,
        data: { kind },
        // A failed post (Slack down) is retried for about a quarter of an hour: 30 s, 1, 2, 4, 8 min.
        opts: {
          removeOnComplete: 100,
          removeOnFail: 100,
          attempts: 6,
          backoff: { type: 'exponential', delay: 30_000 },
        },
      },
    );
  }
  const worker = startWorker<{ kind?: unknown }>(
    queueName,
    async (job) => {
      const kind: unknown = job.data?.kind;
      if (typeof kind !== 'string' || !isReportKind(kind)) return;
      await options.run(kind, `${kind}:${job.id ?? job.timestamp}`);
    },
    // One at a time per replica keeps SSH and PostgreSQL load bounded; a weekly report with its
    // maintenance steps may take minutes (BullMQ renews the job's lock meanwhile).
    { connection, logger, label: 'scheduled report', concurrency: WORKER_BUDGET.reports.concurrency },
  );
  return {
    async close(graceMs = 1500) {
      const begun = performance.now();
      await worker.close(graceMs);
      await settledWithin(queue.close(), Math.max(0, graceMs - (performance.now() - begun)));
    },
  };
}
