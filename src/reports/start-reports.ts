import type { webApi } from '@slack/bolt';
import type { Redis } from 'ioredis';
import type pg from 'pg';
import type { Inventory } from '../config/schema.js';
import type { QueueNames } from '../jobs/queue-names.js';
import { settledWithin } from '../lifecycle/settles-within.js';
import type { Logger } from '../logging/logger.js';
import { scrubSecrets } from '../logging/scrub-secrets.js';
import type { PlatformClients } from '../platform/platform-clients.js';
import { chartsForReports } from './charts/report-chart-file.js';
import type { SloChartSource } from './charts/slo-chart-source.js';
import { type ReportSchedules, startReportSchedules } from './report-schedules.js';
import { scheduledReportRunner } from './scheduled-report.js';
import { slackReportPoster } from './slack-report-poster.js';

/** Running report schedules and how to stop them (their worker; the connection is the caller's). */
export interface StartedReports {
  /**
   * Stops within about `graceMs` (default 1500), whatever Redis does: a report in progress gets
   * the grace to end, and schedules still being set up (Redis down since start) are given up.
   */
  close(graceMs?: number): Promise<void>;
}

/**
 * Starts the scheduled reports (queue `names.reports`); each report is posted through the Bolt
 * app's client once it exists, as a main message with its details (and, weekly and monthly, its
 * charts) in the thread, at Slack's pace per channel (the slots of `names.outbound`, shared with incident messages).
 */
export function startReports(options: {
  /** The bot's BullMQ connection (`openJobConnection`); the caller owns and disconnects it. */
  connection: Redis;
  names: Pick<QueueNames, 'reports' | 'outbound'>;
  pool: pg.Pool;
  inventory: Inventory;
  clients: PlatformClients;
  logger: Logger;
  slackClient: () => webApi.WebClient | undefined;
  /** SLO figures for the charts; absent: their panels say "not available". */
  slo?: SloChartSource;
}): StartedReports {
  const { connection, names, pool, inventory, clients, logger } = options;
  const run = scheduledReportRunner({
    inventory,
    clients,
    pool,
    chart: chartsForReports({ inventory, pool, slo: options.slo, logger }),
    post: slackReportPoster({
      client: options.slackClient,
      redis: connection,
      // The escalation outbound queue's name: its slots pace incident messages in the same channels.
      slotPrefix: names.outbound,
      locale: inventory.locale,
      logger,
    }),
  });
  const started: Promise<ReportSchedules | undefined> = startReportSchedules({
    connection,
    queueName: names.reports,
    patterns: inventory.reports.schedules,
    timezone: inventory.timezone,
    run,
    logger,
  }).catch((error: unknown) => {
    logger.warn({ err: scrubSecrets(String(error)) }, 'report schedules not started');
    return undefined;
  });
  return {
    async close(graceMs = 1500) {
      const begun = performance.now();
      let schedules: ReportSchedules | undefined;
      // With Redis down since start, the schedulers' upsert waits for ever: do not wait for it.
      const ready = started.then((value) => {
        schedules = value;
      });
      if (await settledWithin(ready, graceMs)) {
        await schedules?.close(Math.max(0, graceMs - (performance.now() - begun)));
      } else {
        // The owner's disconnect fails the upsert; should it have just succeeded, its worker is closed at once.
        void started.then((late) => late?.close(0));
      }
    },
  };
}
