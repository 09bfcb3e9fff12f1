import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/run-cli.js';
import { parseInventory } from '../../../src/config/load-inventory.js';
import { silentLogger } from '../../../src/logging/logger.js';
import { panelBox } from '../../../src/render/chart/chart-layout.js';
import type { LinePanel } from '../../../src/render/chart/chart-model.js';
import { SERIES_COLOURS } from '../../../src/render/chart/chart-model.js';
import { linePlot } from '../../../src/render/chart/line-panel.js';
import { reportChartSheet } from '../../../src/reports/charts/report-chart.js';
import { chartsForReports, reportChartFile } from '../../../src/reports/charts/report-chart-file.js';
import type { Report } from '../../../src/reports/report-model.js';
import { saveReport } from '../../../src/reports/report-store.js';
import { createBotDatabase } from '../../../src/store/bot-database.js';
import { migrate } from '../../../src/store/migrate.js';
import { captureIo } from '../../cli/capture-io.js';
import { decodePng, pngSize } from '../../support/png-decode.js';
import { createScratchDatabase, type ScratchDatabase } from '../../support/scratch-database.js';

/**
 * The report charts from the bot's own records (scratch database): October's daily reports give
 * the disk lines, a weekly report the queue backlog, the incidents' timelines MTTA and MTTR per
 * level and month; the PNG holds the line where the stored values are. And `samaops report
 * monthly --chart FILE` writes it.
 */

const DAY = 86_400_000;
const OCTOBER = Date.parse('2026-10-01T06:00:00Z');
const NOW = new Date('2026-11-01T06:00:00Z');
let database: ScratchDatabase;
let pool: pg.Pool;

const inventoryText = 'platform: Lab\ntimezone: Africa/Dakar\nlocale: fr\n';
const inventory = parseInventory(inventoryText, 'inline.yml');

/** A stored report with one section of metric lines. */
function report(kind: Report['kind'], at: number, section: string, metrics: Record<string, number>): Report {
  return {
    kind,
    createdAt: new Date(at).toISOString(),
    durationMs: 5,
    status: 'ok',
    sections: [
      {
        id: section,
        title: { key: 'report.section.disk' },
        status: 'ok',
        lines: Object.entries(metrics).map(([label, value]) => ({
          label,
          status: 'ok',
          text: { key: 'report.section.disk' },
          metric: `${section === 'disk' ? 'disk.usage' : 'rabbitmq.queue'}:${label}`,
          value,
          unit: section === 'disk' ? '%' : 'count',
        })),
      },
    ],
  };
}

