import { afterAll, describe, expect, it } from 'vitest';
import { loadInventory } from '../../src/config/load-inventory.js';
import { silentLogger } from '../../src/logging/logger.js';
import { createPlatformClients } from '../../src/platform/platform-clients.js';
import { shareDiagnoses } from '../../src/playbooks/shared-diagnoses.js';

// The machine's real PostgreSQL, Redis and RabbitMQ (config/local.yml).
const inventory = loadInventory('config/local.yml');
const clients = createPlatformClients(inventory, silentLogger());
afterAll(() => clients.close());

describe('shareDiagnoses', () => {
  it('gives concurrent requests for the same playbook one shared run', async () => {
    const diagnoses = shareDiagnoses({ inventory, clients });
    const results = await Promise.all(Array.from({ length: 20 }, () => diagnoses.run('db')));
    expect(new Set(results).size).toBe(1);
    expect(results[0]?.results.map((result) => result.id)).toContain('postgres.ping');
  });

  it('runs different playbooks separately, and starts a fresh run once the previous one ended', async () => {
    const diagnoses = shareDiagnoses({ inventory, clients });
    const [db, redis] = await Promise.all([diagnoses.run('db'), diagnoses.run('redis')]);
    expect(db).not.toBe(redis);
    expect(redis.results.every((result) => result.id.startsWith('redis.'))).toBe(true);
    const later = await diagnoses.run('db');
    expect(later).not.toBe(db);
    expect(later.startedAt.getTime()).toBeGreaterThanOrEqual(db.startedAt.getTime());
  });

  it('answers even when the after-run hook hangs (its store down), which goes on in the background', async () => {
    let hookStarted = false;
    const diagnoses = shareDiagnoses(
      { inventory, clients },
      undefined,
      () => {
        hookStarted = true;
        return new Promise<void>(() => undefined);
      },
      50,
    );
    const diagnosis = await diagnoses.run('redis');
    expect(hookStarted).toBe(true);
    expect(diagnosis.results.length).toBeGreaterThan(0);
    // The single flight is free again: the next request starts a new run.
    expect(await diagnoses.run('redis')).not.toBe(diagnosis);
  });
});
