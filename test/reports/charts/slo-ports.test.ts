import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sloPorts } from '../../../src/app/slo-ports.js';
import { parseInventory } from '../../../src/config/load-inventory.js';
import { minuteOf } from '../../../src/core/slo/minute-series.js';
import { silentLogger } from '../../../src/logging/logger.js';
import { periodDays } from '../../../src/reports/charts/slo-chart-figures.js';
import { sloPanels } from '../../../src/reports/charts/slo-chart-source.js';
import { createBotDatabase } from '../../../src/store/bot-database.js';
import { migrate } from '../../../src/store/migrate.js';
import { createScratchDatabase, type ScratchDatabase } from '../../support/scratch-database.js';
import { fillSloSeries } from '../../support/slo-series-fill.js';

/**
 * The SLO ports of the charts and of the post-mortems over the watch's per-minute series (scratch
 * bot database, the runbook's default objectives: api and db at 99.9 %, p95 500 and 100 ms).
 * Three days of October: api up all along but for a 30-minute outage on the 2nd; db measured on the
 * 1st only.
 */

const DAY = 86_400_000;
const OCT1 = Date.parse('2026-10-01T00:00:00Z');
let database: ScratchDatabase;
let pool: pg.Pool;
const inventory = parseInventory('platform: Lab\ntimezone: Africa/Dakar\n', 'inline.yml');
const outage: [number, number] = [
  minuteOf(OCT1 + DAY + 10 * 3_600_000),
  minuteOf(OCT1 + DAY + 10.5 * 3_600_000),
];

beforeAll(async () => {
  database = await createScratchDatabase();
  pool = createBotDatabase(database.url, silentLogger());
  await migrate(pool);
  const api = { checkId: 'api.health', target: 'samaconso_api_1' };
  await fillSloSeries(pool, api, minuteOf(OCT1), minuteOf(OCT1 + 3 * DAY), outage);
  await fillSloSeries(
    pool,
    { checkId: 'postgres.ping', target: 'postgres' },
    minuteOf(OCT1),
    minuteOf(OCT1 + DAY),
  );
});

afterAll(async () => {
  await pool?.end();
  await database?.drop();
});

describe('the charts’ SLO port', () => {
  it('gives each service a point a day: availability (a day without runs is a gap) and p95', async () => {
    const period = { from: OCT1, to: OCT1 + 4 * DAY };
    const figures = await sloPorts(pool, inventory)?.charts?.(period);
    const api = figures?.availability.find((series) => series.name === 'api');
    expect(api?.points.map((point) => point.at)).toEqual([0, 1, 2, 3].map((day) => OCT1 + day * DAY));
    expect(api?.points.map((point) => point.value && Math.round(point.value * 100) / 100)).toEqual([
      100,
      97.92,
      100,
      null,
    ]);
    const db = figures?.availability.find((series) => series.name === 'db');
    expect(db?.points.map((point) => point.value)).toEqual([100, null, null, null]);
    expect(figures?.latency.find((series) => series.name === 'api')?.points[0]?.value).toBe(87); // values 40–89 ms: the 95th percentile
    expect(figures?.latencyTargets).toEqual([
      { name: 'api', ms: 500 },
      { name: 'db', ms: 100 },
    ]);
    const [availability] = sloPanels(figures, period, 'fr');
    expect(availability?.targets).toEqual([{ label: 'objectif 99,9 %', value: 99.9 }]);
  });

  it('cuts a period into the days of the inventory’s timezone', () => {
    const paris = periodDays({ from: OCT1 + 12 * 3_600_000, to: OCT1 + 2 * DAY }, 'Europe/Paris');
    expect(paris.map((day) => new Date(day.from * 60_000).toISOString())).toEqual([
      '2026-10-01T12:00:00.000Z',
      '2026-10-01T22:00:00.000Z',
      '2026-10-02T22:00:00.000Z',
    ]);
  });
});

describe('the post-mortems’ SLO port', () => {
  it('says what the incident’s span spent of each service’s budget for its month', async () => {
    const span = { from: outage[0] * 60_000, to: outage[1] * 60_000 - 1 };
    const used = await sloPorts(pool, inventory)?.budget?.(span);
    // 30 minutes down of October's 44.64 allowed (0.1 % of 31 days); db unmeasured those minutes.
    expect(used).toEqual([
      {
        slo: 'disponibilité api (30 min hors service ou sans mesure)',
        consumedPercent: expect.closeTo(67.2, 1),
        period: '2026-10',
      },
      {
        slo: 'disponibilité db (30 min hors service ou sans mesure)',
        consumedPercent: expect.closeTo(67.2, 1),
        period: '2026-10',
      },
    ]);
  });
});
