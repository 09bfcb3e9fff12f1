import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildChecks } from '../../../src/checks/build-checks.js';
import { gradeConnections } from '../../../src/checks/postgres/postgres-connections.js';
import { runChecks } from '../../../src/checks/run-checks.js';
import { silentLogger } from '../../../src/logging/logger.js';
import { createPlatformClients } from '../../../src/platform/platform-clients.js';
import { ADMIN_URL, connect, postgresInventory } from './postgres-fixtures.js';

/** Runs `postgres.connections` once with its own clients. */
async function connections(maxConnections?: number) {
  const inventory = postgresInventory(ADMIN_URL, { maxConnections });
  const clients = createPlatformClients(inventory, silentLogger());
  try {
    const diagnosis = await runChecks(buildChecks(['postgres.connections'], inventory), {
      inventory,
      clients,
    });
    const result = diagnosis.results[0];
    if (!result) throw new Error('postgres.connections did not run');
    return result;
  } finally {
    await clients.close();
  }
}

describe('postgres.connections against real sessions', () => {
  const extra: pg.Client[] = [];
  let inTransaction: pg.Client;

  beforeAll(async () => {
    for (let i = 0; i < 6; i += 1) extra.push(await connect());
    inTransaction = await connect();
    await inTransaction.query('BEGIN');
    await inTransaction.query('SELECT 1');
  });

  afterAll(async () => {
    await inTransaction.query('ROLLBACK');
    await Promise.all([...extra, inTransaction].map((client) => client.end()));
  });

  it('counts client sessions by state against the server’s max_connections', async () => {
    const { rows } = await inTransaction.query<{ max_connections: string }>('SHOW max_connections');
    const result = await connections();
    const data = result.data as { used: number; limit: number; states: Record<string, number> };
    expect(data.limit).toBe(Number(rows[0]?.max_connections));
    // Our 7 sessions plus the check's own; other helpers' sessions only add to it.
    expect(data.used).toBeGreaterThanOrEqual(8);
    expect(data.used).toBe(Object.values(data.states).reduce((sum, count) => sum + count, 0));
    expect(data.states['idle in transaction']).toBeGreaterThanOrEqual(1);
    expect(data.states.active).toBeGreaterThanOrEqual(1);
    expect(result.value).toBe(Math.round((data.used / data.limit) * 1000) / 10);
    expect(result.status).toBe('ok');
    expect(String(result.detail.params?.states)).toContain('idle in transaction');
  });

  it('fails when the sessions pass a small configured limit', async () => {
    const result = await connections(5);
    expect(result.data).toMatchObject({ limit: 5 });
    expect(result.value).toBeGreaterThanOrEqual(160);
    expect(result.status).toBe('fail');
    expect(result.threshold).toEqual({ direction: 'above', warn: 80, fail: 95, unit: '%' });
  });
});

describe('connection grading', () => {
  const inventory = postgresInventory(ADMIN_URL);

  it('warns from 80 % and lists the busiest state first', () => {
    const outcome = gradeConnections({ idle: 70, active: 10, 'idle in transaction': 5 }, 100, inventory);
    expect(outcome.status).toBe('warn');
    expect(outcome.value).toBe(85);
    expect(outcome.detail.params).toMatchObject({
      used: 85,
      limit: 100,
      states: 'idle 70, active 10, idle in transaction 5',
    });
    expect(gradeConnections({ active: 1, idle: 2 }, 3, inventory).status).toBe('fail');
    expect(gradeConnections({ active: 1 }, 100, inventory).status).toBe('ok');
  });
});
