import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { collectReport } from '../../src/reports/collect-report.js';
import { deleteOldBackups } from '../../src/reports/delete-old-backups-section.js';
import { gzipLogs } from '../../src/reports/gzip-old-logs-section.js';
import { pruneImages } from '../../src/reports/prune-images-section.js';
import type { Report } from '../../src/reports/report-model.js';
import { latestAudit } from '../../src/store/audit/audit-log.js';
import { type MaintenanceHost, startMaintenanceHost } from './maintenance-host.js';

/**
 * The weekly report's mutating steps over real SSH, on a host of their own (real find and gzip,
 * a Docker double): what they do, how long they may take, and what they report.
 */

let host: MaintenanceHost;

function file(path: string, content: string | Buffer, age: string): void {
  writeFileSync(path, content);
  execFileSync('touch', ['-d', age, path]);
}

function clear(): void {
  for (const dir of [host.backupDir, host.logDir])
    for (const name of readdirSync(dir)) rmSync(join(dir, name), { force: true });
  host.slow(0);
  host.prune('ok');
}

const lineOf = (report: Report, id: string) => report.sections.find((section) => section.id === id)?.lines[0];

beforeAll(async () => {
  host = await startMaintenanceHost('maint', '127.0.0.71');
}, 60_000);

afterEach(clear);

afterAll(async () => {
  await host?.stop();
}, 60_000);

describe('maintenance steps', () => {
  it('run for as long as their work takes, not a probe’s checkTimeoutMs', async () => {
    file(join(host.backupDir, 'old.sql.gz'), 'x'.repeat(1000), '40 days ago');
    file(join(host.logDir, 'old.log'), 'INFO served\n'.repeat(1000), '10 days ago');
    // Each step takes 1.5 s on the server: more than checkTimeoutMs (500) and than twice it (the
    // default deadline of a collector).
    host.slow(1.5);
    const inventory = host.inventory({ checkTimeoutMs: 500 });
    const clients = host.clients(inventory);
    try {
      const report = await collectReport(
        'weekly',
        [deleteOldBackups, gzipLogs, pruneImages],
        { inventory, clients },
        { pool: host.pool, maintenance: true },
      );
      expect(lineOf(report, 'backups-deleted')).toMatchObject({ status: 'ok', value: 1000 });
      expect(lineOf(report, 'logs-gzipped')?.status).toBe('ok');
      expect(lineOf(report, 'logs-gzipped')?.value).toBeGreaterThan(10_000);
      expect(lineOf(report, 'images-pruned')).toMatchObject({ status: 'ok', value: 12_500_000 });
      expect(existsSync(join(host.backupDir, 'old.sql.gz'))).toBe(false);
      expect(existsSync(join(host.logDir, 'old.log.gz'))).toBe(true);
      const actions = (await latestAudit(host.pool, 20)).map((entry) => entry.action);
      expect(actions.filter((action) => action.endsWith('.succeeded')).sort()).toEqual([
        'maintenance.delete-old-backups.succeeded',
        'maintenance.gzip-logs.succeeded',
        'maintenance.image-prune.succeeded',
      ]);
    } finally {
      await clients.close();
    }
  });
});
