import type { Redis } from 'ioredis';
import type pg from 'pg';
import type { Inventory } from '../config/schema.js';
import type { AckLinkFor } from '../core/escalation/ack-link-token.js';
import type { Logger } from '../logging/logger.js';
import type { Pagers } from '../outbound/pagers.js';
import type { SlackSender } from '../outbound/slack-sender.js';
import type { PageCounter } from './pages/page-counter.js';
import type { TimerJobData } from './timer-jobs.js';

/** How the escalation service is built. */
export interface EscalationOptions {
  pool: pg.Pool;
  /** A BullMQ connection: ioredis with `maxRetriesPerRequest: null`. */
  redis: Redis;
  sender: SlackSender;
  inventory: Inventory;
  logger: Logger;
  /** Queue names (tests use unique ones). Defaults `samaops-escalation-timers`, `samaops-slack-outbound`. */
  timersQueue?: string;
  outboundQueue?: string;
  /** Run the workers and the periodic reconciler in this process. Default true. */
  workers?: boolean;
  /** Default 60 s. */
  reconcileEveryMs?: number;
  /** Default 1000 ms (Slack: about one message per second per channel). */
  channelIntervalMs?: number;
  /** Tries of one Slack delivery before it waits for the reconciler. Default 12 (about half an hour of backoff). */
  outboundAttempts?: number;
  /** Outbound worker concurrency (channels are independent). Default `WORKER_BUDGET.outbound`. */
  outboundConcurrency?: number;
  /** Called after a timer step applied, with its lateness (bench, metrics). */
  onTimerFired?: (data: TimerJobData, firedAt: number) => void;
  /** Pages queue name. Default `samaops-pages`. */
  pagesQueue?: string;
  /** Email, SMS and voice pagers (built by the composition root). Default none: Slack only. */
  pagers?: Pagers;
  /** Ack links put in pages (the port of `core/escalation/ack-link-token.ts`). Default none. */
  ackLinkFor?: AckLinkFor;
  /** Slack failing this long fails pages over. Default `notifications.failoverAfter` (1 min). */
  failoverAfterMs?: number;
  /** Counts pages by channel and outcome (`samaops_pages_sent_total`). */
  countPage?: PageCounter;
}
