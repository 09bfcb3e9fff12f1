import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildChecks } from '../../../src/checks/build-checks.js';
import type { CheckOutcome } from '../../../src/checks/check.js';
import {
  gradeLongQueries,
  type LongQuery,
  type LongQueryRow,
} from '../../../src/checks/postgres/postgres-long-queries.js';
import { runChecks } from '../../../src/checks/run-checks.js';
import { silentLogger } from '../../../src/logging/logger.js';
import { createPlatformClients } from '../../../src/platform/platform-clients.js';
import {
  ADMIN_URL,
  backendPid,
  connect,
  postgresInventory,
  uniqueName,
  waitFor,
} from './postgres-fixtures.js';

/** The long queries a result lists in its data. */
function queriesOf(outcome: CheckOutcome): LongQuery[] {
  return (outcome.data?.queries ?? []) as LongQuery[];
}

/** Runs `postgres.long_queries` with a given threshold against the machine's PostgreSQL. */
async function longQueries(longQuerySeconds: number) {
  const inventory = postgresInventory(ADMIN_URL, { thresholds: { longQuerySeconds } });
  const clients = createPlatformClients(inventory, silentLogger());
  try {
    const diagnosis = await runChecks(buildChecks(['postgres.long_queries'], inventory), {
      inventory,
      clients,
    });
    const result = diagnosis.results[0];
    if (!result) throw new Error('postgres.long_queries did not run');
    return result;
  } finally {
    await clients.close();
  }
}

describe('postgres.long_queries against a real sleeping query', () => {
  const marker = uniqueName('lq');
  let sleeper: pg.Client;
  let admin: pg.Client;
  let sleeping: Promise<unknown>;
  let pid: number;

  beforeAll(async () => {
    admin = await connect();
    sleeper = await connect();
    pid = await backendPid(sleeper);
  });

  afterAll(async () => {
    await admin.query('SELECT pg_terminate_backend($1)', [pid]);
    await sleeping?.catch(() => undefined);
    await sleeper.end().catch(() => undefined);
    await admin.end();
  });

  it('is ok while no query of the server runs past the threshold', async () => {
    const result = await longQueries(3600);
    expect(result.status).toBe('ok');
    expect(result.value).toBe(0);
    expect(result.detail).toEqual({ key: 'check.postgres.long_queries.none', params: { seconds: 3600 } });
  });

  it('names the pid, user, age and SQL of a query running past the threshold; fails past twice it', async () => {
    sleeping = sleeper.query(`SELECT pg_sleep(30) /* ${marker} */`);
    sleeping.catch(() => undefined);
    await waitFor('the sleeping query to be older than 2 s', async () => {
      const { rows } = await admin.query<{ age: number }>(
        `SELECT extract(epoch FROM clock_timestamp() - query_start)::float8 AS age
         FROM pg_stat_activity WHERE pid = $1 AND state = 'active'`,
        [pid],
      );
      return (rows[0]?.age ?? 0) > 2.2 ? true : undefined;
    });

    // Just past 2 s: long for a 2 s threshold (warn), more than twice a 1 s threshold (fail).
    const [warned, failed] = await Promise.all([longQueries(2), longQueries(1)]);
    expect(warned.status).toBe('warn');
    expect(failed.status).toBe('fail');
    for (const result of [warned, failed]) {
      expect(result.value).toBeGreaterThanOrEqual(1);
      const queries = queriesOf(result);
      const mine = queries.find((query) => query.pid === pid);
      expect(mine?.user).toBe('postgres');
      expect(mine?.query).toBe(`SELECT pg_sleep(30) /* ${marker} */`);
      expect(mine?.ageSeconds).toBeGreaterThanOrEqual(2);
      // Exact timestamps, so that a remediation can re-validate the pid before terminating it.
      expect(mine?.queryStart).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
      const { rows } = await admin.query<{ same: boolean }>(
        `SELECT query_start = $2::timestamptz AND backend_start = $3::timestamptz AS same
         FROM pg_stat_activity WHERE pid = $1`,
        [pid, mine?.queryStart, mine?.backendStart],
      );
      expect(rows[0]?.same).toBe(true);
    }
    // The detail names the oldest long query: ours unless another session has been running longer.
    const oldest = queriesOf(failed)[0];
    expect(failed.detail.key).toBe('check.postgres.long_queries.detail');
    expect(failed.detail.params).toMatchObject({ pid: oldest?.pid, query: oldest?.query, seconds: 1 });
  });
});

describe('long query grading', () => {
  const row = (pid: number, age: number, query: string): LongQueryRow => ({
    pid,
    user: 'app',
    age_seconds: age,
    backend_start: '2026-11-24T05:00:00.000001Z',
    query_start: '2026-11-24T05:01:00.000002Z',
    query,
    total: 3,
  });
  const inventory = postgresInventory(ADMIN_URL, { thresholds: { longQuerySeconds: 300 } });

  it('warns below twice the threshold and fails above it, counting every long query', () => {
    expect(gradeLongQueries([row(7, 599, 'SELECT 1')], inventory).status).toBe('warn');
    const failed = gradeLongQueries(
      [row(7, 601, 'SELECT\n   *\tFROM  t'), row(8, 400, 'SELECT 2')],
      inventory,
    );
    expect(failed.status).toBe('fail');
    expect(failed.value).toBe(3);
    expect(failed.detail.params).toMatchObject({ pid: 7, user: 'app', age: 601, query: 'SELECT * FROM t' });
  });

  it('cuts the SQL to 80 characters in the detail and the data', () => {
    const outcome = gradeLongQueries([row(9, 310, `SELECT ${'x'.repeat(200)}`)], inventory);
    expect(String(outcome.detail.params?.query)).toHaveLength(80);
    expect(queriesOf(outcome)[0]?.query).toHaveLength(80);
  });
});
