import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildChecks } from '../../../src/checks/build-checks.js';
import { gradeCacheHit } from '../../../src/checks/postgres/postgres-cache-hit.js';
import { runChecks } from '../../../src/checks/run-checks.js';
import { silentLogger } from '../../../src/logging/logger.js';
import { createPlatformClients } from '../../../src/platform/platform-clients.js';
import {
  ADMIN_URL,
  connect,
  createScratchDatabase,
  postgresInventory,
  uniqueName,
  waitFor,
} from './postgres-fixtures.js';

describe('postgres.cache_hit against a real database', () => {
  let database: Awaited<ReturnType<typeof createScratchDatabase>>;
  let session: pg.Client;

  beforeAll(async () => {
    database = await createScratchDatabase();
    session = await connect(database.url);
  });

  afterAll(async () => {
    await session?.end().catch(() => undefined);
    await database?.drop();
  });

  /** Runs `postgres.cache_hit` on the scratch database with the given band. */
  const cacheHit = async (band: { warn: number; fail: number }) => {
    const inventory = postgresInventory(database.url, { thresholds: { cacheHitPercent: band } });
    const clients = createPlatformClients(inventory, silentLogger());
    try {
      const diagnosis = await runChecks(buildChecks(['postgres.cache_hit'], inventory), {
        inventory,
        clients,
      });
      const result = diagnosis.results[0];
      if (!result) throw new Error('postgres.cache_hit did not run');
      return result;
    } finally {
      await clients.close();
    }
  };

  it('is ok with "no data yet" on a database that has read nothing', async () => {
    const result = await cacheHit({ warn: 99, fail: 95 });
    expect(result.status).toBe('ok');
    expect(result.value).toBeNull();
    expect(result.detail).toEqual({ key: 'check.postgres.cache_hit.noData' });
  });

  it('measures the ratio of the database’s reads and holds it against the band', async () => {
    const table = uniqueName('cache');
    // Autovacuum would read the table behind our back and move the ratio between two checks.
    await session.query(`CREATE TABLE ${table} (id int, pad text) WITH (autovacuum_enabled = false)`);
    // PostgreSQL counts each block the INSERT adds as read from disk; the scans then hit the cache.
    await session.query(`INSERT INTO ${table} SELECT g, repeat('x', 100) FROM generate_series(1, 2000) g`);
    for (let i = 0; i < 3; i += 1) await session.query(`SELECT count(*) FROM ${table}`);
    await session.query('SELECT pg_stat_force_next_flush()');
    const { hit, read } = await waitFor('the session’s statistics to be flushed', async () => {
      const { rows } = await session.query<{ hit: string; read: string }>(
        'SELECT heap_blks_hit::text AS hit, heap_blks_read::text AS read FROM pg_statio_user_tables WHERE relname = $1',
        [table],
      );
      const row = rows[0];
      return row && Number(row.hit) > 0 && Number(row.read) > 0
        ? { hit: Number(row.hit), read: Number(row.read) }
        : undefined;
    });
    const expected = Math.floor((hit / (hit + read)) * 10_000) / 100;
    expect(expected).toBeGreaterThan(50);
    expect(expected).toBeLessThan(100);

    const healthy = await cacheHit({ warn: 50, fail: 10 });
    expect(healthy).toMatchObject({ status: 'ok', value: expected, unit: '%', data: { hit, read } });
    expect(healthy.detail).toEqual({
      key: 'check.postgres.cache_hit.detail',
      params: { percent: expected, hit, read },
    });
    // Any block read from disk keeps the ratio under 100 %.
    expect((await cacheHit({ warn: 100, fail: 0 })).status).toBe('warn');
    expect((await cacheHit({ warn: 100, fail: 99.99 })).status).toBe('fail');
  });
});

describe('cache hit grading', () => {
  const inventory = postgresInventory(ADMIN_URL);

  it('never rounds a ratio with misses up to 100 % and grades lower as worse', () => {
    expect(gradeCacheHit(999_999, 1, inventory)).toMatchObject({ status: 'ok', value: 99.99 });
    expect(gradeCacheHit(985, 15, inventory)).toMatchObject({ status: 'warn', value: 98.5 });
    expect(gradeCacheHit(90, 10, inventory)).toMatchObject({ status: 'fail', value: 90 });
    expect(gradeCacheHit(0, 0, inventory)).toMatchObject({ status: 'ok', value: null });
  });
});
