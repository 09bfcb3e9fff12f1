import type { CustomRoute } from '@slack/bolt';
import { ackLinkKeys } from '../core/escalation/ack-link-token.js';
import type { AckLinkConfig } from '../escalation/ack-link/ack-link-config.js';
import { ackPageRoutes } from '../escalation/ack-link/ack-page-routes.js';
import type { EscalationService } from '../escalation/escalation-service.js';
import type { Logger } from '../logging/logger.js';
import type { FeatureDeps } from './start-jobs.js';

/**
 * The ack page's routes where ack links are configured and incidents run (the bot's database and
 * Redis); none otherwise, and links are then not signed either (`ackLinkSigner(undefined)`).
 */
export function ackPageRoutesOf(
  config: AckLinkConfig | undefined,
  incidents: { deps: FeatureDeps; escalation: EscalationService } | undefined,
  logger: Logger,
): CustomRoute[] {
  if (!config) return [];
  if (!incidents) {
    logger.warn('ack links disabled: DATABASE_URL and REDIS_URL are both needed');
    return [];
  }
  return ackPageRoutes({
    config,
    keys: ackLinkKeys(config.secret),
    pool: incidents.deps.jobs.pool,
    escalation: incidents.escalation,
    locale: incidents.deps.inventory.locale,
    logger,
  });
}
