import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/logging/logger.js';
import { renderMessageText } from '../../src/render/message-terminal.js';
import { produceReport } from '../../src/reports/produce-report.js';
import { reportMessage } from '../../src/reports/report-message.js';
import { countReports, latestReport } from '../../src/reports/report-store.js';
import { createBotDatabase } from '../../src/store/bot-database.js';
import { migrate } from '../../src/store/migrate.js';
import { createScratchDatabase, type ScratchDatabase } from '../support/scratch-database.js';
import { openReportLab, type ReportLab } from './report-lab.js';

/** Two daily reports with a file written on a lab host's data mount in between: the stored trend shows the growth. */

let lab: ReportLab;
let database: ScratchDatabase;
let pool: pg.Pool;
const mount = '/srv/samaops-lab/workers/data';
const file = join(mount, `report-trend-${randomBytes(4).toString('hex')}.bin`);

beforeAll(async () => {
  lab = await openReportLab();
  database = await createScratchDatabase();
  pool = createBotDatabase(database.url, silentLogger());
  await migrate(pool);
});

afterAll(async () => {
  rmSync(file, { force: true });
  await pool?.end();
  await database?.drop();
  await lab?.close();
});

describe('report trend over two runs', () => {
  it('stores both reports and shows the disk growth of the mount that grew', async () => {
    const context = { inventory: lab.inventory, clients: lab.clients };
    const first = await produceReport('daily', context, { pool });
    expect(first.stored).toBe(true);
    expect(first.report.trend).toBeUndefined();

    // 1 MiB on a 4 MiB tmpfs: +25 points (df rounds up, so 24 to 26).
    writeFileSync(file, randomBytes(1024 * 1024));
    const second = await produceReport('daily', context, { pool });
    rmSync(file, { force: true });
    expect(second.stored).toBe(true);
    expect(await countReports(pool, 'daily')).toBe(2);
    expect((await latestReport(pool, 'daily'))?.createdAt).toBe(second.report.createdAt);

    const metric = `disk.usage:workers:${mount}`;
    const delta = second.report.trend?.deltas.find((candidate) => candidate.metric === metric);
    const before = first.report.sections[0]?.lines.find((line) => line.metric === metric)?.value;
    const after = second.report.sections[0]?.lines.find((line) => line.metric === metric)?.value;
    expect(delta).toMatchObject({ change: 'changed', previous: before, current: after, unit: '%' });
    expect((after ?? 0) - (before ?? 0)).toBeGreaterThanOrEqual(24);
    expect((after ?? 0) - (before ?? 0)).toBeLessThanOrEqual(26);
    expect(second.report.trend?.previousAt).toBe(first.report.createdAt);

    const text = renderMessageText(
      reportMessage(second.report, { locale: 'en', platform: 'lab', timezone: 'Africa/Dakar' }),
    ).text;
    expect(text).toContain(`workers:${mount}: ${before} % → ${after} % (+${(after ?? 0) - (before ?? 0)})`);
  });

  it('stores one report per schedule slot', async () => {
    const context = { inventory: lab.inventory, clients: lab.clients };
    const before = await countReports(pool, 'daily');
    const runs = await Promise.all([
      produceReport('daily', context, { pool, slot: 'daily:test-slot' }),
      produceReport('daily', context, { pool, slot: 'daily:test-slot' }),
    ]);
    expect(runs.filter((run) => run.stored)).toHaveLength(1);
    expect(await countReports(pool, 'daily')).toBe(before + 1);
  });
});
