import type { EscalationPolicy } from '../../config/escalation-policy-schema.js';
import type { SloConfig } from '../../config/slo-schema.js';
import type { Level } from '../../core/escalation/policy-snapshot.js';
import {
  BURN_LOOKBACK_MINUTES,
  type BurnRuleName,
  type BurnVerdict,
  burnVerdicts,
} from '../../core/slo/burn-rate.js';
import { MINUTE_MS } from '../../core/slo/minute-series.js';
import type { Locale } from '../../i18n/define-messages.js';
import { msg } from '../../i18n/message.js';
import { translate } from '../../i18n/translate.js';
import { checksWithRecentIncidents } from '../../store/slo/covering-incidents.js';
import { sloCheckIds } from '../../store/slo/slo-figures-store.js';
import { readSamples } from '../../store/slo/slo-samples.js';
import type { WatchObservation } from '../auto-open.js';
import { type WatchTickDeps, type WatchTickOutcome, watchTick } from './watch-tick.js';

/** The watch's observation of an SLO's burn: its streaks, dedup keys and "rétabli" follow the checks' own. */
export const BURN_CHECK_ID = 'slo.burn';

/** The streak target of one SLO, e.g. `api availability`: one incident per SLO (dedup key `check:slo.burn:api availability`). */
export const burnTarget = (verdict: Pick<BurnVerdict, 'service' | 'objective'>): string =>
  `${verdict.service} ${verdict.objective}`;

/** The level a verdict opens at: the highest of the levels its firing rules are given, or null. */
export function burnLevel(verdict: BurnVerdict, levels: SloConfig['burnRate']): Level | null {
  const chosen = verdict.fired
    .map((rule) => levels[rule])
    .filter((level): level is Level => level !== 'off')
    .sort();
  return chosen.at(-1) ?? null;
}

/** The incident's title: the SLO, its burn rate over the firing rule's long window, the rule. */
function burnTitle(verdict: BurnVerdict, locale: Locale): string {
  const rule: BurnRuleName = verdict.firing ?? 'slow';
  return translate(
    locale,
    msg('slo.burn.title', {
      service: verdict.service,
      objective: msg(`slo.objective.${verdict.objective}`),
      rate: Math.round(verdict.rates[rule].long * 10) / 10,
      rule: msg(`slo.rule.${rule}`),
    }),
  );
}

/** What a burn-rate evaluation needs: the watch's store and service, the objectives and levels. */
export interface BurnRateDeps extends Pick<WatchTickDeps, 'pool' | 'service' | 'onError'> {
  slo: Pick<SloConfig, 'services' | 'burnRate'>;
  watch: EscalationPolicy['watch'];
  locale: Locale;
}

/**
 * Evaluates every SLO's burn at minute `nowMinute` from the last 6 hours of the series, then hands
 * the verdicts to the watch as observations of `slo.burn` (one target per SLO): a firing rule is a
 * failing observation which, past the watch's flap guard (`failuresBeforeOpen` evaluations in a
 * row), opens (or joins, and raises from the slow rule's level to the fast one's) the SLO's
 * incident through the watch's own path and dedup key; a burn that stops heals the streak, and the
 * watch notes "rétabli" after `healthyBeforeRecovery`. A service whose checks have a watch
 * incident unresolved, or resolved within those 6 hours, opens nothing: that incident already
 * covers the failures the budget burns on (the `autoOpen` rules come first; without any, burn
 * rates are the watch's only automatic incidents).
 */
export async function burnRateTick(
  deps: BurnRateDeps,
  nowMinute: number,
  nowMs: number = Date.now(),
): Promise<WatchTickOutcome & { verdicts: BurnVerdict[] }> {
  const { slo } = deps;
  const range = { from: nowMinute - BURN_LOOKBACK_MINUTES + 1, to: nowMinute + 1 };
  const samples = await readSamples(deps.pool, sloCheckIds(slo.services), range);
  const verdicts = burnVerdicts(slo.services, samples, nowMinute);
  const covered = await checksWithRecentIncidents(deps.pool, nowMs - BURN_LOOKBACK_MINUTES * MINUTE_MS);
  const observations: WatchObservation[] = [];
  const rules: EscalationPolicy['autoOpen'] = [];
  const byTarget = new Map<string, BurnVerdict>();
  for (const verdict of verdicts) {
    const target = burnTarget(verdict);
    const level = burnLevel(verdict, slo.burnRate);
    byTarget.set(target, verdict);
    observations.push({ id: BURN_CHECK_ID, target, status: level ? 'fail' : 'ok' });
    const objective = slo.services.find((service) => service.name === verdict.service);
    const explained = objective ? sloCheckIds([objective]).some((check) => covered.has(check)) : false;
    if (level && !explained) rules.push({ check: BURN_CHECK_ID, target, level });
  }
  const outcome = await watchTick(
    {
      pool: deps.pool,
      service: deps.service,
      policy: { autoOpen: rules, watch: deps.watch },
      titleOf: (request) => {
        const verdict = request.targets.map((target) => byTarget.get(target)).find(Boolean);
        return verdict
          ? burnTitle(verdict, deps.locale)
          : `${request.checkId} · ${request.targets.join(', ')}`;
      },
      ...(deps.onError ? { onError: deps.onError } : {}),
    },
    observations,
    'slo burn-rate',
    nowMs,
  );
  return { ...outcome, verdicts };
}
