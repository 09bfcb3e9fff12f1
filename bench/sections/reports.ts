import { loadInventory } from '../../src/config/load-inventory.js';
import { silentLogger } from '../../src/logging/logger.js';
import { createPlatformClients } from '../../src/platform/platform-clients.js';
import { collectReport } from '../../src/reports/collect-report.js';
import { reportCollectors } from '../../src/reports/report-collectors.js';
import { reportKinds } from '../../src/reports/report-model.js';
import { createBotDatabase } from '../../src/store/bot-database.js';
import { migrate } from '../../src/store/migrate.js';
import { labUp } from '../../test/lab/lab.js';
import { createScratchDatabase } from '../../test/support/scratch-database.js';
import type { BenchRow } from '../bench-row.js';
import { round1, summarise } from '../stats.js';

const RUNS = 5;

/** Issue 7: how long each report kind takes to collect against the lab (warm clients, as the bot runs). */
export async function reportsBench(): Promise<BenchRow[]> {
  const { inventory: file } = await labUp();
  const inventory = loadInventory(file);
  const clients = createPlatformClients(inventory, silentLogger());
  // The bot's own store (scratch), so that the monthly report's incidents section is measured too.
  const database = await createScratchDatabase('samaops_bench_reports');
  const pool = createBotDatabase(database.url, silentLogger());
  await migrate(pool);
  const rows: BenchRow[] = [];
  try {
    for (const kind of reportKinds) {
      await collectReport(kind, reportCollectors[kind], { inventory, clients }, { pool });
      const samples: number[] = [];
      const lines: number[] = [];
      // Lines not measured (host unreachable, timeout): a fast run with many of them is a degraded run, not a fast one.
      const unknown: number[] = [];
      for (let i = 0; i < RUNS; i += 1) {
        const started = performance.now();
        const report = await collectReport(kind, reportCollectors[kind], { inventory, clients }, { pool });
        samples.push(performance.now() - started);
        lines.push(report.sections.reduce((sum, section) => sum + section.lines.length, 0));
        unknown.push(
          report.sections.reduce(
            (sum, section) => sum + section.lines.filter((line) => line.status === 'unknown').length,
            0,
          ),
        );
      }
      const summary = summarise(samples);
      rows.push({
        section: 'reports',
        measure: `${kind} report against the lab, median of ${RUNS}`,
        value: round1(summary.median),
        unit: 'ms',
        details: { ...summary, lines, unknown },
      });
    }
  } finally {
    await clients.close();
    await pool.end();
    await database.drop();
  }
  return rows;
}
