import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Server as TlsServer } from 'node:tls';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Inventory } from '../../src/config/schema.js';
import { silentLogger } from '../../src/logging/logger.js';
import { collectReport } from '../../src/reports/collect-report.js';
import { monthlyCollectors } from '../../src/reports/monthly-report.js';
import type { Report } from '../../src/reports/report-model.js';
import { createBotDatabase } from '../../src/store/bot-database.js';
import { migrate } from '../../src/store/migrate.js';
import { createScratchDatabase, type ScratchDatabase } from '../support/scratch-database.js';
import { openReportLab, type ReportLab } from './report-lab.js';

/**
 * The monthly report against real things: a local TLS endpoint whose certificate expires in 20
 * days, backup files with old mtimes on a lab host, incidents in the bot's database, a bloated
 * index in the lab's PostgreSQL, and the accounts of the lab hosts. All removed after.
 */

let lab: ReportLab;
let tls: TlsServer;
let database: ScratchDatabase;
let pool: pg.Pool;
let app: pg.Client;
const tag = randomBytes(4).toString('hex');
const certDir = mkdtempSync(join(tmpdir(), 'samaops-tls-'));
const staleDir = `/srv/samaops-lab/db/data/backups-stale-${tag}`;
const freshDir = `/srv/samaops-lab/db/data/backups-fresh-${tag}`;
const table = `report_bloat_${tag}`;
const authLog = `/srv/samaops-lab/db/data/auth-${tag}.log`;
// The incidents section counts the month so far on the 15th (its own test covers the calendar).
const COUNTED_UNTIL = '2026-11-15T12:00:00Z';

beforeAll(async () => {
  lab = await openReportLab();
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '20',
      '-subj',
      '/CN=127.0.0.1',
      '-keyout',
      join(certDir, 'key.pem'),
      '-out',
      join(certDir, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  );
  tls = createServer(
    { key: readFileSync(join(certDir, 'key.pem')), cert: readFileSync(join(certDir, 'cert.pem')) },
    (socket) => socket.end(),
  );
  await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
  for (const [dir, age] of [
    [staleDir, '3 days ago'],
    [freshDir, '30 hours ago'],
  ] as const) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'samaconso.sql.gz'), 'x');
    execFileSync('touch', ['-d', age, join(dir, 'samaconso.sql.gz')]);
  }
  writeFileSync(
    authLog,
    [
      'Nov 20 10:00:01 db sshd[1]: Failed password for root from 10.0.0.9 port 2222 ssh2',
      'Nov 20 10:00:05 db sshd[1]: Failed password for invalid user admin from 10.0.0.9 port 2223 ssh2',
      'Nov 21 08:00:00 db sudo: pam_unix(sudo:auth): authentication failure; logname=ops',
      'Nov 21 09:00:00 db sshd[2]: Accepted publickey for ops from 10.0.0.8 port 2224 ssh2',
    ].join('\n'),
  );
  database = await createScratchDatabase();
  pool = createBotDatabase(database.url, silentLogger());
  await migrate(pool);
  await pool.query(
    `INSERT INTO incidents (dedup_key, title, source, level, state, policy, generation, opened_by, opened_at, acknowledged_at, resolved_at)
     VALUES ('a', 'api down', 'test', 'N2', 'resolved', '{}', 1, 'U1', $1::timestamptz - interval '2 hours', $1::timestamptz - interval '110 minutes', $1::timestamptz - interval '1 hour'),
            ('b', 'disk', 'test', 'N2', 'resolved', '{}', 1, 'U1', $1::timestamptz - interval '3 days', $1::timestamptz - interval '3 days' + interval '20 minutes', $1::timestamptz - interval '3 days' + interval '120 minutes'),
            ('c', 'db', 'test', 'N3', 'open', '{}', 1, 'U1', $1::timestamptz - interval '1 hour', NULL, NULL),
            ('old', 'last year', 'test', 'N1', 'resolved', '{}', 1, 'U1', $1::timestamptz - interval '1 year', NULL, $1::timestamptz - interval '1 year')`,
    [COUNTED_UNTIL],
  );
  app = new pg.Client({ connectionString: lab.inventory.services.postgres?.url });
  await app.connect();
  await app.query(`CREATE TABLE ${table} (id serial PRIMARY KEY, label text)`);
  await app.query(`INSERT INTO ${table} (label) SELECT md5(g::text) FROM generate_series(1, 60000) g`);
  await app.query(`CREATE INDEX ${table}_label_idx ON ${table} (label)`);
  await app.query(`DELETE FROM ${table} WHERE id > 500`);
  await app.query(`VACUUM ${table}`);
});

