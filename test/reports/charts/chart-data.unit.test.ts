import { describe, expect, it } from 'vitest';
import { chartPeriod, monthsUpTo, zonedMidnight } from '../../../src/reports/charts/chart-period.js';
import { metricSeries } from '../../../src/reports/charts/metric-series.js';
import { responseTimePanels } from '../../../src/reports/charts/response-time-panels.js';
import { sloPanels } from '../../../src/reports/charts/slo-chart-source.js';
import type { Report } from '../../../src/reports/report-model.js';

const DAY = 86_400_000;

describe('chart periods, in the inventory’s timezone', () => {
  it('finds midnight in Dakar (UTC all year) and in Paris across a DST change', () => {
    expect(new Date(zonedMidnight(2026, 10, 1, 'Africa/Dakar')).toISOString()).toBe(
      '2026-10-01T00:00:00.000Z',
    );
    expect(new Date(zonedMidnight(2026, 10, 1, 'Europe/Paris')).toISOString()).toBe(
      '2026-09-30T22:00:00.000Z',
    );
    // 25 October 2026: Paris goes back to UTC+1 that night.
    expect(new Date(zonedMidnight(2026, 10, 26, 'Europe/Paris')).toISOString()).toBe(
      '2026-10-25T23:00:00.000Z',
    );
    expect(new Date(zonedMidnight(2026, 13, 1, 'Africa/Dakar')).toISOString()).toBe(
      '2027-01-01T00:00:00.000Z',
    );
  });

  it('lists the months up to the one a time falls in, across a new year', () => {
    const months = monthsUpTo(Date.parse('2027-02-10T12:00:00Z'), 'Africa/Dakar', 4);
    expect(months.map((month) => month.key)).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(months[1]?.to).toBe(months[2]?.from);
  });

  it('covers the whole previous month for the monthly report of the 1st, the month so far otherwise, seven days for the weekly', () => {
    const first = chartPeriod('monthly', new Date('2026-11-01T06:00:00Z'), 'Africa/Dakar');
    expect([new Date(first.from).toISOString(), new Date(first.to).toISOString()]).toEqual([
      '2026-10-01T00:00:00.000Z',
      '2026-11-01T00:00:00.000Z',
    ]);
    const mid = chartPeriod('monthly', new Date('2026-11-15T10:00:00Z'), 'Africa/Dakar');
    expect(new Date(mid.from).toISOString()).toBe('2026-11-01T00:00:00.000Z');
    expect(mid.to).toBe(Date.parse('2026-11-15T10:00:00Z'));
    const week = chartPeriod('weekly', new Date('2026-11-15T03:00:00Z'), 'Africa/Dakar');
    expect(week.to - week.from).toBe(7 * DAY);
  });
});

const report = (at: string, lines: { label: string; value: number | null }[]): Report => ({
  kind: 'daily',
  createdAt: at,
  durationMs: 1,
  status: 'ok',
  sections: [
    {
      id: 'disk',
      title: { key: 'report.section.disk' },
      status: 'ok',
      lines: lines.map((line) => ({
        label: line.label,
        status: 'ok',
        text: { key: 'report.section.disk' },
        metric: `disk.usage:${line.label}`,
        value: line.value,
      })),
    },
  ],
});

describe('metricSeries', () => {
  it('gives each line a series in time order, a gap where a report could not measure it', () => {
    const series = metricSeries(
      [
        report('2026-10-02T06:00:00Z', [
          { label: 'db /data', value: 61 },
          { label: 'api /', value: null },
        ]),
        report('2026-10-01T06:00:00Z', [
          { label: 'db /data', value: 60 },
          { label: 'api /', value: 30 },
        ]),
      ],
      'disk',
      'disk.usage:',
    );
    expect(series).toEqual([
      {
        name: 'api /',
        points: [
          { x: Date.parse('2026-10-01T06:00:00Z'), y: 30 },
          { x: Date.parse('2026-10-02T06:00:00Z'), y: null },
        ],
      },
      {
        name: 'db /data',
        points: [
          { x: Date.parse('2026-10-01T06:00:00Z'), y: 60 },
          { x: Date.parse('2026-10-02T06:00:00Z'), y: 61 },
        ],
      },
    ]);
    expect(
      metricSeries(
        [report('2026-10-01T06:00:00Z', [{ label: 'x', value: 1 }])],
        'rabbitmq-queues',
        'rabbitmq.queue:',
      ),
    ).toEqual([]);
  });
});

describe('the SLO and response-time panels', () => {
  const period = { from: Date.UTC(2026, 9, 1), to: Date.UTC(2026, 10, 1) };

  it('say "not available" without the SLO port, and plot its figures with it', () => {
    const [availability, latency] = sloPanels(undefined, period, 'fr');
    expect(availability).toMatchObject({ empty: 'non disponible', series: [] });
    expect(latency).toMatchObject({ empty: 'non disponible', series: [] });
    const [withFigures] = sloPanels(
      {
        availability: [{ name: 'api', points: [{ at: period.from, value: 99.95 }] }],
        availabilityTargets: [
          { name: 'api', percent: 99.9 },
          { name: 'db', percent: 99.9 },
        ],
        latency: [{ name: 'api', points: [{ at: period.from, value: 320 }] }],
        latencyTargets: [{ name: 'api', ms: 500 }],
      },
      period,
      'en',
    );
    expect(withFigures?.targets).toEqual([{ label: 'target 99.9 %', value: 99.9 }]);
    expect(withFigures?.yMin).toBeLessThan(99.9);
  });

  it('put each level’s MTTA and MTTR in its month, in minutes, its deadline dashed', () => {
    const months = monthsUpTo(Date.UTC(2026, 9, 15), 'Africa/Dakar', 2);
    const [mtta, mttr] = responseTimePanels(
      [{ month: '2026-10', level: 'N2', mttaSeconds: 270, mttrSeconds: 3600 }],
      months,
      {
        N1: { ackMs: 15 * 60_000, resolveMs: 4 * 3_600_000 },
        N2: { ackMs: 10 * 60_000, resolveMs: 2 * 3_600_000 },
        N3: { ackMs: 5 * 60_000, resolveMs: 3_600_000 },
      },
      'fr',
    );
    expect(mtta?.categories).toEqual(['sept. 26', 'oct. 26']);
    expect(mtta?.series.map((series) => series.values)).toEqual([
      [null, null],
      [null, 4.5],
      [null, null],
    ]);
    expect(mttr?.series[1]?.values).toEqual([null, 60]);
    expect(mtta?.targets?.[1]).toEqual({ label: 'N2 : 10 min', value: 10, seriesIndex: 1 });
  });
});
