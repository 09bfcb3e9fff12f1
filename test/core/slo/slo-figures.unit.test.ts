import { describe, expect, it } from 'vitest';
import { sloSchema } from '../../../src/config/slo-schema.js';
import { monthAt, monthRange, monthSoFar } from '../../../src/core/slo/month-range.js';
import { computeSloFigures, percentile } from '../../../src/core/slo/slo-figures.js';
import { at, objectives, outage, type Reading, series } from './slo-series.js';

// The SLO arithmetic over synthetic watch series (pure): minutes up, down and unknown, the
// month's boundaries in the inventory's timezone, p95 latencies and the error budgets.

const DAKAR = 'Africa/Dakar';
const NOVEMBER = monthRange({ year: 2026, month: 11 }, DAKAR);
const API = ['api-1', 'api-2'];

/** The api service's figures for November 2026 (Dakar) over a series of both instances. */
function november(reading: (minute: number, target: string) => Reading, from = NOVEMBER.from) {
  const samples = series('api.health', API, from, NOVEMBER.to, reading);
  const figures = computeSloFigures(objectives(), samples, NOVEMBER).services[0];
  if (!figures?.latency) throw new Error('no api figures');
  return figures;
}

const floor2 = (percent: number | null) => (percent === null ? null : Math.floor(percent * 100) / 100);

describe('availability of a month (share of minutes with every check OK or warn)', () => {
  const cases: Array<{
    name: string;
    reading: (minute: number, target: string) => Reading;
    percent: number;
    counts: { up: number; down: number; unknown: number };
    consumed: number;
    status: string;
  }> = [
    {
      name: 'a whole healthy month',
      reading: () => ({ status: 'ok', value: 90 }),
      percent: 100,
      counts: { up: 43_200, down: 0, unknown: 0 },
      consumed: 0,
      status: 'ok',
    },
    {
      name: 'a 30-minute outage of both instances: 99.93 %',
      reading: outage(at('2026-11-14T10:00Z'), at('2026-11-14T10:30Z')),
      percent: 99.93,
      counts: { up: 43_170, down: 30, unknown: 0 },
      consumed: (30 / 43.2) * 100,
      status: 'ok',
    },
    {
      name: 'one instance of two down 30 minutes: the service’s minutes are down',
      reading: (minute, target) =>
        target === 'api-2'
          ? outage(at('2026-11-14T10:00Z'), at('2026-11-14T10:30Z'))(minute)
          : { status: 'ok' },
      percent: 99.93,
      counts: { up: 43_170, down: 30, unknown: 0 },
      consumed: (30 / 43.2) * 100,
      status: 'ok',
    },
    {
      name: 'warn counts as up',
      reading: () => ({ status: 'warn', value: 700 }),
      percent: 100,
      counts: { up: 43_200, down: 0, unknown: 0 },
      consumed: 0,
      status: 'ok',
    },
    {
      name: 'a 2-hour gap with no watch run is unknown, not up',
      reading: (minute) =>
        minute >= at('2026-11-20T02:00Z') && minute < at('2026-11-20T04:00Z') ? null : { status: 'ok' },
      percent: 99.72,
      counts: { up: 43_080, down: 0, unknown: 120 },
      consumed: (120 / 43.2) * 100,
      status: 'warn',
    },
    {
      name: 'results that measured nothing (unknown) are unknown minutes',
      reading: (minute) =>
        minute >= at('2026-11-03T00:00Z') && minute < at('2026-11-03T00:10Z')
          ? { status: 'unknown' }
          : { status: 'ok' },
      percent: 99.97,
      counts: { up: 43_190, down: 0, unknown: 10 },
      consumed: (10 / 43.2) * 100,
      status: 'ok',
    },
    {
      name: 'a 4-hour outage: below the critical 99.5 %',
      reading: outage(at('2026-11-02T08:00Z'), at('2026-11-02T12:00Z')),
      percent: 99.44,
      counts: { up: 42_960, down: 240, unknown: 0 },
      consumed: (240 / 43.2) * 100,
      status: 'fail',
    },
  ];

  it.each(cases)('$name', ({ reading, percent, counts, consumed, status }) => {
    const { availability } = november(reading);
    expect(floor2(availability.percent)).toBe(percent);
    expect(availability).toMatchObject({ ...counts, total: 43_200, status });
    expect(availability.budget.allowed).toBeCloseTo(43.2, 6);
    expect(availability.budget.consumedPercent).toBeCloseTo(consumed, 6);
    expect(availability.budget.leftPercent).toBeCloseTo(Math.max(0, 100 - consumed), 6);
  });

  it('a month the watch never ran in is unknown, 0 % up, its budget all spent', () => {
    const { availability } = november(() => null);
    expect(availability).toMatchObject({ up: 0, down: 0, unknown: 43_200, percent: 0, status: 'unknown' });
    expect(availability.budget.leftPercent).toBe(0);
  });
});

