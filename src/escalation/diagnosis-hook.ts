import type { Diagnosis } from '../checks/run-checks.js';
import type { Inventory } from '../config/schema.js';
import type { Logger } from '../logging/logger.js';
import type { PlaybookId } from '../playbooks/diagnose-playbooks.js';
import { autoOpenAfterDiagnosis } from './auto-open.js';
import type { EscalationService } from './escalation-service.js';

/**
 * What a shared diagnosis does after each run when the watch is off: open the incidents its
 * failures call for at once (`autoOpen`). With the watch on, only the watch's own runs feed the
 * flap guard (the watch started by `composeBot`): a `/sama diagnose` typed three times is not three watch runs.
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
