import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/logging/logger.js';
import { createReadinessProbe } from '../../src/observability/readiness.js';

/** A loopback port with nothing listening: a stopped Redis. */
async function closedPort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('readiness probe of the bot’s own store and queue', () => {
  it('is ready when its PostgreSQL and Redis answer', async () => {
    const probe = createReadinessProbe(
      { databaseUrl: 'postgresql://postgres@127.0.0.1:5432/postgres', redisUrl: 'redis://127.0.0.1:6379/0' },
      silentLogger(),
    );
    try {
      expect(await probe.check()).toEqual({ ready: true, dependencies: { postgres: 'up', redis: 'up' } });
    } finally {
      await probe.close();
    }
  });

  it('answers concurrent checks alike: the first lazy connect is shared, not raced', async () => {
    const probe = createReadinessProbe(
      { databaseUrl: 'postgresql://postgres@127.0.0.1:5432/postgres', redisUrl: 'redis://127.0.0.1:6379/0' },
      silentLogger(),
    );
    try {
      const states = await Promise.all([probe.check(), probe.check(), probe.check()]);
      for (const state of states) expect(state.dependencies).toEqual({ postgres: 'up', redis: 'up' });
    } finally {
      await probe.close();
    }
  });

  it('is not ready, quickly, when Redis is down, and says which one without secrets', async () => {
    const port = await closedPort();
    const probe = createReadinessProbe(
      {
        databaseUrl: 'postgresql://postgres@127.0.0.1:5432/postgres',
        redisUrl: `redis://:hunter2@127.0.0.1:${port}/0`,
      },
      silentLogger(),
    );
    try {
      const started = performance.now();
      const state = await probe.check();
      // Quickly: a refused connection is known at once, no retry loop waits for Redis to return.
      expect(performance.now() - started).toBeLessThan(5000);
      expect(state.ready).toBe(false);
      expect(state.dependencies).toEqual({ postgres: 'up', redis: 'down' });
      expect(state.errors?.redis).toMatch(/ECONNREFUSED|Connection is closed/);
      expect(JSON.stringify(state)).not.toContain('hunter2');
    } finally {
      await probe.close();
    }
  });

  it('skips what is not configured', async () => {
    const probe = createReadinessProbe({}, silentLogger());
    expect(await probe.check()).toEqual({
      ready: true,
      dependencies: { postgres: 'skipped', redis: 'skipped' },
    });
    await probe.close();
  });
});
