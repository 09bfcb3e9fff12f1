import { DelayedError, type Job } from 'bullmq';
import type { PageJobData } from '../escalation-queues.js';
import { deliverPage, type PageDeliveryDeps, PageNotDue, PageSendFailed } from './deliver-page.js';
import type { PageCounter } from './page-counter.js';
import type { SlackOutage } from './slack-outage.js';

/**
 * Processes one job of the pages queue: a page by email, SMS or voice (counted by channel and
 * outcome; one run early waits, a failure is retried with backoff), or a look at Slack's health.
 */
export function pagesProcessor(parts: {
  delivery: PageDeliveryDeps;
  outage: SlackOutage;
  count?: PageCounter;
}) {
  return async (job: Job<PageJobData>, token?: string) => {
    if (job.data.kind === 'failover') {
      await parts.outage.check(job.data.since);
      return;
    }
    try {
      const done = await deliverPage(parts.delivery, job.data.outboxId);
      if (done.outcome !== 'nothing') parts.count?.(done.channel, done.outcome);
    } catch (error) {
      if (error instanceof PageNotDue) {
        await job.moveToDelayed(Date.now() + error.waitMs, token);
        throw new DelayedError();
      }
      if (error instanceof PageSendFailed) parts.count?.(error.channel, 'failed');
      throw error;
    }
  };
}
