import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Inventory } from '../../src/config/schema.js';
import { silentLogger } from '../../src/logging/logger.js';
import { collectReport } from '../../src/reports/collect-report.js';
import { pruneImages, reclaimedBytes } from '../../src/reports/prune-images-section.js';
import { latestAudit } from '../../src/store/audit/audit-log.js';
import { createBotDatabase } from '../../src/store/bot-database.js';
import { migrate } from '../../src/store/migrate.js';
import { createScratchDatabase, type ScratchDatabase } from '../support/scratch-database.js';
import { openReportLab, type ReportLab } from './report-lab.js';

/** Image prune through the lab's docker double: an unused image layer older than 72 h goes, a recent one stays. */

let lab: ReportLab;
let database: ScratchDatabase;
let pool: pg.Pool;
const tag = randomBytes(4).toString('hex');
const images = '/srv/samaops-lab/workers/data/docker/images';
const old = join(images, `old${tag}.layer`);
const recent = join(images, `recent${tag}.layer`);

beforeAll(async () => {
  lab = await openReportLab();
  database = await createScratchDatabase();
  pool = createBotDatabase(database.url, silentLogger());
  await migrate(pool);
  mkdirSync(images, { recursive: true });
  writeFileSync(old, randomBytes(200_000));
  execFileSync('touch', ['-d', '4 days ago', old]);
  writeFileSync(recent, randomBytes(1000));
});

afterAll(async () => {
  rmSync(old, { force: true });
  rmSync(recent, { force: true });
  await pool?.end();
  await database?.drop();
  await lab?.close();
});

describe('image prune maintenance', () => {
  it('reads docker’s decimal sizes', () => {
    expect(reclaimedBytes('Total reclaimed space: 12.5MB\n')).toBe(12_500_000);
    expect(reclaimedBytes('Total reclaimed space: 0B\n')).toBe(0);
  });

  it('prunes on enabled servers in a scheduled run only, audited, with the space freed', async () => {
    const inventory: Inventory = {
      ...lab.inventory,
      reports: { ...lab.inventory.reports, pruneImagesOn: ['workers'] },
    };
    const manual = await collectReport(
      'weekly',
      [pruneImages],
      { inventory, clients: lab.clients },
      { pool },
    );
    expect(manual.sections[0]?.lines).toEqual([]);
    expect(existsSync(old)).toBe(true);

    const report = await collectReport(
      'weekly',
      [pruneImages],
      { inventory, clients: lab.clients },
      {
        pool,
        maintenance: true,
      },
    );
    const line = report.sections[0]?.lines[0];
    expect(report.sections[0]?.lines.map((candidate) => candidate.label)).toEqual(['workers']);
    expect(line?.value).toBeGreaterThanOrEqual(200_000);
    expect(existsSync(old)).toBe(false);
    expect(existsSync(recent)).toBe(true);
    const audit = await latestAudit(pool, 10);
    expect(audit.map((entry) => entry.action).sort()).toEqual([
      'maintenance.image-prune.started',
      'maintenance.image-prune.succeeded',
    ]);
  });
});
