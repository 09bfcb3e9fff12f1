import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckContext } from '../../../src/checks/check.js';
import { runChecks } from '../../../src/checks/run-checks.js';
import { translate } from '../../../src/i18n/translate.js';
import { type OwnRedis, startOwnRedis } from './own-redis.js';
import { contextOf, inventoryOf, serviceChecks } from './service-context.js';

// A private redis-server (2 MiB limit, noeviction like production BullMQ wants): filling it to the
// limit and killing it never touches the machine's Redis on 6379.
let redis: OwnRedis;
let admin: Redis;
let context: CheckContext;

beforeAll(async () => {
  redis = await startOwnRedis(['--maxmemory', '2mb', '--maxmemory-policy', 'noeviction']);
  admin = new Redis(redis.url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await admin.connect();
  context = contextOf(inventoryOf({ checkTimeoutMs: 2000, services: { redis: { url: redis.url } } }));
});

afterAll(async () => {
  admin?.disconnect();
  await context?.clients.close();
  await redis?.stop();
});

async function run(id: 'redis.ping' | 'redis.memory' | 'redis.keys') {
  const diagnosis = await runChecks(serviceChecks([id], context.inventory), context);
  const [result] = diagnosis.results;
  if (!result) throw new Error(`no ${id} result`);
  return result;
}

describe('redis checks against a private redis-server', () => {
  it('names the target by host, port and database, never by credentials', () => {
    const withPassword = inventoryOf({ services: { redis: { url: 'redis://:s3cret@127.0.0.1:6390/2' } } });
    const [check] = serviceChecks(['redis.ping'], withPassword);
    expect(check?.target).toBe('127.0.0.1:6390/2');
  });

  it('ping is ok and timed when Redis answers', async () => {
    const result = await run('redis.ping');
    expect(result.status).toBe('ok');
    expect(result.value).toBeGreaterThanOrEqual(0);
    expect(result.value).toBeLessThan(100);
    expect(result.threshold).toMatchObject({ direction: 'above', warn: 100, fail: 500, unit: 'ms' });
  });

  it('counts the keys of the database', async () => {
    const prefix = `samaops-test-${randomUUID()}`;
    const before = (await run('redis.keys')).value ?? 0;
    await admin.mset(`${prefix}:a`, '1', `${prefix}:b`, '2', `${prefix}:c`, '3');
    const result = await run('redis.keys');
    expect(result.status).toBe('ok');
    expect(result.value).toBe(before + 3);
    expect(translate('en', result.detail)).toBe(`${before + 3} keys in the database`);
    await admin.del(`${prefix}:a`, `${prefix}:b`, `${prefix}:c`);
  });

  it('memory is ok with room left, and names the eviction policy', async () => {
    const result = await run('redis.memory');
    expect(result.status).toBe('ok');
    expect(result.unit).toBe('%');
    expect(result.value).toBeGreaterThan(0);
    expect(result.value).toBeLessThan(80);
    expect(result.data).toMatchObject({ maxmemoryBytes: 2 * 1024 * 1024, policy: 'noeviction' });
    expect(translate('en', result.detail)).toContain('eviction policy noeviction');
  });

  it('memory fails once Redis is full (writes refused with OOM), warns in the band below', async () => {
    const prefix = `samaops-test-${randomUUID()}`;
    const chunk = 'x'.repeat(16 * 1024);
    let refused: unknown;
    for (let index = 0; index < 1000 && refused === undefined; index++) {
      await admin.set(`${prefix}:${index}`, chunk).catch((error: unknown) => {
        refused = error;
      });
    }
    expect(String(refused)).toContain('OOM');
    const full = await run('redis.memory');
    expect(full.status).toBe('fail');
    expect(full.value).toBeGreaterThan(95);

    // Raise the limit so that the same data sits at ~88 %: inside the 80 / 95 warn band.
    const used = Number((await admin.info('memory')).match(/used_memory:(\d+)/)?.[1]);
    await admin.config('SET', 'maxmemory', String(Math.round(used / 0.88)));
    const tight = await run('redis.memory');
    expect(tight.status).toBe('warn');
    expect(tight.value).toBeGreaterThan(80);
    expect(tight.value).toBeLessThan(95);

    await admin.config('SET', 'maxmemory', '2mb');
    const keys = await admin.keys(`${prefix}:*`);
    if (keys.length > 0) await admin.del(...keys);
  });

  it('memory warns when Redis has no maxmemory limit at all', async () => {
    await admin.config('SET', 'maxmemory', '0');
    try {
      const result = await run('redis.memory');
      expect(result.status).toBe('warn');
      expect(result.unit).toBe('bytes');
      expect(result.threshold).toBeNull();
      expect(translate('en', result.detail)).toContain('no maxmemory limit');
    } finally {
      await admin.config('SET', 'maxmemory', '2mb');
    }
  });

  // Last: it kills the server.
  it('ping fails with a reason once Redis is gone', async () => {
    await redis.stop();
    const result = await run('redis.ping');
    expect(result.status).toBe('fail');
    // A refused connection fails at once, not at the check's timeout.
    expect(result.durationMs).toBeLessThan(2000);
    const text = translate('en', result.detail);
    expect(text).toMatch(/^unreachable: /);
    expect(text.length).toBeGreaterThan('unreachable: '.length);
  });
});
