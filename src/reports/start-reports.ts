import type { webApi } from '@slack/bolt';
import { Redis } from 'ioredis';
import type pg from 'pg';
import type { Inventory } from '../config/schema.js';
import { slackOutboundName } from '../escalation/outbound/channel-rate.js';
import type { Logger } from '../logging/logger.js';
import { scrubSecrets } from '../logging/scrub-secrets.js';
import type { PlatformClients } from '../platform/platform-clients.js';
import { type ReportSchedules, startReportSchedules } from './report-schedules.js';
import { scheduledReportRunner } from './scheduled-report.js';
import { slackReportPoster } from './slack-report-poster.js';
import { settledWithin } from './within-grace.js';

/** Running report schedules and how to stop them (their worker, then their Redis connection). */
export interface StartedReports {
  /**
   * Stops within about `graceMs` (default 1500), whatever Redis does: a report in progress gets
   * the grace to end, and schedules still being set up (Redis down since start) are given up.
   */
  close(graceMs?: number): Promise<void>;
}

/**
 * Starts the scheduled reports when the bot's database and Redis are both configured (queue
 * `<namespace>-reports`); each report is posted through the Bolt app's client once it exists, as
 * a main message with its details in the thread, at Slack's pace per channel.
 * Without them, reports still run by hand (`/sama report`), unstored.
 */
export function startReports(options: {
  redisUrl: string | undefined;
  /** Names the queue `<namespace>-reports`. Default `samaops`. */
  queueNamespace?: string | undefined;
  pool: pg.Pool | undefined;
  inventory: Inventory;
  clients: PlatformClients;
  logger: Logger;
  slackClient: () => webApi.WebClient | undefined;
}): StartedReports | undefined {
  const { redisUrl, pool, inventory, clients, logger } = options;
  if (!redisUrl || !pool) {
    logger.warn('scheduled reports disabled: DATABASE_URL and REDIS_URL are both needed');
    return undefined;
  }
  const namespace = options.queueNamespace ?? 'samaops';
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  connection.on('error', (error) => logger.warn({ err: scrubSecrets(error.message) }, 'reports redis error'));
  const run = scheduledReportRunner({
    inventory,
    clients,
    pool,
    post: slackReportPoster({
      client: options.slackClient,
      redis: connection,
      // The escalation outbound queue's name: its slots pace incident messages in the same channels.
      slotPrefix: slackOutboundName(namespace),
      locale: inventory.locale,
      logger,
    }),
  });
  const started: Promise<ReportSchedules | undefined> = startReportSchedules({
    connection,
    queueName: `${namespace}-reports`,
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
        // Disconnecting fails the upsert; should it have just succeeded, its worker is closed at once.
        void started.then((late) => late?.close(0));
      }
      connection.disconnect();
    },
  };
}
