import { Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from '../logging/logger.js';
import { scrubSecrets } from '../logging/scrub-secrets.js';
import { isReportKind, type ReportKind, reportKinds } from './report-model.js';

/** Running report schedules on one replica, and how to stop them. */
export interface ReportSchedules {
  close(): Promise<void>;
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
  const worker = new Worker(
    queueName,
    async (job) => {
      const kind: unknown = job.data?.kind;
      if (typeof kind !== 'string' || !isReportKind(kind)) return;
      await options.run(kind, `${kind}:${job.id ?? job.timestamp}`);
    },
    // Reports take seconds; one at a time per replica keeps SSH and PostgreSQL load bounded.
    { connection, concurrency: 1 },
  );
  worker.on('failed', (job, error) =>
    logger.warn({ job: job?.name, err: scrubSecrets(error.message) }, 'scheduled report failed'),
  );
  return {
    async close() {
      await worker.close();
      await queue.close();
    },
  };
}
