import { describe, expect, it } from 'vitest';
import { BURN_LOOKBACK_MINUTES, burnVerdicts } from '../../../src/core/slo/burn-rate.js';
import { at, objectives, outage, series } from './slo-series.js';

// The multi-window rules of Google's SRE workbook over synthetic series (pure).

const T0 = at('2026-11-10T00:00Z');
const api = (reading: Parameters<typeof series>[4], to = T0 + 600) =>
  series('api.health', ['api-1'], T0, to, reading);
const availability = (verdicts: ReturnType<typeof burnVerdicts>) =>
  verdicts.find((verdict) => verdict.objective === 'availability');

describe('burn rates (availability)', () => {
  it('healthy: nothing burns', () => {
    const verdict = availability(
      burnVerdicts(
        objectives(),
        api(() => ({ status: 'ok' })),
        T0 + 500,
      ),
    );
    expect(verdict).toMatchObject({ service: 'api', firing: null, rates: { fast: { long: 0, short: 0 } } });
  });

  it('at 99.9 %, one down minute in the hour burns 16.7× over 1 h: the fast rule fires while it is in the 5 minutes', () => {
    const samples = api(outage(T0 + 400, T0 + 401));
    const now = (offset: number) => availability(burnVerdicts(objectives(), samples, T0 + offset));
    expect(now(400)?.firing).toBe('fast');
    expect(now(400)?.rates.fast.long).toBeCloseTo(1 / 60 / 0.001, 6);
    expect(now(404)?.firing).toBe('fast');
    // Out of the 5-minute window: no longer fast; the 30 minutes burn 33×, the 6 h 2.8×: not slow.
    expect(now(405)?.firing).toBeNull();
    expect(now(405)?.rates.slow.short).toBeCloseTo(1 / 30 / 0.001, 6);
  });

  it('at 99 %, one down minute in ten burns 10×: slow, never fast', () => {
    const target = objectives({ availability: { target: 99, critical: 98 } });
    const samples = api((minute) => ({ status: minute >= T0 + 360 && minute % 10 === 0 ? 'fail' : 'ok' }));
    const verdicts = Array.from({ length: 240 }, (_, index) =>
      availability(burnVerdicts(target, samples, T0 + 360 + index)),
    );
    expect(verdicts.some((verdict) => verdict?.firing === 'fast')).toBe(false);
    // 6 h at 6 % needs 22 down minutes of 360 (21.6): the 22nd falls 210 minutes in.
    const first = verdicts.findIndex((verdict) => verdict?.firing === 'slow');
    expect(first).toBe(210);
  });

  it('minutes with no watch run are left out of the ratio, not counted as up', () => {
    // One hour known: 30 minutes down and 30 unknown (no run). 30 of 30 known are down.
    const samples = api((minute) => (minute < T0 + 30 ? { status: 'fail' } : null), T0 + 60);
    const verdict = availability(burnVerdicts(objectives(), samples, T0 + 59));
    expect(verdict?.rates.fast.long).toBeCloseTo(1 / 0.001, 6);
    // The last 30 minutes had no run: nothing known, no burn, so neither rule fires.
    expect(verdict?.rates.fast.short).toBe(0);
    expect(verdict?.rates.slow.short).toBe(0);
    expect(verdict?.firing).toBeNull();
  });

  it('reads back at most the slow rule’s 6 hours', () => {
    expect(BURN_LOOKBACK_MINUTES).toBe(360);
  });
});

describe('burn rates (latency: 5 % of samples may be above the target)', () => {
  it('every sample above 500 ms burns 20×: fast', () => {
    const samples = api(() => ({ status: 'warn', value: 700 }));
    const latency = burnVerdicts(objectives(), samples, T0 + 100).find(
      (verdict) => verdict.objective === 'latency',
    );
    expect(latency).toMatchObject({ firing: 'fast', rates: { fast: { long: 20, short: 20 } } });
  });
});
