import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  ftruncateSync,
  openSync,
  readdirSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { hostTrue } from '../../src/remote/remote-commands.js';
import { collectReport } from '../../src/reports/collect-report.js';
import { deleteOldBackups } from '../../src/reports/delete-old-backups-section.js';
import { gzipLogs } from '../../src/reports/gzip-old-logs-section.js';
import { oldBackups, oldLogs } from '../../src/reports/old-files-sections.js';
import { pruneImages } from '../../src/reports/prune-images-section.js';
import type { Report } from '../../src/reports/report-model.js';
import { latestAudit } from '../../src/store/audit/audit-log.js';
import { EVENTUALLY_MS, eventually } from '../support/eventually.js';
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

/** `count` sparse files of 1,000,000 bytes each, 40 days old: `%s\n` is 8 bytes a file. */
function manyOldBackups(count: number): void {
  const old = new Date(Date.now() - 40 * 86_400_000);
  for (let index = 0; index < count; index += 1) {
    const path = join(host.backupDir, `b${index}.sql.gz`);
    const fd = openSync(path, 'w');
    ftruncateSync(fd, 1_000_000);
    closeSync(fd);
    utimesSync(path, old, old);
  }
}

const immutable: string[] = [];

function clear(): void {
  for (const path of immutable.splice(0)) execFileSync('chattr', ['-i', path]);
  for (const dir of [host.backupDir, host.logDir])
    for (const name of readdirSync(dir)) rmSync(join(dir, name), { force: true });
  host.slow(0);
  host.prune('ok');
}

const lineOf = (report: Report, id: string) => report.sections.find((section) => section.id === id)?.lines[0];

beforeAll(async () => {
  host = await startMaintenanceHost('maint', '127.0.0.71');
});

afterEach(clear);

