import type { ServiceObjective } from '../../config/slo-schema.js';
import { type MinuteRange, minuteOf } from '../../core/slo/minute-series.js';
import { computeSloFigures } from '../../core/slo/slo-figures.js';
import type { Queryable } from '../../store/incidents/incident-queries.js';
import { sloCheckIds } from '../../store/slo/slo-figures-store.js';
import { readSamples } from '../../store/slo/slo-samples.js';
import { type Period, zonedMidnight } from './chart-period.js';
import type { SloChartFigures, SloChartSource } from './slo-chart-source.js';

/** The days of a period in `timezone`, each clipped to the period: one point of the SLO lines each. */
export function periodDays(period: Period, timezone: string): MinuteRange[] {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: timezone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  }).formatToParts(new Date(period.from));
  const part = (type: string) => Number(parts.find((each) => each.type === type)?.value);
  const days: MinuteRange[] = [];
  for (let day = part('day'); ; day += 1) {
    const start = zonedMidnight(part('year'), part('month'), day, timezone);
    if (start >= period.to) break;
    const end = zonedMidnight(part('year'), part('month'), day + 1, timezone);
    days.push({ from: minuteOf(Math.max(start, period.from)), to: minuteOf(Math.min(end, period.to)) });
  }
  return days.filter((range) => range.to > range.from);
}

/**
 * The SLO port of the report charts over the watch's per-minute series: per service and day of
 * the period, the availability (a day no watch ran in is a gap, not 0 %) and the p95 latency,
 * against the inventory's objectives (`slo.services`). One read of the period's samples.
 */
export function sloChartSource(
  db: Queryable,
  objectives: readonly ServiceObjective[],
  timezone: string,
): SloChartSource {
  return async (period) => {
    const days = periodDays(period, timezone);
    const whole = { from: minuteOf(period.from), to: minuteOf(period.to) };
    const samples = await readSamples(db, sloCheckIds(objectives), whole);
    const figures = days.map((range) => computeSloFigures(objectives, samples, range));
    const at = (index: number) => (days[index]?.from ?? 0) * 60_000;
    const result: SloChartFigures = {
      availability: objectives.map((objective, service) => ({
        name: objective.name,
        points: figures.map((day, index) => {
          const availability = day.services[service]?.availability;
          const observed = availability && availability.up + availability.down > 0;
          return { at: at(index), value: observed ? availability.percent : null };
        }),
      })),
      availabilityTargets: objectives.map((objective) => ({
        name: objective.name,
        percent: objective.availability.target,
      })),
      latency: objectives.flatMap((objective, service) =>
        objective.latency
          ? [
              {
                name: objective.name,
                points: figures.map((day, index) => ({
                  at: at(index),
                  value: day.services[service]?.latency?.p95Ms ?? null,
                })),
              },
            ]
          : [],
      ),
      latencyTargets: objectives.flatMap((objective) =>
        objective.latency ? [{ name: objective.name, ms: objective.latency.targetMs }] : [],
      ),
    };
    return result;
  };
}
