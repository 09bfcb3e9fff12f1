import type { Locale } from '../../i18n/define-messages.js';
import { formatNumber } from '../../i18n/format-number.js';
import { msg } from '../../i18n/message.js';
import { translate } from '../../i18n/translate.js';
import type { LinePanel, LineSeries, TargetLine } from '../../render/chart/chart-model.js';
import type { Period } from './chart-period.js';

/** One service's measured values over the period (e.g. one per day); null where nothing was measured. */
export interface SloSeries {
  /** The service, as the reader knows it, e.g. `api`, `postgres`. */
  name: string;
  points: readonly { at: number; value: number | null }[];
}

/** What the SLO series say about a period: availability and p95 latency per service, against their targets. */
export interface SloChartFigures {
  /** Availability per service, percent. */
  availability: readonly SloSeries[];
  /** Each service's availability target, percent (the runbook's 99.9). */
  availabilityTargets: readonly { name: string; percent: number }[];
  /** p95 latency per service, ms. */
  latency: readonly SloSeries[];
  /** The latency target of each service, ms (the runbook's API 500, DB 100). */
  latencyTargets: readonly { name: string; ms: number }[];
}

/**
 * The port through which the charts get SLO figures (the SLO computation supplies it; the
 * composition root passes it in). Absent, or answering undefined: the panels say "not available".
 */
export type SloChartSource = (period: Period) => Promise<SloChartFigures | undefined>;

const toLines = (series: readonly SloSeries[]): LineSeries[] =>
  series.map((each) => ({
    name: each.name,
    points: each.points.map((point) => ({ x: point.at, y: point.value })),
  }));

/** The availability and latency panels, from the figures or "not available" without them. */
export function sloPanels(figures: SloChartFigures | undefined, period: Period, locale: Locale): LinePanel[] {
  const t = (key: Parameters<typeof msg>[0], params?: Record<string, string | number>) =>
    translate(locale, msg(key, params));
  const empty = t(figures ? 'chart.noData' : 'chart.notAvailable');
  const availabilityLines = toLines(figures?.availability ?? []);
  const targets = figures?.availabilityTargets ?? [];
  const lowest = Math.min(
    ...availabilityLines.flatMap((line) =>
      line.points.flatMap((point) => (point.y === null ? [] : [point.y])),
    ),
    ...targets.map((target) => target.percent),
    100,
  );
  const names = (figures?.latency ?? []).map((series) => series.name);
  return [
    {
      kind: 'line',
      title: t('chart.panel.availability'),
      unit: '%',
      ...period,
      series: availabilityLines,
      targets: availabilityTargets(targets, availabilityLines, locale, t),
      // The interesting part of an availability axis is just under 100 %.
      yMin: Math.floor(lowest * 10) / 10 - 0.1,
      yMax: 100,
      empty,
    },
    {
      kind: 'line',
      title: t('chart.panel.latency'),
      unit: 'ms',
      ...period,
      series: toLines(figures?.latency ?? []),
      targets: (figures?.latencyTargets ?? []).map((target) => ({
        label: t('chart.target.slo', { value: `${target.name} ${target.ms} ms` }),
        value: target.ms,
        ...(names.includes(target.name) ? { seriesIndex: names.indexOf(target.name) } : {}),
      })),
      yMin: 0,
      empty,
    },
  ];
}

/**
 * The availability targets as dashed lines: one red line when every service has the same (the
 * runbook's 99.9 %), else one per service in its colour.
 */
function availabilityTargets(
  targets: SloChartFigures['availabilityTargets'],
  lines: readonly LineSeries[],
  locale: Locale,
  t: (key: Parameters<typeof msg>[0], params?: Record<string, string | number>) => string,
): TargetLine[] {
  const percent = (value: number) => `${formatNumber(value, locale)} %`;
  const values = new Set(targets.map((target) => target.percent));
  if (values.size === 1) {
    const [value = 0] = values;
    return [{ label: t('chart.target.slo', { value: percent(value) }), value }];
  }
  const names = lines.map((line) => line.name);
  return targets.map((target) => ({
    label: t('chart.target.slo', { value: `${target.name} ${percent(target.percent)}` }),
    value: target.percent,
    ...(names.includes(target.name) ? { seriesIndex: names.indexOf(target.name) } : {}),
  }));
}
