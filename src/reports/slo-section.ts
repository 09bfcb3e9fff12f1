import { worstStatus } from '../checks/check.js';
import type { MinuteRange } from '../core/slo/minute-series.js';
import { type CalendarMonth, monthRange, monthSoFar } from '../core/slo/month-range.js';
import { msg } from '../i18n/message.js';
import { readSloFigures, sloCheckIds } from '../store/slo/slo-figures-store.js';
import { prometheusObjectiveLines } from './prometheus-objectives.js';
import type { CollectContext, ReportCollector } from './report-collector.js';
import type { ReportLine, ReportSection } from './report-model.js';
import { monthLabel, reportMonth } from './report-month.js';
import { sloFigureLines } from './slo-lines.js';

/** A month whose SLOs are shown: whole, or so far (up to `now`, the run's `day` of the month). */
export interface SloMonth extends CalendarMonth {
  whole: boolean;
  /** Day of the month of `now` in the inventory's timezone, for a month so far. */
  day: number;
}

/** The month's range of minutes in the inventory's timezone: whole, or from its 1st to `now`. */
export function sloMonthRange(period: SloMonth, timezone: string, now: Date): MinuteRange {
  return period.whole ? monthRange(period, timezone) : monthSoFar(period, timezone, now.getTime());
}

/**
 * The SLO section of a month: each service's availability and p95 latency with their error
 * budgets, from the watch's series in the bot's database, then the objectives only Prometheus
 * measures. Shared by the monthly report and `/sama slo`.
 */
export async function sloSection(
  context: Pick<CollectContext, 'inventory' | 'clients' | 'pool' | 'signal'>,
  period: SloMonth,
  now: Date,
): Promise<ReportSection> {
  const { inventory, pool } = context;
  const { timezone, slo } = inventory;
  const range = sloMonthRange(period, timezone, now);
  const params = { month: monthLabel(period, inventory.locale), timezone };
  const title = period.whole
    ? msg('slo.section.wholeMonth', params)
    : msg('slo.section.monthSoFar', { ...params, day: period.day });
  const lines: ReportLine[] = pool
    ? sloFigureLines(await readSloFigures(pool, slo.services, range), (service) =>
        sloCheckIds(slo.services.filter((objective) => objective.name === service)),
      )
    : [{ label: 'slo', status: 'unknown', text: msg('slo.noStore') }];
  lines.push(...(await prometheusObjectiveLines(context.clients.http, inventory, range, context.signal)));
  return { id: 'slo', title, status: worstStatus(lines.map((line) => line.status)), lines };
}

/**
 * The monthly report's SLO section: like its incidents, the previous calendar month whole when
 * run on the 1st (the schedule), the month so far on another day (a run by hand).
 */
export const monthSlo: ReportCollector = {
  id: 'slo',
  title: msg('slo.section.title'),
  collect(context) {
    const now = context.now ?? new Date();
    return sloSection(context, reportMonth(now, context.inventory.timezone), now);
  },
};
