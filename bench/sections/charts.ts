import { parseInventory } from '../../src/config/load-inventory.js';
import { silentLogger } from '../../src/logging/logger.js';
import { chartSvg } from '../../src/render/chart/chart-svg.js';
import { svgToPng } from '../../src/reports/charts/chart-png.js';
import { reportChartSheet } from '../../src/reports/charts/report-chart.js';
import { reportChartFile } from '../../src/reports/charts/report-chart-file.js';
import type { Report } from '../../src/reports/report-model.js';
import { saveReport } from '../../src/reports/report-store.js';
import { createBotDatabase } from '../../src/store/bot-database.js';
import { migrate } from '../../src/store/migrate.js';
import { createScratchDatabase } from '../../test/support/scratch-database.js';
import type { BenchRow } from '../bench-row.js';
import { msRows } from '../bench-row.js';
import { summarise } from '../stats.js';

const RUNS = 20;
const DAY = 86_400_000;
const NOW = new Date('2026-11-01T06:00:00Z');
/** The runbook's platform: three servers with two mounts each, four queues. */
const MOUNTS = ['db /', 'db /data', 'api /', 'api /var/lib/docker', 'workers /', 'workers /var/log'];
const QUEUES = ['urgent', 'high_priority', 'normal', 'low_priority'];

function metricsReport(
  kind: Report['kind'],
  at: number,
  section: string,
  prefix: string,
  labels: string[],
): Report {
  return {
    kind,
    createdAt: new Date(at).toISOString(),
    durationMs: 1,
    status: 'ok',
    sections: [
      {
        id: section,
        title: { key: 'report.section.disk' },
        status: 'ok',
        lines: labels.map((label, index) => ({
          label,
          status: 'ok',
          text: { key: 'report.section.disk' },
          metric: `${prefix}:${label}`,
          value: 20 + index * 10 + ((at / DAY) % 7),
        })),
      },
    ],
  };
}

/** A month of daily reports, five weekly ones, and 300 incidents over six months. */
async function seed(pool: import('pg').Pool): Promise<void> {
  const start = Date.parse('2026-10-01T06:00:00Z');
  for (let day = 0; day < 31; day += 1)
    await saveReport(pool, metricsReport('daily', start + day * DAY, 'disk', 'disk.usage', MOUNTS));
  for (let week = 0; week < 5; week += 1)
    await saveReport(
      pool,
      metricsReport('weekly', start + week * 7 * DAY, 'rabbitmq-queues', 'rabbitmq.queue', QUEUES),
    );
  await pool.query(
    `WITH opened AS (
       INSERT INTO incidents (dedup_key, title, source, level, state, policy, generation, opened_by, opened_at)
       SELECT 'bench-' || n, 't', 'bench', (ARRAY['N1','N2','N3'])[1 + n % 3], 'resolved', '{}', 1, 'U1',
              timestamptz '2026-05-01' + n * interval '14 hours'
         FROM generate_series(1, 300) n RETURNING id, level, opened_at)
     INSERT INTO incident_events (incident_id, at, type, level, record)
     SELECT id, opened_at + e.offset_minutes * interval '1 minute', e.type, level, '{}'
       FROM opened, (VALUES ('opened', 0), ('acknowledged', 7), ('resolved', 95)) AS e(type, offset_minutes)`,
  );
}

/**
 * Chart rendering for the weekly and monthly reports: building the monthly sheet from the bot's
 * database, drawing its SVG, rasterising it to PNG with resvg (the machine's libuv pool), and the
 * whole file as the report shares it. Scratch database; medians of 20.
 */
export async function chartsBench(): Promise<BenchRow[]> {
  const row = msRows('charts');
  const database = await createScratchDatabase('samaops_bench');
  const pool = createBotDatabase(database.url, silentLogger());
  try {
    await migrate(pool);
    await seed(pool);
    const inventory = parseInventory('platform: SamaConso\ntimezone: Africa/Dakar\n', 'bench.yml');
    const deps = { inventory, pool, now: NOW };
    const timed = async (work: () => Promise<unknown> | unknown) => {
      const samples: number[] = [];
      for (let run = 0; run < RUNS; run += 1) {
        const started = performance.now();
        await work();
        samples.push(performance.now() - started);
      }
      return summarise(samples);
    };
    const sheet = await reportChartSheet('monthly', deps);
    const svg = chartSvg(sheet);
    const coldStart = performance.now();
    const png = await svgToPng(svg);
    const cold = performance.now() - coldStart;
    const query = await timed(() => reportChartSheet('monthly', deps));
    const draw = await timed(() => chartSvg(sheet));
    const raster = await timed(() => svgToPng(svg));
    const whole = await timed(() => reportChartFile('monthly', deps));
    return [
      row(
        'monthly sheet from the database (6 mounts, 4 queues, 300 incidents), median',
        query.median,
        undefined,
        undefined,
        { ...query },
      ),
      row('SVG drawn (6 panels), median', draw.median, undefined, undefined, { ...draw, bytes: svg.length }),
      row('SVG → PNG with resvg, median', raster.median, undefined, undefined, { ...raster }),
      row('SVG → PNG, first call of the process (font loaded)', cold),
      row('whole chart file (query, SVG, PNG), median', whole.median, '< 1000', whole.median < 1000, {
        ...whole,
      }),
      {
        section: 'charts',
        measure: 'PNG size (1200 × 1012)',
        value: Math.round(png.length / 102.4) / 10,
        unit: 'KiB',
      },
    ];
  } finally {
    await pool.end();
    await database.drop();
  }
}
