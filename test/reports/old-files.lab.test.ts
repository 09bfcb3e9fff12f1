import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Inventory } from '../../src/config/schema.js';
import { translate } from '../../src/i18n/translate.js';
import { silentLogger } from '../../src/logging/logger.js';
import { collectReport } from '../../src/reports/collect-report.js';
import { deleteOldBackups } from '../../src/reports/delete-old-backups-section.js';
import { gzipLogs } from '../../src/reports/gzip-old-logs-section.js';
import { oldBackups, oldLogs } from '../../src/reports/old-files-sections.js';
import { latestAudit } from '../../src/store/audit/audit-log.js';
import { createBotDatabase } from '../../src/store/bot-database.js';
import { migrate } from '../../src/store/migrate.js';
import { createScratchDatabase, type ScratchDatabase } from '../support/scratch-database.js';
import { installSudoers, inventorySudoers } from '../support/sudoers.js';
import { openReportLab, type ReportLab } from './report-lab.js';

/**
 * Old backups and old uncompressed logs, found over real SSH on lab hosts: files created with old
 * mtimes (`touch -d`) beside recent ones and a gzipped one, counted by the fixed `find` forms, removed after.
 */

let lab: ReportLab;
const tag = randomBytes(4).toString('hex');
const backupDir = `/srv/samaops-lab/workers/data/backups-${tag}`;
let logDir = '';
const made: string[] = [];
const SUDOERS = `samaops-test-old-files-${tag}`;
let removeSudoers = () => {};

function file(path: string, bytes: number, age: string): void {
  writeFileSync(path, randomBytes(bytes));
  execFileSync('touch', ['-d', age, path]);
  made.push(path);
}

beforeAll(async () => {
  lab = await openReportLab();
  mkdirSync(backupDir, { recursive: true });
  file(join(backupDir, 'samaconso-old-1.sql.gz'), 1000, '40 days ago');
  file(join(backupDir, 'samaconso-old-2.sql.gz'), 3000, '31 days ago');
  file(join(backupDir, 'samaconso-recent.sql.gz'), 5000, '2 days ago');
  const api = lab.inventory.servers.find((server) => server.name === 'api');
  const glob = api?.logGlobs[0] ?? '';
  logDir = glob.slice(0, glob.lastIndexOf('/'));
  file(join(logDir, `old-${tag}.log`), 700, '10 days ago');
  file(join(logDir, `recent-${tag}.log`), 300, '1 day ago');
  file(join(logDir, `older-${tag}.log.gz`), 200, '20 days ago');
});

afterAll(async () => {
  for (const path of made) {
    rmSync(path, { force: true });
    rmSync(`${path}.gz`, { force: true });
  }
  rmSync(backupDir, { recursive: true, force: true });
  await lab?.close();
});

