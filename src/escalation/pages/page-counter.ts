import type { PageChannelName } from '../../config/notifications-schema.js';

/**
 * How a page ended on one channel: `sent`; `failed` (this attempt; it is retried); `cancelled`
 * (acknowledged, resolved or escalated before it was due); `failed-over` (a Slack DM that went by
 * the next channels instead).
 */
export type PageOutcome = 'sent' | 'failed' | 'cancelled' | 'failed-over';

/** Counts pages (`samaops_pages_sent_total{channel,outcome}`); the composition root gives the metric. */
export type PageCounter = (channel: PageChannelName, outcome: PageOutcome) => void;