afterAll(async () => {
  await app?.query(`DROP TABLE IF EXISTS ${table}`);
  await app?.end();
  await new Promise((resolve) => tls?.close(resolve));
  rmSync(certDir, { recursive: true, force: true });
  rmSync(staleDir, { recursive: true, force: true });
  rmSync(freshDir, { recursive: true, force: true });
  rmSync(authLog, { force: true });
  await pool?.end();
  await database?.drop();
  await lab?.close();
});

const sectionOf = (report: Report, id: string) => {
  const found = report.sections.find((section) => section.id === id);
  if (!found) throw new Error(`no section ${id}`);
  return found;
};

describe('monthly report', () => {
  it('shows the certificate expiry, backup ages, the month’s incidents, reindex candidates and accounts', async () => {
    const port = (tls.address() as AddressInfo).port;
    const inventory: Inventory = {
      ...lab.inventory,
      reports: {
        ...lab.inventory.reports,
        publicEndpoint: `https://127.0.0.1:${port}`,
        authLog,
        backups: [
          { server: 'db', directory: staleDir, deleteOld: false },
          { server: 'db', directory: freshDir, deleteOld: false },
        ],
      },
    };
    const report = await collectReport(
      'monthly',
      monthlyCollectors,
      { inventory, clients: lab.clients },
      { pool, now: () => new Date(COUNTED_UNTIL) },
    );

    const certificate = sectionOf(report, 'tls-expiry').lines[0];
    expect(certificate?.status).toBe('warn');
    expect(certificate?.value).toBeGreaterThanOrEqual(19);
    expect(certificate?.value).toBeLessThanOrEqual(20);

    const backups = sectionOf(report, 'newest-backup').lines;
    expect(backups.find((line) => line.label === `db:${staleDir}`)).toMatchObject({
      status: 'fail',
      value: 72,
    });
    expect(backups.find((line) => line.label === `db:${freshDir}`)).toMatchObject({
      status: 'warn',
      value: 30,
    });

    const incidents = sectionOf(report, 'incidents').lines;
    expect(incidents.map((line) => [line.label, line.value])).toEqual([
      ['N2', 2],
      ['N3', 1],
    ]);
    // N2: acknowledged after 10 and 20 min, resolved after 60 and 120 min.
    expect(incidents[0]?.text.params).toMatchObject({ mtta: 15, mttr: 90 });

    const reindex = sectionOf(report, 'reindex-candidates').lines.map((line) => line.label);
    expect(reindex).toContain(`${table}.${table}_label_idx`);

    const accounts = sectionOf(report, 'accounts').lines;
    expect(accounts.map((line) => line.label)).toEqual(lab.inventory.servers.map((server) => server.name));
    for (const line of accounts) expect(line.value).toBeTypeOf('number');

    // The lab hosts share this machine's filesystem and apt: the same file and packages on each.
    const logins = sectionOf(report, 'failed-logins').lines;
    expect(logins.map((line) => [line.label, line.value])).toEqual(
      lab.inventory.servers.map((server) => [server.name, 3]),
    );
    for (const line of sectionOf(report, 'apt-upgrades').lines) expect(line.value).toBeTypeOf('number');
  });
});