describe('old files on the lab', () => {
  it('counts backups older than 30 days and logs older than 7 days not compressed, with their sizes', async () => {
    const inventory: Inventory = {
      ...lab.inventory,
      reports: {
        ...lab.inventory.reports,
        backups: [{ server: 'workers', directory: backupDir, deleteOld: false }],
      },
    };
    const report = await collectReport('weekly', [oldBackups, oldLogs], { inventory, clients: lab.clients });
    const [backups, logs] = report.sections;
    expect(backups?.lines).toEqual([
      expect.objectContaining({ label: `workers:${backupDir}`, status: 'warn', value: 2 }),
    ]);
    expect(backups?.lines[0]?.text.params).toMatchObject({ count: 2, days: 30, size: { bytes: 4000 } });
    expect(translate('fr', backups?.lines[0]?.text ?? { key: 'report.oldFiles' })).toBe(
      '2 fichiers de plus de 30 jours, 3,9 Kio',
    );
    const api = logs?.lines.find((line) => line.label === 'api');
    // Only old-<tag>.log is ours; other old logs on the lab host would add to the count.
    expect(api?.value).toBeGreaterThanOrEqual(1);
    expect(logs?.lines.map((line) => line.label)).toEqual(lab.inventory.servers.map((server) => server.name));
    rmSync(join(logDir, `old-${tag}.log`));
    const again = await collectReport('weekly', [oldLogs], { inventory, clients: lab.clients });
    const after = again.sections[0]?.lines.find((line) => line.label === 'api');
    expect((api?.value ?? 0) - (after?.value ?? 0)).toBe(1);
  });

  it('deletes old backups only in a scheduled run where enabled, audited, with the space freed', async () => {
    const database: ScratchDatabase = await createScratchDatabase();
    const pool: pg.Pool = createBotDatabase(database.url, silentLogger());
    try {
      await migrate(pool);
      const enabled: Inventory = {
        ...lab.inventory,
        reports: {
          ...lab.inventory.reports,
          backups: [{ server: 'workers', directory: backupDir, deleteOld: true }],
        },
      };
      // The bot's login deletes through sudo, with the rules `samaops ssh-wrapper --sudoers` prints for it.
      removeSudoers = installSudoers(SUDOERS, inventorySudoers(enabled));
      const context = { inventory: enabled, clients: lab.clients };
      const manual = await collectReport('weekly', [deleteOldBackups], context, { pool });
      expect(manual.sections[0]?.lines).toEqual([]);
      expect(existsSync(join(backupDir, 'samaconso-old-1.sql.gz'))).toBe(true);

      const scheduled = await collectReport('weekly', [deleteOldBackups], context, {
        pool,
        maintenance: true,
      });
      expect(scheduled.sections[0]?.lines).toEqual([
        expect.objectContaining({ label: `workers:${backupDir}`, status: 'ok', value: 4000 }),
      ]);
      expect(scheduled.sections[0]?.lines[0]?.text.params).toMatchObject({ count: 2, size: { bytes: 4000 } });
      expect(existsSync(join(backupDir, 'samaconso-old-1.sql.gz'))).toBe(false);
      expect(existsSync(join(backupDir, 'samaconso-old-2.sql.gz'))).toBe(false);
      expect(existsSync(join(backupDir, 'samaconso-recent.sql.gz'))).toBe(true);
      const audit = await latestAudit(pool, 10);
      expect(audit.map((entry) => entry.action).sort()).toEqual([
        'maintenance.delete-old-backups.started',
        'maintenance.delete-old-backups.succeeded',
      ]);
      expect(audit.find((entry) => entry.action.endsWith('succeeded'))?.detail).toMatchObject({
        files: 2,
        bytesFreed: 4000,
      });
    } finally {
      removeSudoers();
      await pool.end();
      await database.drop();
    }
  });

  it('gzips old logs only on enabled servers in a scheduled run, audited, with the space freed', async () => {
    const database: ScratchDatabase = await createScratchDatabase();
    const pool: pg.Pool = createBotDatabase(database.url, silentLogger());
    const old = join(logDir, `gzip-old-${tag}.log`);
    const recent = join(logDir, `gzip-recent-${tag}.log`);
    try {
      await migrate(pool);
      writeFileSync(old, 'INFO request served in 12 ms\n'.repeat(1000));
      execFileSync('touch', ['-d', '10 days ago', old]);
      made.push(old, recent);
      writeFileSync(recent, 'INFO recent\n');
      const enabled: Inventory = {
        ...lab.inventory,
        reports: { ...lab.inventory.reports, gzipLogsOn: ['api'] },
      };
      removeSudoers = installSudoers(SUDOERS, inventorySudoers(enabled));
      const report = await collectReport(
        'weekly',
        [gzipLogs],
        { inventory: enabled, clients: lab.clients },
        {
          pool,
          maintenance: true,
        },
      );
      const line = report.sections[0]?.lines[0];
      expect(report.sections[0]?.lines.map((candidate) => candidate.label)).toEqual(['api']);
      expect(line?.status).toBe('ok');
      expect(line?.value).toBeGreaterThan(25_000);
      expect(existsSync(old)).toBe(false);
      expect(existsSync(`${old}.gz`)).toBe(true);
      expect(existsSync(recent)).toBe(true);
      const audit = await latestAudit(pool, 10);
      expect(audit.map((entry) => entry.action).sort()).toEqual([
        'maintenance.gzip-logs.started',
        'maintenance.gzip-logs.succeeded',
      ]);
    } finally {
      removeSudoers();
      await pool.end();
      await database.drop();
    }
  });
});
