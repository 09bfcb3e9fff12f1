import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/logging/logger.js';
import { produceReport } from '../../src/reports/produce-report.js';
import type { Report } from '../../src/reports/report-model.js';
import { createBotDatabase } from '../../src/store/bot-database.js';
import { migrate } from '../../src/store/migrate.js';
import { sqlAsSuperuser } from '../lab/lab-postgres.js';
import { createScratchDatabase, type ScratchDatabase } from '../support/scratch-database.js';
import { openReportLab, type ReportLab } from './report-lab.js';

/**
 * The weekly report against the lab, on data created for it in the lab's PostgreSQL (a scratch
 * table, indexed and analysed, and a slow statement) and Redis (a hit and a miss), all removed after.
 */

let lab: ReportLab;
let app: pg.Client;
let database: ScratchDatabase;
let pool: pg.Pool;
const table = `report_test_${randomBytes(4).toString('hex')}`;

beforeAll(async () => {
  lab = await openReportLab();
  const url = lab.inventory.services.postgres?.url;
  if (!url) throw new Error('the lab inventory has no postgres');
  app = new pg.Client({ connectionString: url });
  await app.connect();
  await app.query(`CREATE TABLE ${table} (id serial PRIMARY KEY, meter bigint, label text)`);
  // Values in random order: many distinct, uncorrelated with storage order: an index candidate.
  await app.query(
    `INSERT INTO ${table} (meter, label) SELECT (random() * 1e9)::bigint, md5(g::text) FROM generate_series(1, 5000) g`,
  );
  await app.query(`CREATE INDEX ${table}_label_idx ON ${table} (label)`);
  await app.query(`ANALYZE ${table}`);
  // The lab's statistics hold every earlier lab test's statements, slow ones too on a busy
  // machine: the slowest-statements section starts from this test's own.
  await sqlAsSuperuser('SELECT pg_stat_statements_reset()');
  await app.query(`SELECT pg_sleep(0.2), count(*) FROM ${table}`);
  database = await createScratchDatabase();
  pool = createBotDatabase(database.url, silentLogger());
  await migrate(pool);
});

afterAll(async () => {
  await app?.query(`DROP TABLE IF EXISTS ${table}`);
  await app?.end();
  await pool?.end();
  await database?.drop();
  await lab?.close();
});

const sectionOf = (report: Report, id: string) => {
  const found = report.sections.find((section) => section.id === id);
  if (!found) throw new Error(`no section ${id}`);
  return found;
};

describe('weekly report on the lab', () => {
  it('carries the real tables, indexes, statements, Redis, RabbitMQ and Celery figures, and table growth over two runs', async () => {
    const redis = await lab.clients.redis(AbortSignal.timeout(2000));
    const key = `samaops-report-test-${randomBytes(4).toString('hex')}`;
    await redis.set(key, '1');
    await redis.get(key);
    await redis.get(`${key}-missing`);
    await redis.del(key);

    const context = { inventory: lab.inventory, clients: lab.clients };
    const first = (await produceReport('weekly', context, { pool })).report;

    const tables = sectionOf(first, 'largest-tables');
    const ours = tables.lines.find((line) => line.label === `public.${table}`);
    expect(ours?.value).toBeGreaterThan(100_000);
    expect(tables.lines.length).toBeLessThanOrEqual(10);
    expect(sectionOf(first, 'index-candidates').lines.map((line) => line.label)).toContain(`${table}.meter`);
    const unused = sectionOf(first, 'unused-indexes').lines.map((line) => line.label);
    expect(unused).toContain(`${table}.${table}_label_idx`);
    expect(unused.some((label) => label.endsWith('_pkey'))).toBe(false);
    const statements = sectionOf(first, 'slowest-statements').lines;
    expect(statements.some((line) => line.label.includes('pg_sleep') && (line.value ?? 0) >= 200)).toBe(true);
    const redisLines = sectionOf(first, 'redis-stats').lines;
    expect(redisLines.find((line) => line.metric === 'redis:hit-ratio')?.value).toBeTypeOf('number');
    expect(redisLines.find((line) => line.metric === 'redis:evicted')?.value).toBeTypeOf('number');
    const queues = sectionOf(first, 'rabbitmq-queues').lines;
    expect(queues.map((line) => line.label)).toEqual(lab.inventory.services.rabbitmq?.queues);
    for (const queue of queues) expect(queue.value).toBeTypeOf('number');
    expect(sectionOf(first, 'celery-workers').lines[0]?.value).toBeTypeOf('number');

    await app.query(
      `INSERT INTO ${table} (meter, label) SELECT g, md5(g::text) FROM generate_series(1, 20000) g`,
    );
    const second = (await produceReport('weekly', context, { pool })).report;
    const growth = second.trend?.deltas.find((delta) => delta.metric === `table:public.${table}`);
    expect(growth?.change).toBe('changed');
    expect((growth?.current ?? 0) - (growth?.previous ?? 0)).toBeGreaterThan(500_000);
  });
});
