import type { webApi } from '@slack/bolt';
import { Redis } from 'ioredis';
import type pg from 'pg';
import type { Inventory } from '../config/schema.js';
import type { Logger } from '../logging/logger.js';
import { scrubSecrets } from '../logging/scrub-secrets.js';
import { createEscalationService, type EscalationService } from './escalation-service.js';
import { slackOutboundName } from './outbound/channel-rate.js';
import { webClientSender } from './outbound/slack-sender.js';

/** A running escalation service and how to stop it (its workers, then its Redis connection). */
export interface StartedEscalation {
  service: EscalationService;
  close(graceMs?: number): Promise<void>;
}

/**
 * Starts incidents and escalation when both the bot's database and its Redis are configured:
 * BullMQ's connection (`maxRetriesPerRequest: null`), the timer and outbound workers, the
 * reconciler (at start, then every minute). Without them, incidents commands say what is missing.
 */
export function startEscalation(options: {
  redisUrl: string | undefined;
  /** Names the queues `<namespace>-escalation-timers` and `<namespace>-slack-outbound`. Default `samaops`. */
  queueNamespace?: string | undefined;
  pool: pg.Pool | undefined;
  inventory: Inventory;
  logger: Logger;
  slackClient: () => webApi.WebClient | undefined;
}): StartedEscalation | undefined {
  const { redisUrl, pool, inventory, logger } = options;
  if (!redisUrl || !pool) {
    logger.warn('incidents disabled: DATABASE_URL and REDIS_URL are both needed');
    return undefined;
  }
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
  redis.on('error', (error) => logger.warn({ err: scrubSecrets(error.message) }, 'escalation redis error'));
  const service = createEscalationService({
    pool,
    redis,
    sender: webClientSender(options.slackClient, inventory.locale),
    inventory,
    logger,
    timersQueue: `${options.queueNamespace ?? 'samaops'}-escalation-timers`,
    outboundQueue: slackOutboundName(options.queueNamespace),
  });
  return {
    service,
    async close(graceMs = 1500) {
      await service.close({ graceMs });
      redis.disconnect();
    },
  };
}
