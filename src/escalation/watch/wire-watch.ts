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
 * What a shared diagnosis does after each run when the watch is off: open the incidents its
 * failures call for at once (`autoOpen`). With the watch on, only the watch's own runs feed the
 * flap guard (`startBotWatch`): a `/sama diagnose` typed three times is not three watch runs.
 */
export function diagnosisHook(
  service: EscalationService,
  inventory: Inventory,
  logger: Logger,
): ((diagnosis: Diagnosis, playbook: PlaybookId) => Promise<void>) | undefined {
  const { escalation } = inventory;
  return escalation.watch.playbook === 'off'
    ? autoOpenAfterDiagnosis(service, escalation.autoOpen, logger)
    : undefined;
}

/**
 * Starts the bot's watch (queue `<namespace>-watch`), whose runs feed the flap guard; nothing when
 * the watch is off, or Redis or the bot's database is unset.
 */
export function startBotWatch(options: {
  redisUrl: string | undefined;
  queueNamespace: string | undefined;
  pool: pg.Pool | undefined;
  service: EscalationService;
  inventory: Inventory;
  diagnoses: SharedDiagnoses;
  logger: Logger;
}): RunningWatch | undefined {
  const { watch } = options.inventory.escalation;
  if (!options.redisUrl || !options.pool || watch.playbook === 'off') return undefined;
  return startWatch({
    redisUrl: options.redisUrl,
    queueName: `${options.queueNamespace ?? 'samaops'}-watch`,
    playbook: watch.playbook,
    everyMs: watch.every,
    diagnoses: options.diagnoses,
    afterRun: feedFlapGuard(
      { pool: options.pool, service: options.service, policy: options.inventory.escalation },
      options.logger,
    ),
    logger: options.logger,
  });
}