/** An incident opened at `opened`, acknowledged and resolved after so many minutes, at `level`. */
async function incident(
  level: string,
  opened: string,
  ackMinutes: number,
  resolveMinutes: number,
): Promise<void> {
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO incidents (dedup_key, title, source, level, state, policy, generation, opened_by, opened_at)
     VALUES (gen_random_uuid()::text, 't', 'test', $1, 'resolved', '{}', 1, 'U1', $2) RETURNING id`,
    [level, opened],
  );
  const id = rows[0]?.id;
  const event = (type: string, minutes: number) =>
    pool.query(
      `INSERT INTO incident_events (incident_id, at, type, level, record)
       VALUES ($1, $2::timestamptz + make_interval(mins => $3), $4, $5, '{}')`,
      [id, opened, minutes, type, level],
    );
  await event('opened', 0);
  await event('acknowledged', ackMinutes);
  await event('resolved', resolveMinutes);
}

beforeAll(async () => {
  database = await createScratchDatabase();
  pool = createBotDatabase(database.url, silentLogger());
  await migrate(pool);
  // October: db's disk fills from 50 % by one point a day; api stays at 30 %, unmeasured on the 11th.
  for (let day = 0; day < 31; day += 1) {
    const metrics: Record<string, number> = { 'db /data': 50 + day };
    if (day !== 10) metrics['api /'] = 30;
    await saveReport(pool, report('daily', OCTOBER + day * DAY, 'disk', metrics));
  }
  // September's last report is outside the month: not drawn.
  await saveReport(pool, report('daily', OCTOBER - DAY, 'disk', { 'db /data': 99 }));
  await saveReport(
    pool,
    report('weekly', OCTOBER + 3 * DAY, 'rabbitmq-queues', { urgent: 1500, normal: 20 }),
  );
  await incident('N2', '2026-10-10T10:00:00Z', 6, 90);
  await incident('N2', '2026-10-20T10:00:00Z', 4, 30);
  await incident('N1', '2026-09-15T10:00:00Z', 20, 200);
});

afterAll(async () => {
  await pool?.end();
  await database?.drop();
});

describe('the monthly report’s charts', () => {
  it('take the month’s stored reports and incidents; the SLO panels say they are not available', async () => {
    const sheet = await reportChartSheet('monthly', { inventory, pool, now: NOW });
    expect(sheet.title).toBe('Lab — Graphiques du mois');
    expect(sheet.subtitle).toContain('Du 01/10/2026 au 31/10/2026 (Africa/Dakar)');
    const [disk, queues, availability, latency, mtta, mttr] = sheet.panels;
    const diskLines = (disk as LinePanel).series;
    expect(diskLines.map((series) => series.name)).toEqual(['api /', 'db /data']);
    expect(diskLines[1]?.points).toHaveLength(31);
    expect(diskLines[1]?.points.at(-1)).toEqual({ x: OCTOBER + 30 * DAY, y: 80 });
    expect(diskLines[0]?.points.map((point) => point.y)).not.toContain(null);
    expect(diskLines[0]?.points).toHaveLength(30);
    expect((queues as LinePanel).series.map((series) => [series.name, series.points[0]?.y])).toEqual([
      ['normal', 20],
      ['urgent', 1500],
    ]);
    expect(availability).toMatchObject({ empty: 'non disponible', series: [] });
    expect(latency).toMatchObject({ empty: 'non disponible', series: [] });
    expect(mtta?.kind === 'bars' && mtta.categories).toEqual([
      'mai 26',
      'juin 26',
      'juil. 26',
      'août 26',
      'sept. 26',
      'oct. 26',
    ]);
    if (mtta?.kind !== 'bars' || mttr?.kind !== 'bars') throw new Error('MTTA and MTTR are bar panels');
    expect(mtta.series.map((series) => [series.name, series.values.slice(4)])).toEqual([
      ['N1', [20, null]],
      ['N2', [null, 5]],
      ['N3', [null, null]],
    ]);
    expect(mttr.series[1]?.values.at(-1)).toBe(60);
  });

  it('draw the stored disk use where it is in the PNG', async () => {
    const file = await reportChartFile('monthly', { inventory, pool, now: NOW });
    expect(file.filename).toBe('samaops-monthly-2026-11-01.png');
    expect(file.title).toBe('Graphiques — Lab — Graphiques du mois');
    const image = decodePng(Buffer.from(file.bytes));
    const sheet = await reportChartSheet('monthly', { inventory, pool, now: NOW });
    const geometry = linePlot(sheet.panels[0] as LinePanel, panelBox(0, 2));
    // db /data is the second series: orange. On the 15th (day 14) it stood at 64 %.
    const x = geometry.x(OCTOBER + 14 * DAY);
    const found = [-2, -1, 0, 1, 2].map((dy) => image.pixel(x, geometry.y(64) + dy));
    expect(found).toContain(SERIES_COLOURS[1]);
    expect(image.pixel(x, geometry.y(90))).not.toBe(SERIES_COLOURS[1]);
  });

  it('are none for the daily report, and none (logged) when they cannot be drawn', async () => {
    const warnings: unknown[] = [];
    const logger = { ...silentLogger(), warn: (...args: unknown[]) => warnings.push(args) } as never;
    const charts = chartsForReports({ inventory, pool, logger });
    expect(await charts('daily', NOW)).toBeUndefined();
    expect((await charts('weekly', NOW))?.filename).toBe('samaops-weekly-2026-11-01.png');
    const closed = createBotDatabase(database.url, silentLogger());
    await closed.end();
    expect(await chartsForReports({ inventory, pool: closed, logger })('monthly', NOW)).toBeUndefined();
    expect(warnings).toHaveLength(1);
  });
});

describe('samaops report monthly --chart FILE', () => {
  const dir = mkdtempSync(join(tmpdir(), 'samaops-chart-'));
  const config = join(dir, 'inventory.yml');
  writeFileSync(config, inventoryText);

  it('writes the charts as a PNG beside the report', async () => {
    const out = join(dir, 'out.png');
    const run = captureIo({ DATABASE_URL: database.url, LOG_LEVEL: 'silent' });
    const code = await runCli(['report', 'monthly', '--chart', out, '--config', config], run.io);
    expect(code, run.stderr()).toBeLessThan(64);
    expect(run.stderr()).toMatch(new RegExp(`graphiques écrits dans ${out} \\(\\d+,\\d Kio\\)`));
    expect(run.stdout()).toContain('Lab — Rapport mensuel');
    expect(pngSize(readFileSync(out))).toMatchObject({ width: 1200 });
  });

  it('refuses --chart for the daily report, and without DATABASE_URL', async () => {
    const daily = captureIo();
    expect(await runCli(['report', 'daily', '--chart', 'x.png', '--config', config], daily.io)).toBe(64);
    expect(daily.stderr()).toContain('le rapport quotidien n’a pas de graphiques');
    const noDatabase = captureIo();
    expect(await runCli(['report', 'weekly', '--chart', 'x.png', '--config', config], noDatabase.io)).toBe(
      78,
    );
    expect(noDatabase.stderr()).toContain('--chart demande DATABASE_URL');
  });
});
