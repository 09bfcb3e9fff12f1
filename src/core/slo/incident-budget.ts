import type { ServiceObjective } from '../../config/slo-schema.js';
import type { MinuteRange, MinuteSample } from './minute-series.js';
import { availabilityFigures, type LatencyFigures, latencyFigures } from './slo-figures.js';

/** What a span of time (an incident) took from one service's monthly availability budget. */
export interface ServiceBudgetSpent {
  service: string;
  /** Minutes of the span not up (down, or unknown: no watch run). */
  spentMinutes: number;
  /** Of them, down (a check failed). */
  downMinutes: number;
  /** The whole month's allowed minutes: (100 − target) % of the month holding the span's start. */
  monthAllowedMinutes: number;
  /** spentMinutes ÷ monthAllowedMinutes, percent (above 100 when one span exhausted the month). */
  consumedPercentOfMonth: number | null;
  /** The latency over the span (p95, samples above target), when the service has an objective. */
  latency?: LatencyFigures;
}

/**
 * What a span of minutes (e.g. an incident, opened to resolved) spent of each service's monthly
 * availability budget, from the watch's samples. Pure; `month` is the calendar month of the
 * span's start in the inventory's timezone (`monthRange`).
 */
export function budgetSpent(
  objectives: readonly ServiceObjective[],
  samples: readonly MinuteSample[],
  span: MinuteRange,
  month: MinuteRange,
): ServiceBudgetSpent[] {
  return objectives.map((objective) => {
    const availability = availabilityFigures(objective, samples, span);
    const spentMinutes = availability.total - availability.up;
    const monthAllowedMinutes = ((100 - objective.availability.target) / 100) * (month.to - month.from);
    const latency = latencyFigures(objective, samples, span);
    return {
      service: objective.name,
      spentMinutes,
      downMinutes: availability.down,
      monthAllowedMinutes,
      consumedPercentOfMonth: monthAllowedMinutes > 0 ? (spentMinutes / monthAllowedMinutes) * 100 : null,
      ...(latency ? { latency } : {}),
    };
  });
}
