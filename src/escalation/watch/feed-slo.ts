import type pg from 'pg';
import type { CheckResult } from '../../checks/check.js';
import type { Diagnosis } from '../../checks/run-checks.js';
import type { Inventory } from '../../config/schema.js';
import type { SloConfig } from '../../config/slo-schema.js';
import { MINUTE_MS, minuteOf } from '../../core/slo/minute-series.js';
import { errorReason } from '../../logging/error-reason.js';
import type { Logger } from '../../logging/logger.js';
import { sloCheckIds } from '../../store/slo/slo-figures-store.js';
import { pruneSamples, recordRunSamples } from '../../store/slo/slo-samples.js';
import type { EscalationService } from '../escalation-service.js';
import { burnRateTick } from './burn-rate-tick.js';

/**
 * Keeps one watch run in the SLO series: the results of the checks the SLOs name, rolled up into
 * the run's minute (its start), then prunes the minutes older than `slo.retention`.
 */
export async function recordSloRun(
  pool: pg.Pool,
  slo: Pick<SloConfig, 'services' | 'retention'>,
  results: readonly CheckResult[],
  minute: number,
): Promise<void> {
  const checks = new Set(sloCheckIds(slo.services));
  const samples = results
    .filter((result) => checks.has(result.id))
    .map((result) => ({
      checkId: result.id,
      target: result.target,
      status: result.status,
      value: result.value,
    }));
  await recordRunSamples(pool, minute, samples);
  await pruneSamples(pool, minute - Math.ceil(slo.retention / MINUTE_MS));
}

/**
 * The hook each watch run feeds after the flap guard: records the run in the SLO series, then
 * evaluates the burn rates, which open the SLOs' incidents through the watch (unless there is no
 * SLO, or both burn rules are `off`). A failure is logged and never spoils the run.
 */
export function feedSlo(
  deps: {
    pool: pg.Pool;
    service: Pick<EscalationService, 'open' | 'act' | 'note'>;
    inventory: Pick<Inventory, 'slo' | 'escalation' | 'locale'>;
  },
  logger: Logger,
): (diagnosis: Diagnosis) => Promise<void> {
  const { slo, escalation, locale } = deps.inventory;
  const burning = slo.services.length > 0 && (slo.burnRate.fast !== 'off' || slo.burnRate.slow !== 'off');
  return async (diagnosis) => {
    const minute = minuteOf(diagnosis.startedAt.getTime());
    try {
      await recordSloRun(deps.pool, slo, diagnosis.results, minute);
      if (!burning) return;
      const outcome = await burnRateTick(
        {
          pool: deps.pool,
          service: deps.service,
          slo,
          watch: escalation.watch,
          locale,
          onError: (error, action) =>
            logger.error({ err: errorReason(error), action: action.kind }, 'burn-rate action failed'),
        },
        minute,
      );
      const { verdicts, ...acted } = outcome;
      if (Object.values(acted).some((ids) => ids.length > 0))
        logger.info({ outcome: acted }, 'burn-rate alerts acted on incidents');
    } catch (error) {
      logger.error({ err: errorReason(error) }, 'SLO series or burn rate failed');
    }
  };
}
