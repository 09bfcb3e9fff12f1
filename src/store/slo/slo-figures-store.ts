import type { ServiceObjective } from '../../config/slo-schema.js';
import { budgetSpent, type ServiceBudgetSpent } from '../../core/slo/incident-budget.js';
import { type MinuteRange, minuteOf } from '../../core/slo/minute-series.js';
import { monthAt, monthRange } from '../../core/slo/month-range.js';
import { computeSloFigures, type SloFigures } from '../../core/slo/slo-figures.js';
import type { Queryable } from '../incidents/incident-queries.js';
import { readSamples } from './slo-samples.js';

/** The checks the SLOs read: their availability checks and their latency checks. */
export function sloCheckIds(objectives: readonly ServiceObjective[]): string[] {
  const ids = new Set<string>();
  for (const objective of objectives) {
    for (const check of objective.checks) ids.add(check);
    if (objective.latency) ids.add(objective.latency.check);
  }
  return [...ids];
}

/**
 * The SLO figures of a period from the bot's database: per service, availability (minutes up,
 * down and unknown), p95 latency and the error budget left and consumed against the inventory's
 * objectives (`inventory.slo.services`). Periods are ranges of minutes: `monthRange(month,
 * timezone)` for a calendar month, `monthSoFar(...)` for the month under way (core/slo/month-range.ts).
 */
export async function readSloFigures(
  db: Queryable,
  objectives: readonly ServiceObjective[],
  range: MinuteRange,
): Promise<SloFigures> {
  const samples = await readSamples(db, sloCheckIds(objectives), range);
  return computeSloFigures(objectives, samples, range);
}

/**
 * What a span of time (an incident: opened to resolved, or to now) spent of each service's
 * availability budget for the month it started in (calendar month of `timezone`), with the span's
 * latency. The minute under way at `toMs` is counted.
 */
export async function readBudgetSpent(
  db: Queryable,
  objectives: readonly ServiceObjective[],
  span: { fromMs: number; toMs: number },
  timezone: string,
): Promise<ServiceBudgetSpent[]> {
  const range = { from: minuteOf(span.fromMs), to: Math.max(minuteOf(span.fromMs), minuteOf(span.toMs)) + 1 };
  const samples = await readSamples(db, sloCheckIds(objectives), range);
  return budgetSpent(objectives, samples, range, monthRange(monthAt(span.fromMs, timezone), timezone));
}
