import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckResult, CheckStatus } from '../../src/checks/check.js';
import { sloSchema } from '../../src/config/slo-schema.js';
import { MINUTE_MS, minuteOf } from '../../src/core/slo/minute-series.js';
import { monthRange } from '../../src/core/slo/month-range.js';
import { recordSloRun } from '../../src/escalation/watch/feed-slo.js';
import { silentLogger } from '../../src/logging/logger.js';
import { createBotDatabase } from '../../src/store/bot-database.js';
import { migrate } from '../../src/store/migrate.js';
import { readBudgetSpent, readSloFigures } from '../../src/store/slo/slo-figures-store.js';
import { readSamples, recordRunSamples } from '../../src/store/slo/slo-samples.js';
import { createScratchDatabase, type ScratchDatabase } from '../support/scratch-database.js';
import { fillSloSeries } from '../support/slo-series-fill.js';

// The SLO series in the bot's database (real PostgreSQL): per-minute roll-ups, retention, and the
// figures of a month read back through the store's API.

let database: ScratchDatabase;
let pool: pg.Pool;
const slo = sloSchema.parse({});
const NOVEMBER = monthRange({ year: 2026, month: 11 }, 'Africa/Dakar');

beforeAll(async () => {
  database = await createScratchDatabase();
  pool = createBotDatabase(database.url, silentLogger());
  await migrate(pool);
});

afterAll(async () => {
  await pool?.end();
  await database?.drop();
});

const result = (id: string, target: string, status: CheckStatus, value: number | null) =>
  ({ id, target, status, value }) as unknown as CheckResult;

const fill = (checkId: string, target: string, from: number, to: number, down?: [number, number]) =>
  fillSloSeries(pool, { checkId, target }, from, to, down);

describe('the SLO series', () => {
  it('rolls a minute’s runs into one row per check and target: the worst status, the largest value', async () => {
    const minute = minuteOf(Date.UTC(2026, 0, 5, 10, 0));
    await recordRunSamples(pool, minute, [
      { checkId: 'api.health', target: 'api-1', status: 'ok', value: 120 },
      { checkId: 'api.health', target: 'api-2', status: 'fail', value: null },
    ]);
    await recordRunSamples(pool, minute, [
      { checkId: 'api.health', target: 'api-1', status: 'warn', value: 90 },
      { checkId: 'api.health', target: 'api-2', status: 'ok', value: 70 },
    ]);
    const samples = await readSamples(pool, ['api.health'], { from: minute, to: minute + 1 });
    expect(samples.map(({ target, status, value }) => ({ target, status, value }))).toEqual([
      { target: 'api-1', status: 'warn', value: 120 },
      { target: 'api-2', status: 'fail', value: 70 },
    ]);
  });

  it('keeps only the checks the SLOs name, and prunes what is older than the retention', async () => {
    const now = minuteOf(Date.UTC(2026, 3, 1, 12, 0));
    const retention = slo.retention / MINUTE_MS;
    await fill('postgres.ping', 'postgres', now - retention - 10, now - retention + 10);
    await recordSloRun(
      pool,
      slo,
      [result('postgres.ping', 'postgres', 'ok', 3), result('disk.usage', 'db:/', 'warn', 88)],
      now,
    );
    const kept = await readSamples(pool, ['postgres.ping', 'disk.usage'], {
      from: now - 2 * retention,
      to: now + 1,
    });
    expect(kept.every((sample) => sample.checkId === 'postgres.ping')).toBe(true);
    expect(kept.map((sample) => sample.minute)).toEqual([
      ...Array.from({ length: 10 }, (_, index) => now - retention + index),
      now,
    ]);
  });

  it('reads a month’s figures: a 30-minute outage of api-1 in November (Dakar) is 99.93 %', async () => {
    const outage: [number, number] = [
      minuteOf(Date.UTC(2026, 10, 14, 10)),
      minuteOf(Date.UTC(2026, 10, 14, 10, 30)),
    ];
    // From the last day of October to the first of December: only November's minutes count.
    await fill('api.health', 'api-1', NOVEMBER.from - 1440, NOVEMBER.to + 1440, outage);
    await fill('api.health', 'api-2', NOVEMBER.from - 1440, NOVEMBER.to + 1440);
    const figures = await readSloFigures(pool, slo.services, NOVEMBER);
    const api = figures.services.find((service) => service.service === 'api');
    expect(api?.availability).toMatchObject({
      up: 43_170,
      down: 30,
      unknown: 0,
      total: 43_200,
      status: 'ok',
    });
    expect(Math.floor((api?.availability.percent ?? 0) * 100) / 100).toBe(99.93);
    expect(api?.latency).toMatchObject({ samples: 86_370, p95Ms: 87, aboveTarget: 0 });
    // The db was not watched in November: every minute unknown, not up.
    const db = figures.services.find((service) => service.service === 'db');
    expect(db?.availability).toMatchObject({ up: 0, unknown: 43_200, status: 'unknown' });
  });

  it('says what an incident spent of its month’s budget', async () => {
    const [spent] = await readBudgetSpent(
      pool,
      slo.services,
      { fromMs: Date.UTC(2026, 10, 14, 9, 55), toMs: Date.UTC(2026, 10, 14, 10, 40, 30) },
      'Africa/Dakar',
    );
    expect(spent).toMatchObject({ service: 'api', spentMinutes: 30, downMinutes: 30 });
    expect(spent?.monthAllowedMinutes).toBeCloseTo(43.2, 6);
    expect(spent?.consumedPercentOfMonth).toBeCloseTo((30 / 43.2) * 100, 6);
  });
});
