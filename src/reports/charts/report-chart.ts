import type pg from 'pg';
import type { Inventory } from '../../config/schema.js';
import { levels } from '../../core/escalation/policy-snapshot.js';
import { formatNumber, LANGUAGE_TAG } from '../../i18n/format-number.js';
import { msg } from '../../i18n/message.js';
import { translate } from '../../i18n/translate.js';
import type { ChartSheet, LinePanel } from '../../render/chart/chart-model.js';
import { monthlyResponseTimes } from '../../store/incidents/incident-response-times.js';
import type { ReportKind } from '../report-model.js';
import { reportsBetween } from '../report-store.js';
import { chartPeriod, monthsUpTo, type Period } from './chart-period.js';
import { metricSeries } from './metric-series.js';
import { responseTimePanels } from './response-time-panels.js';
import { type SloChartSource, sloPanels } from './slo-chart-source.js';

/** Months of MTTA/MTTR the charts show, the period's month last. */
export const RESPONSE_TIME_MONTHS = 6;

/** What building a report's charts reads. */
export interface ReportChartDeps {
  inventory: Inventory;
  /** The bot's database: stored reports (disk, queues) and incidents (MTTA/MTTR). */
  pool: pg.Pool;
  /** SLO figures; absent until the SLO series exist: those panels say "not available". */
  slo?: SloChartSource | undefined;
  /** The report's time. Default now. */
  now?: Date;
}

type Translate = (key: Parameters<typeof msg>[0], params?: Record<string, string | number>) => string;

/** Disk use per server and mount (daily reports), against the disk thresholds. */
function diskPanel(
  reports: Parameters<typeof metricSeries>[0],
  period: Period,
  inventory: Inventory,
  t: Translate,
): LinePanel {
  const band = inventory.thresholds.diskPercent;
  const percent = (value: number) => `${formatNumber(value, inventory.locale)} %`;
  return {
    kind: 'line',
    title: t('chart.panel.disk'),
    unit: '%',
    ...period,
    series: metricSeries(reports, 'disk', 'disk.usage:'),
    targets: [
      { label: t('chart.target.warn', { value: percent(band.warn) }), value: band.warn },
      { label: t('chart.target.fail', { value: percent(band.fail) }), value: band.fail },
    ],
    yMin: 0,
    yMax: 100,
    empty: t('chart.noData'),
  };
}

/** Ready messages per queue (reports with a RabbitMQ section), against the depth warning. */
function queuePanel(
  reports: Parameters<typeof metricSeries>[0],
  period: Period,
  inventory: Inventory,
  t: Translate,
): LinePanel {
  const band = inventory.thresholds.queueDepth;
  return {
    kind: 'line',
    title: t('chart.panel.rabbitmq'),
    unit: t('chart.unit.messages'),
    ...period,
    series: metricSeries(reports, 'rabbitmq-queues', 'rabbitmq.queue:'),
    targets: [{ label: t('chart.target.warn', { value: band.warn }), value: band.warn }],
    yMin: 0,
    empty: t('chart.noData'),
  };
}

/**
 * The chart sheet of a weekly or monthly report: disk per server and RabbitMQ backlog over the
 * period (from the stored reports), availability and latency against target (the SLO port), and
 * MTTA/MTTR per level for the last six months (from the incidents' timelines).
 */
export async function reportChartSheet(kind: ReportKind, deps: ReportChartDeps): Promise<ChartSheet> {
  const { inventory, pool } = deps;
  const { locale, timezone } = inventory;
  const t: Translate = (key, params) => translate(locale, msg(key, params));
  const period = chartPeriod(kind, deps.now ?? new Date(), timezone);
  const months = monthsUpTo(period.to - 1, timezone, RESPONSE_TIME_MONTHS);
  const [reports, times, figures] = await Promise.all([
    reportsBetween(pool, new Date(period.from), new Date(period.to)),
    monthlyResponseTimes(pool, timezone, new Date(months[0]?.from ?? period.from), new Date(period.to)),
    deps.slo ? deps.slo(period) : Promise.resolve(undefined),
  ]);
  const deadlines = Object.fromEntries(
    levels.map((level) => [
      level,
      {
        ackMs: inventory.escalation.levels[level].ackTimeout,
        resolveMs: inventory.escalation.levels[level].resolveWithin,
      },
    ]),
  ) as Parameters<typeof responseTimePanels>[2];
  const day = new Intl.DateTimeFormat(LANGUAGE_TAG[locale], { dateStyle: 'short', timeZone: timezone });
  return {
    title: t(kind === 'monthly' ? 'chart.title.monthly' : 'chart.title.weekly', {
      platform: inventory.platform,
    }),
    subtitle: t('chart.subtitle', {
      from: day.format(period.from),
      to: day.format(period.to - 1),
      timezone,
      months: RESPONSE_TIME_MONTHS,
    }),
    panels: [
      diskPanel(reports, period, inventory, t),
      queuePanel(reports, period, inventory, t),
      ...sloPanels(figures, period, locale),
      ...responseTimePanels(times, months, deadlines, locale),
    ],
    locale,
    timezone,
  };
}
