import type pg from 'pg';
import type { Diagnosis } from '../../checks/run-checks.js';
import type { EscalationPolicy } from '../../config/escalation-policy-schema.js';
import { errorReason } from '../../logging/error-reason.js';
import type { Logger } from '../../logging/logger.js';
import type { EscalationService } from '../escalation-service.js';
import { watchTick } from './watch-tick.js';

/**
 * The hook a shared diagnosis runs once per run while the watch is on: every run (the watch's
 * ticks, and `/sama diagnose` too) is an observation for the flap guard, which alone opens
 * incidents from the `autoOpen` rules. A failure is logged and never spoils the report.
 */
export function feedFlapGuard(
  deps: {
    pool: pg.Pool;
    service: Pick<EscalationService, 'open' | 'act' | 'note'>;
    policy: Pick<EscalationPolicy, 'autoOpen' | 'watch'>;
  },
  logger: Logger,
): (diagnosis: Diagnosis, playbook: string) => Promise<void> {
  return async (diagnosis, playbook) => {
    try {
      const outcome = await watchTick(
        {
          ...deps,
          onError: (error, action) =>
            logger.error({ err: errorReason(error), action: action.kind }, 'watch action failed'),
        },
        diagnosis.results,
        `watch ${playbook}`,
      );
      const acted = Object.values(outcome).some((ids) => ids.length > 0);
      if (acted) logger.info({ outcome }, 'watch acted on incidents');
    } catch (error) {
      logger.error({ err: errorReason(error) }, 'watch flap guard failed');
    }
  };
}
