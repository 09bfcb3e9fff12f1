import type { CheckStatus } from '../../checks/check.js';
import type { ServiceObjective } from '../../config/slo-schema.js';
import {
  countMinutes,
  type MinuteCounts,
  type MinuteRange,
  type MinuteSample,
  minuteStates,
} from './minute-series.js';

/** The percentile the latency objectives hold (the runbook's "Latence P95"). */
export const LATENCY_PERCENTILE = 95;

/** An error budget: what the objective allows over the period, and what was spent of it. */
export interface ErrorBudget {
  /** Bad events the objective allows (minutes, or latency samples). */
  allowed: number;
  /** Bad events seen. */
  spent: number;
  /** spent / allowed, percent (above 100 when exhausted); null when nothing is allowed or measured. */
  consumedPercent: number | null;
  /** 100 − consumed, at least 0; null like `consumedPercent`. */
  leftPercent: number | null;
}

/** A service's availability over a period: minutes up (every check OK or warn), down, and unknown. */
export interface AvailabilityFigures extends MinuteCounts {
  /** up / total, percent; unknown minutes (no watch run) are not up. Null for an empty period. */
  percent: number | null;
  target: number;
  critical: number;
  /** Allowed: (100 − target) % of the period's minutes; spent: every minute not up (down or unknown). */
  budget: ErrorBudget;
  status: CheckStatus;
}

/** A service's latency over a period: the p95 of its check's per-minute values. */
export interface LatencyFigures {
  check: string;
  /** Nearest-rank p95 of the measured values, ms; null when none was measured. */
  p95Ms: number | null;
  /** Measured values (one per target and minute). */
  samples: number;
  /** Of them, above the target. */
  aboveTarget: number;
  targetMs: number;
  criticalMs: number;
  /** Allowed: 5 % of the samples (the p95 stays below the target while at most 5 % are above it). */
  budget: ErrorBudget;
  status: CheckStatus;
}

/** One service's SLO figures over a period. */
export interface ServiceSloFigures {
  service: string;
  availability: AvailabilityFigures;
  /** Absent when the service has no latency objective. */
  latency?: LatencyFigures;
}

/** The SLO figures of every service of the inventory over a range of minutes. */
export interface SloFigures {
  range: MinuteRange;
  services: ServiceSloFigures[];
}

/** A budget from what is allowed and spent. */
export function errorBudget(allowed: number, spent: number): ErrorBudget {
  if (allowed <= 0) return { allowed, spent, consumedPercent: null, leftPercent: null };
  const consumedPercent = (spent / allowed) * 100;
  return { allowed, spent, consumedPercent, leftPercent: Math.max(0, 100 - consumedPercent) };
}

/** Nearest-rank percentile of values (sorted here); null for none. */
export function percentile(values: readonly number[], rank: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((rank / 100) * sorted.length) - 1)] ?? null;
}

/** A service's availability over `range` from the samples of its checks. */
export function availabilityFigures(
  objective: ServiceObjective,
  samples: readonly MinuteSample[],
  range: MinuteRange,
): AvailabilityFigures {
  const counts = countMinutes(minuteStates(samples, new Set(objective.checks), range), range);
  const { target, critical } = objective.availability;
  const percent = counts.total === 0 ? null : (counts.up / counts.total) * 100;
  const budget = errorBudget(((100 - target) / 100) * counts.total, counts.total - counts.up);
  let status: CheckStatus = 'unknown';
  if (percent !== null && counts.up + counts.down > 0)
    status = percent >= target ? 'ok' : percent >= critical ? 'warn' : 'fail';
  return { ...counts, percent, target, critical, budget, status };
}

/** A service's p95 latency over `range` from its latency check's values, or undefined without an objective. */
export function latencyFigures(
  objective: ServiceObjective,
  samples: readonly MinuteSample[],
  range: MinuteRange,
): LatencyFigures | undefined {
  const latency = objective.latency;
  if (!latency) return undefined;
  const values: number[] = [];
  for (const sample of samples) {
    if (sample.checkId !== latency.check || sample.value === null) continue;
    if (sample.minute >= range.from && sample.minute < range.to) values.push(sample.value);
  }
  const aboveTarget = values.filter((value) => value > latency.targetMs).length;
  const p95Ms = percentile(values, LATENCY_PERCENTILE);
  let status: CheckStatus = 'unknown';
  if (p95Ms !== null) status = p95Ms < latency.targetMs ? 'ok' : p95Ms < latency.criticalMs ? 'warn' : 'fail';
  return {
    check: latency.check,
    p95Ms,
    samples: values.length,
    aboveTarget,
    targetMs: latency.targetMs,
    criticalMs: latency.criticalMs,
    budget: errorBudget(((100 - LATENCY_PERCENTILE) / 100) * values.length, aboveTarget),
    status,
  };
}

/**
 * The SLO figures of each service over a range of minutes, from the watch's per-minute samples
 * (those of other checks, or outside the range, are ignored): pure, so a month is computed the
 * same in a report, a command or a test.
 */
export function computeSloFigures(
  objectives: readonly ServiceObjective[],
  samples: readonly MinuteSample[],
  range: MinuteRange,
): SloFigures {
  return {
    range,
    services: objectives.map((objective) => {
      const latency = latencyFigures(objective, samples, range);
      return {
        service: objective.name,
        availability: availabilityFigures(objective, samples, range),
        ...(latency ? { latency } : {}),
      };
    }),
  };
}
