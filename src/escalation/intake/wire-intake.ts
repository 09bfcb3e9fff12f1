import type pg from 'pg';
import type { Inventory } from '../../config/schema.js';
import type { Logger } from '../../logging/logger.js';
import type { EscalationService } from '../escalation-service.js';
import { type RunningIntake, startIntake } from './start-intake.js';

/** Starts the bot's alert intake (queue `<namespace>-alerts`), or nothing when `escalation.intake` is absent. */
export function startBotIntake(options: {
  redisUrl: string | undefined;
  queueNamespace: string | undefined;
  pool: pg.Pool | undefined;
  inventory: Inventory;
  service: EscalationService;
  logger: Logger;
}): RunningIntake | undefined {
  const policy = options.inventory.escalation.intake;
  if (!policy || !options.redisUrl || !options.pool) return undefined;
  if (policy.token === undefined && policy.username === undefined) {
    options.logger.warn('alert intake disabled: escalation.intake has neither a token nor a username');
    return undefined;
  }
  return startIntake({
    redisUrl: options.redisUrl,
    queueName: `${options.queueNamespace ?? 'samaops'}-alerts`,
    policy,
    service: options.service,
    pool: options.pool,
    logger: options.logger,
  });
}