afterAll(async () => {
  await host?.stop();
});

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
      // The connection's handshake is held to checkTimeoutMs, which a loaded machine can exceed:
      // open it first (asking again if it must), so what is judged is the steps' own budgets.
      const [server] = inventory.servers;
      if (!server) throw new Error('the maintenance host has no server');
      await eventually('the SSH connection open', async () => {
        const output = await clients.ssh.run(server, hostTrue(), AbortSignal.timeout(EVENTUALLY_MS));
        return output.code === 0;
      });
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

  it('count every old backup and free every one, however long find’s listing (past the 64 KiB cap)', async () => {
    // 9000 × 8 bytes of sizes: more than 64 KiB of output.
    manyOldBackups(9000);
    const inventory = host.inventory();
    const clients = host.clients(inventory);
    try {
      const before = await collectReport('weekly', [oldBackups], { inventory, clients });
      expect(lineOf(before, 'old-backups')).toMatchObject({ status: 'warn', value: 9000 });
      const report = await collectReport(
        'weekly',
        [deleteOldBackups],
        { inventory, clients },
        { pool: host.pool, maintenance: true },
      );
      expect(lineOf(report, 'backups-deleted')).toMatchObject({ status: 'ok', value: 9_000_000_000 });
      expect(lineOf(report, 'backups-deleted')?.text.params).toMatchObject({ count: 9000 });
      expect(readdirSync(host.backupDir)).toEqual([]);
    } finally {
      await clients.close();
    }
  });

  it('count as freed only the backups actually deleted, and say the deletion failed', async () => {
    file(join(host.backupDir, 'old.sql.gz'), 'x'.repeat(1000), '40 days ago');
    const stuck = join(host.backupDir, 'stuck.sql.gz');
    file(stuck, 'y'.repeat(5000), '40 days ago');
    // Immutable: even root's unlink fails, as on a read-only or failing disk.
    execFileSync('chattr', ['+i', stuck]);
    immutable.push(stuck);
    const inventory = host.inventory();
    const clients = host.clients(inventory);
    try {
      const report = await collectReport(
        'weekly',
        [deleteOldBackups],
        { inventory, clients },
        { pool: host.pool, maintenance: true },
      );
      const line = lineOf(report, 'backups-deleted');
      expect(line).toMatchObject({ status: 'fail', value: 1000 });
      expect(line?.text).toMatchObject({ key: 'report.maintenance.deleteFailed' });
      expect(line?.text.params).toMatchObject({ count: 1, code: 1 });
      expect(String(line?.text.params?.reason)).toContain('stuck.sql.gz');
      const audit = await latestAudit(host.pool, 1);
      expect(audit[0]).toMatchObject({ action: 'maintenance.delete-old-backups.failed' });
      expect(audit[0]?.detail).toMatchObject({ files: 1, bytesFreed: 1000, code: 1 });
      expect(existsSync(stuck)).toBe(true);
    } finally {
      await clients.close();
    }
  });

  it('pair each gzipped log with its own ratio, and say when gzip left one alone', async () => {
    file(join(host.logDir, 'a.log'), 'INFO request served in 12 ms\n'.repeat(8000), '10 days ago');
    // gzip will not overwrite an existing b.log.gz: b.log stays, and counts for nothing.
    file(join(host.logDir, 'b.log'), 'z'.repeat(500_000), '10 days ago');
    file(join(host.logDir, 'b.log.gz'), 'not mine', '10 days ago');
    file(join(host.logDir, 'c.log'), randomBytes(50_000), '10 days ago');
    const inventory = host.inventory();
    const clients = host.clients(inventory);
    try {
      const report = await collectReport(
        'weekly',
        [gzipLogs],
        { inventory, clients },
        { pool: host.pool, maintenance: true },
      );
      const line = lineOf(report, 'logs-gzipped');
      expect(line?.status).toBe('fail');
      expect(line?.text).toMatchObject({ key: 'report.maintenance.gzipFailed' });
      expect(line?.text.params).toMatchObject({ count: 2 });
      expect(String(line?.text.params?.reason)).toContain('b.log.gz already exists');
      // a.log (232,000 bytes) shrinks by about 99%; c.log (random) by nothing; b.log's 500,000 are not counted.
      expect(line?.value).toBeGreaterThan(228_000);
      expect(line?.value).toBeLessThan(232_000);
      expect(existsSync(join(host.logDir, 'a.log.gz'))).toBe(true);
      expect(existsSync(join(host.logDir, 'b.log'))).toBe(true);
      expect((await latestAudit(host.pool, 1))[0]).toMatchObject({ action: 'maintenance.gzip-logs.failed' });
    } finally {
      await clients.close();
    }
  });

  it('report a prune docker refused as failed, and read the total at the end of a long listing', async () => {
    const inventory = host.inventory();
    const clients = host.clients(inventory);
    try {
      host.prune('fail');
      const failed = await collectReport(
        'weekly',
        [pruneImages],
        { inventory, clients },
        { pool: host.pool, maintenance: true },
      );
      expect(lineOf(failed, 'images-pruned')).toMatchObject({ status: 'fail', value: null });
      expect(lineOf(failed, 'images-pruned')?.text.params).toMatchObject({
        code: 1,
        reason: 'Error response from daemon: a prune operation is already running',
      });
      // 2000 deleted lines (150 KiB) before the total.
      host.prune('flood');
      const long = await collectReport(
        'weekly',
        [pruneImages],
        { inventory, clients },
        { pool: host.pool, maintenance: true },
      );
      expect(lineOf(long, 'images-pruned')).toMatchObject({ status: 'ok', value: 2_500_000_000 });
    } finally {
      await clients.close();
    }
  });

  it('show in the weekly report the old files found before the steps removed them', async () => {
    file(join(host.backupDir, 'old.sql.gz'), 'x'.repeat(1000), '40 days ago');
    file(join(host.logDir, 'old.log'), 'INFO served\n'.repeat(1000), '10 days ago');
    const inventory = host.inventory();
    const clients = host.clients(inventory);
    try {
      const report = await collectReport(
        'weekly',
        [oldBackups, oldLogs, deleteOldBackups, gzipLogs],
        { inventory, clients },
        { pool: host.pool, maintenance: true },
      );
      expect(report.sections.map((section) => section.id)).toEqual([
        'old-backups',
        'old-logs',
        'backups-deleted',
        'logs-gzipped',
      ]);
      expect(lineOf(report, 'old-backups')).toMatchObject({ status: 'warn', value: 1 });
      expect(lineOf(report, 'old-logs')).toMatchObject({ status: 'warn', value: 1 });
      expect(lineOf(report, 'backups-deleted')).toMatchObject({ status: 'ok', value: 1000 });
      expect(lineOf(report, 'logs-gzipped')?.text.params).toMatchObject({ count: 1 });
    } finally {
      await clients.close();
    }
  });
});
