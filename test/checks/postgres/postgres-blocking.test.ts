import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildChecks } from '../../../src/checks/build-checks.js';
import {
  type BlockingPair,
  type BlockingRow,
  gradeBlocking,
} from '../../../src/checks/postgres/postgres-blocking.js';
import { runChecks } from '../../../src/checks/run-checks.js';
import { silentLogger } from '../../../src/logging/logger.js';
import { createPlatformClients, type PlatformClients } from '../../../src/platform/platform-clients.js';
import {
  backendPid,
  connect,
  createScratchDatabase,
  postgresInventory,
  uniqueName,
  waitFor,
} from './postgres-fixtures.js';

describe('postgres.blocking against a real lock', () => {
  const table = uniqueName('locked');
  let database: Awaited<ReturnType<typeof createScratchDatabase>>;
  let holder: pg.Client;
  let waiter: pg.Client;
  let observer: pg.Client;
  let holderPid: number;
  let waiterPid: number;
  let clients: PlatformClients;
  let inventory: ReturnType<typeof postgresInventory>;

  beforeAll(async () => {
    database = await createScratchDatabase();
    inventory = postgresInventory(database.url);
    clients = createPlatformClients(inventory, silentLogger());
    holder = await connect(database.url);
    waiter = await connect(database.url);
    observer = await connect(database.url);
    holderPid = await backendPid(holder);
    waiterPid = await backendPid(waiter);
    await holder.query(`CREATE TABLE ${table} (id int)`);
  });

  afterAll(async () => {
    await clients.close();
    await holder?.end().catch(() => undefined);
    await waiter?.end().catch(() => undefined);
    await observer?.end().catch(() => undefined);
    await database?.drop();
  });

  const blocking = async () => {
    const diagnosis = await runChecks(buildChecks(['postgres.blocking'], inventory), { inventory, clients });
    const result = diagnosis.results[0];
    if (!result) throw new Error('postgres.blocking did not run');
    return result;
  };

  it('reports the waiting session, the pid that holds the lock and the waiting SQL', async () => {
    await holder.query('BEGIN');
    await holder.query(`LOCK TABLE ${table} IN ACCESS EXCLUSIVE MODE`);
    const reading = waiter.query(`SELECT * FROM ${table}`);
    reading.catch(() => undefined);
    try {
      await waitFor('the reader to wait for the lock', async () => {
        const { rows } = await observer.query<{ blockers: number[] }>(
          'SELECT pg_blocking_pids($1) AS blockers',
          [waiterPid],
        );
        return rows[0]?.blockers.includes(holderPid) ? true : undefined;
      });

      const result = await blocking();

      expect(result.status).toBe('warn');
      expect(result.value).toBeGreaterThanOrEqual(1);
      const pairs = result.data?.pairs as BlockingPair[];
      const mine = pairs.find((pair) => pair.blockedPid === waiterPid);
      expect(mine).toMatchObject({
        blockingPid: holderPid,
        blockedUser: 'postgres',
        blockingUser: 'postgres',
        blockedQuery: `SELECT * FROM ${table}`,
        blockingQuery: `LOCK TABLE ${table} IN ACCESS EXCLUSIVE MODE`,
      });
      expect(mine?.blockingBackendStart).toMatch(/^\d{4}-\d\d-\d\dT.*Z$/);
      expect(result.detail.key).toBe('check.postgres.blocking.detail');
      // The detail names the longest wait: ours, unless another session of the server waits too.
      if (pairs.length === 1) {
        expect(result.detail.params).toMatchObject({ pid: waiterPid, blockingPid: holderPid });
      }
    } finally {
      await holder.query('ROLLBACK');
      await reading;
    }
  });

  it('is ok once the lock is released', async () => {
    const result = await blocking();
    const pairs = result.data?.pairs as BlockingPair[];
    expect(pairs.some((pair) => pair.blockedPid === waiterPid)).toBe(false);
    // Another helper's test may hold a lock somewhere on this server; only then is it not ok.
    if (pairs.length === 0) expect(result.status).toBe('ok');
  });
});

describe('blocking grading', () => {
  const row = (pid: number, seconds: number): BlockingRow => ({
    pid,
    user: 'app',
    query: 'UPDATE  compteurs\n SET index = 1',
    waiting_seconds: seconds,
    blocking_pid: 42,
    blocking_user: 'dba',
    blocking_query: 'VACUUM FULL compteurs',
    blocking_backend_start: '2026-11-24T05:00:00.000001Z',
    blocking_query_start: '2026-11-24T05:01:00.000002Z',
    blocked: 2,
  });

  it('is ok with no pair, warns while the wait is short and fails past 60 s', () => {
    expect(gradeBlocking([]).status).toBe('ok');
    expect(gradeBlocking([row(7, 59)]).status).toBe('warn');
    const failed = gradeBlocking([row(7, 61), row(8, 3)]);
    expect(failed.status).toBe('fail');
    expect(failed.value).toBe(2);
    expect(failed.detail.params).toEqual({
      count: 2,
      pid: 7,
      user: 'app',
      blockingPid: 42,
      blockingUser: 'dba',
      seconds: 61,
      query: 'UPDATE compteurs SET index = 1',
    });
  });
});
