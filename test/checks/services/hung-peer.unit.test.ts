import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runChecks } from '../../../src/checks/run-checks.js';
import { type BlackHole, startBlackHole } from '../../support/black-hole.js';
import { contextOf, inventoryOf, serviceChecks } from './service-context.js';

// A peer that accepts the TCP connection and never says a word: the worst case for a client,
// since nothing fails fast. Every check must still end on its timeout, and closing must not hang.
let hole: BlackHole;

beforeAll(async () => {
  hole = await startBlackHole();
});

afterAll(() => hole?.close());

describe('checks against a black-holed Redis and RabbitMQ', () => {
  it('end in about their timeout, and the clients close promptly afterwards', async () => {
    const inventory = inventoryOf({
      checkTimeoutMs: 300,
      services: {
        redis: { url: hole.url('redis') },
        rabbitmq: { url: hole.url('amqp'), queues: ['urgent', 'normal'] },
      },
    });
    const context = contextOf(inventory);
    const checks = serviceChecks(['redis.ping', 'redis.memory', 'redis.keys', 'rabbitmq.queue'], inventory);
    const started = performance.now();
    const diagnosis = await runChecks(checks, context);
    const elapsed = performance.now() - started;

    expect(hole.accepted).toBeGreaterThanOrEqual(2);
    expect(diagnosis.results.map((result) => [result.id, result.status])).toEqual([
      ['redis.ping', 'fail'],
      ['redis.memory', 'unknown'],
      ['redis.keys', 'unknown'],
      ['rabbitmq.queue', 'unknown'],
      ['rabbitmq.queue', 'unknown'],
    ]);
    for (const result of diagnosis.results) {
      expect(result.detail).toEqual({ key: 'check.timeout', params: { ms: 300 } });
      // The engine's timer ended it (the detail above says so), not the hung peer: bounded by far
      // less than a hang, however busy the machine.
      expect(result.durationMs).toBeGreaterThanOrEqual(290);
      expect(result.durationMs).toBeLessThan(300 * 5);
    }
    expect(elapsed).toBeLessThan(300 * 5);

    // Under the 2000 ms cap of close(): every client closed on its own.
    const closing = performance.now();
    await context.clients.close();
    expect(performance.now() - closing).toBeLessThan(2000);
  });

  it('a second diagnosis after the hung one is bounded the same way', async () => {
    const inventory = inventoryOf({ checkTimeoutMs: 300, services: { redis: { url: hole.url('redis') } } });
    const context = contextOf(inventory);
    try {
      for (let round = 0; round < 2; round++) {
        const started = performance.now();
        const diagnosis = await runChecks(serviceChecks(['redis.ping'], inventory), context);
        expect(diagnosis.results[0]?.status).toBe('fail');
        expect(performance.now() - started).toBeLessThan(300 * 5);
      }
    } finally {
      const closing = performance.now();
      await context.clients.close();
      expect(performance.now() - closing).toBeLessThan(2000);
    }
  });
});
