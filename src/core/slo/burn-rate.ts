import type { ServiceObjective } from '../../config/slo-schema.js';
import { type MinuteRange, type MinuteSample, minuteStates } from './minute-series.js';
import { LATENCY_PERCENTILE } from './slo-figures.js';

/** The rules of Google's SRE workbook ("Alerting on SLOs", multiwindow, multi-burn-rate). */
export type BurnRuleName = 'fast' | 'slow';

/** A rule: the budget burns at least `factor` times its sustainable rate over both windows. */
export interface BurnRule {
  name: BurnRuleName;
  factor: number;
  longMinutes: number;
  shortMinutes: number;
}

/** Fast: 14.4× over 1 h and 5 min (2 % of a 30-day budget in an hour); slow: 6× over 6 h and 30 min (5 % in 6 h). */
export const BURN_RULES: readonly BurnRule[] = [
  { name: 'fast', factor: 14.4, longMinutes: 60, shortMinutes: 5 },
  { name: 'slow', factor: 6, longMinutes: 360, shortMinutes: 30 },
];

/** The longest window any rule reads, minutes: how much of the series a burn evaluation needs. */
export const BURN_LOOKBACK_MINUTES = Math.max(...BURN_RULES.map((rule) => rule.longMinutes));

/** The two objectives of a service that have a budget to burn. */
export type BurnObjective = 'availability' | 'latency';

/** One SLO's burn now: its rates over each rule's windows, and the fastest rule that fires. */
export interface BurnVerdict {
  service: string;
  objective: BurnObjective;
  /** `fast` when the fast rule fires (whatever the slow one says), `slow`, or null. */
  firing: BurnRuleName | null;
  /** Every rule that fires, fast first. */
  fired: BurnRuleName[];
  /** Burn rate (error ratio ÷ budget ratio) per rule, over its long and its short window. */
  rates: Record<BurnRuleName, { long: number; short: number }>;
}

/** Bad and measured events per minute: minutes down of those known, or latency samples above target. */
type Events = Map<number, { bad: number; measured: number }>;

function availabilityEvents(
  objective: ServiceObjective,
  samples: readonly MinuteSample[],
  range: MinuteRange,
) {
  const events: Events = new Map();
  // Unknown minutes are left out: the bot not knowing is no evidence that the service burns.
  for (const [minute, state] of minuteStates(samples, new Set(objective.checks), range))
    if (state !== 'unknown') events.set(minute, { bad: state === 'down' ? 1 : 0, measured: 1 });
  return events;
}

function latencyEvents(
  check: string,
  targetMs: number,
  samples: readonly MinuteSample[],
  range: MinuteRange,
) {
  const events: Events = new Map();
  for (const sample of samples) {
    if (sample.checkId !== check || sample.value === null) continue;
    if (sample.minute < range.from || sample.minute >= range.to) continue;
    const known = events.get(sample.minute) ?? { bad: 0, measured: 0 };
    events.set(sample.minute, {
      bad: known.bad + (sample.value > targetMs ? 1 : 0),
      measured: known.measured + 1,
    });
  }
  return events;
}

/** The burn rate over the `minutes` ending with `now` (included): 0 when nothing was measured. */
export function burnRate(events: Events, now: number, minutes: number, budgetRatio: number): number {
  let bad = 0;
  let measured = 0;
  for (let minute = now - minutes + 1; minute <= now; minute += 1) {
    const seen = events.get(minute);
    if (!seen) continue;
    bad += seen.bad;
    measured += seen.measured;
  }
  return measured === 0 || budgetRatio <= 0 ? 0 : bad / measured / budgetRatio;
}

function verdict(
  service: string,
  objective: BurnObjective,
  events: Events,
  now: number,
  budgetRatio: number,
) {
  const rates = {} as BurnVerdict['rates'];
  const fired: BurnRuleName[] = [];
  for (const rule of BURN_RULES) {
    const long = burnRate(events, now, rule.longMinutes, budgetRatio);
    const short = burnRate(events, now, rule.shortMinutes, budgetRatio);
    rates[rule.name] = { long, short };
    if (long >= rule.factor && short >= rule.factor) fired.push(rule.name);
  }
  return { service, objective, firing: fired[0] ?? null, fired, rates };
}

/**
 * Every SLO's burn at minute `now`, from the samples of the last BURN_LOOKBACK_MINUTES: each
 * service's availability (budget: 100 − target %), and its latency when it has an objective
 * (budget: the 5 % of samples a p95 may leave above its target). Rules in BURN_RULES order, so
 * the fast one wins when both fire.
 */
export function burnVerdicts(
  objectives: readonly ServiceObjective[],
  samples: readonly MinuteSample[],
  now: number,
): BurnVerdict[] {
  const range = { from: now - BURN_LOOKBACK_MINUTES + 1, to: now + 1 };
  return objectives.flatMap((objective) => {
    const availability = verdict(
      objective.name,
      'availability',
      availabilityEvents(objective, samples, range),
      now,
      (100 - objective.availability.target) / 100,
    );
    const { latency } = objective;
    if (!latency) return [availability];
    const events = latencyEvents(latency.check, latency.targetMs, samples, range);
    return [availability, verdict(objective.name, 'latency', events, now, (100 - LATENCY_PERCENTILE) / 100)];
  });
}
