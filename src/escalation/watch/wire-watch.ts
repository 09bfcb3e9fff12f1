import type pg from 'pg';
import type { Diagnosis } from '../../checks/run-checks.js';
import type { Inventory } from '../../config/schema.js';
import type { Logger } from '../../logging/logger.js';
import type { PlaybookId } from '../../playbooks/diagnose-playbooks.js';
import type { SharedDiagnoses } from '../../playbooks/shared-diagnoses.js';
import { autoOpenAfterDiagnosis } from '../auto-open.js';
import type { EscalationService } from '../escalation-service.js';
import { feedFlapGuard } from './feed-flap-guard.js';
import { type RunningWatch, startWatch } from './start-watch.js';

/**
 * What a shared diagnosis does after each run: with the watch on, feed the flap guard (which alone
 * opens incidents, after `failuresBeforeOpen` runs); with it off, open at once (`autoOpen`).
 */
export function diagnosisHook(
  service: EscalationService,
  pool: pg.Pool | undefined,
  inventory: Inventory,
  logger: Logger,
): (diagnosis: Diagnosis, playbook: PlaybookId) => Promise<void> {
  const { escalation } = inventory;
  return escalation.watch.playbook === 'off' || !pool
    ? autoOpenAfterDiagnosis(service, escalation.autoOpen, logger)
    : feedFlapGuard({ pool, service, policy: escalation }, logger);
}

/** Starts the bot's watch (queue `<namespace>-watch`), or nothing when it is off or Redis is unset. */
export function startBotWatch(options: {
  redisUrl: string | undefined;
  queueNamespace: string | undefined;
  inventory: Inventory;
  diagnoses: SharedDiagnoses;
  logger: Logger;
}): RunningWatch | undefined {
  const { watch } = options.inventory.escalation;
  if (!options.redisUrl || watch.playbook === 'off') return undefined;
  return startWatch({
    redisUrl: options.redisUrl,
    queueName: `${options.queueNamespace ?? 'samaops'}-watch`,
    playbook: watch.playbook,
    everyMs: watch.every,
    diagnoses: options.diagnoses,
    logger: options.logger,
  });
}
