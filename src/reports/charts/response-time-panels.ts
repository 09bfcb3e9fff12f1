import { levels } from '../../core/escalation/policy-snapshot.js';
import type { Locale } from '../../i18n/define-messages.js';
import { msg } from '../../i18n/message.js';
import { translate } from '../../i18n/translate.js';
import type { BarPanel } from '../../render/chart/chart-model.js';
import type { MonthlyResponseTimes } from '../../store/incidents/incident-response-times.js';
import type { CalendarMonth } from './chart-period.js';

/** The deadlines a level's MTTA and MTTR are held against, ms (the inventory's escalation levels). */
export type LevelDeadlines = Readonly<Record<(typeof levels)[number], { ackMs: number; resolveMs: number }>>;

const minutes = (seconds: number | null) => (seconds === null ? null : Math.round((seconds / 60) * 10) / 10);

/**
 * Two bar panels, MTTA and MTTR, a group of bars per month (one per level) and each level's
 * deadline dashed in its colour. Months with no incident have no bars.
 */
export function responseTimePanels(
  rows: readonly MonthlyResponseTimes[],
  months: readonly CalendarMonth[],
  deadlines: LevelDeadlines,
  locale: Locale,
): BarPanel[] {
  const t = (key: Parameters<typeof msg>[0], params?: Record<string, string | number>) =>
    translate(locale, msg(key, params));
  const monthName = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    month: 'short',
    year: '2-digit',
    timeZone: 'UTC',
  });
  const categories = months.map((month) => monthName.format(Date.UTC(month.year, month.month - 1, 15)));
  const panel = (
    title: string,
    pick: (row: MonthlyResponseTimes) => number | null,
    deadline: 'ackMs' | 'resolveMs',
  ): BarPanel => ({
    kind: 'bars',
    title,
    unit: t('chart.unit.minutes'),
    categories,
    series: levels.map((level) => ({
      name: level,
      values: months.map((month) => {
        const row = rows.find((each) => each.month === month.key && each.level === level);
        return row ? minutes(pick(row)) : null;
      }),
    })),
    targets: levels.map((level, seriesIndex) => {
      const value = Math.round(deadlines[level][deadline] / 60_000);
      return { label: t('chart.target.deadline', { level, minutes: value }), value, seriesIndex };
    }),
    empty: t('chart.noData'),
  });
  return [
    panel(t('chart.panel.mtta'), (row) => row.mttaSeconds, 'ackMs'),
    panel(t('chart.panel.mttr'), (row) => row.mttrSeconds, 'resolveMs'),
  ];
}