describe('the month’s boundaries in the inventory’s timezone', () => {
  it('November in Africa/Dakar (UTC+0 all year) is 1 Nov 00:00 to 1 Dec 00:00 UTC, 43,200 minutes', () => {
    expect(NOVEMBER).toEqual({ from: at('2026-11-01T00:00Z'), to: at('2026-12-01T00:00Z') });
    expect(monthAt(Date.parse('2026-11-30T23:59:59Z'), DAKAR)).toEqual({ year: 2026, month: 11 });
    expect(monthAt(Date.parse('2026-12-01T00:00:00Z'), DAKAR)).toEqual({ year: 2026, month: 12 });
  });

  it('an outage across midnight on the 31st is split between the two months', () => {
    const down = outage(at('2026-10-31T23:45Z'), at('2026-11-01T00:15Z'));
    const samples = series('api.health', API, at('2026-10-31T00:00Z'), NOVEMBER.to, down);
    const october = monthRange({ year: 2026, month: 10 }, DAKAR);
    const [oct, nov] = [october, NOVEMBER].map(
      (range) => computeSloFigures(objectives(), samples, range).services[0]?.availability,
    );
    expect(nov).toMatchObject({ down: 15, up: 43_185, unknown: 0, total: 43_200 });
    // October's samples start on the 31st: the 30 days before are unknown, not up.
    expect(oct).toMatchObject({ down: 15, up: 1425, unknown: 43_200, total: 44_640 });
  });

  it('in Europe/Paris the month starts at 23:00 UTC the day before, and ends with the DST change', () => {
    expect(monthRange({ year: 2026, month: 3 }, 'Europe/Paris')).toEqual({
      from: at('2026-02-28T23:00Z'),
      to: at('2026-03-31T22:00Z'),
    });
  });

  it('a month so far ends at the current minute, excluded', () => {
    expect(monthSoFar({ year: 2026, month: 11 }, DAKAR, Date.parse('2026-11-03T12:00:30Z'))).toEqual({
      from: NOVEMBER.from,
      to: at('2026-11-03T12:00Z'),
    });
  });
});

describe('p95 latency and its budget (5 % of samples above the target)', () => {
  it('nearest rank: the 95th of 100 values', () => {
    expect(
      percentile(
        Array.from({ length: 100 }, (_, index) => 100 - index),
        95,
      ),
    ).toBe(95);
    expect(percentile([], 95)).toBeNull();
    expect(percentile([42], 95)).toBe(42);
  });

  const cases = [
    { name: 'all at 120 ms', slowShare: 0, p95: 120, consumed: 0, status: 'ok' },
    { name: '4 % of minutes at 800 ms', slowShare: 4, p95: 120, consumed: 80, status: 'ok' },
    { name: '10 % at 800 ms', slowShare: 10, p95: 800, consumed: 200, status: 'warn' },
    { name: '10 % at 1500 ms', slowShare: 10, p95: 1500, consumed: 200, status: 'fail', slowMs: 1500 },
  ];

  it.each(cases)('$name', ({ slowShare, p95, consumed, status, ...rest }) => {
    const slowMs = 'slowMs' in rest ? rest.slowMs : 800;
    const { latency } = november((minute) => ({
      status: 'ok',
      value: minute % 100 < slowShare ? slowMs : 120,
    }));
    expect(latency).toMatchObject({ check: 'api.health', p95Ms: p95, samples: 86_400, status });
    expect(latency?.budget.consumedPercent).toBeCloseTo(consumed, 6);
  });

  it('failed minutes without a value do not count as latency samples', () => {
    const { latency } = november(outage(at('2026-11-14T10:00Z'), at('2026-11-14T10:30Z')));
    expect(latency?.samples).toBe(86_400 - 60);
  });

  it('a service without a latency objective has no latency figures', () => {
    const slo = sloSchema.parse({ services: [{ name: 'redis', checks: ['redis.ping'] }] });
    const samples = series('redis.ping', ['redis'], NOVEMBER.from, NOVEMBER.to, () => ({ status: 'ok' }));
    const [redis] = computeSloFigures(slo.services, samples, NOVEMBER).services;
    expect(redis?.latency).toBeUndefined();
    expect(redis?.availability.percent).toBe(100);
  });
});
