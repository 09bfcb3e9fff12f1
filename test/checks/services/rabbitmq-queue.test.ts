import { randomUUID } from 'node:crypto';
import amqp, { type Channel, type ChannelModel } from 'amqplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckResult } from '../../../src/checks/check.js';
import { runChecks } from '../../../src/checks/run-checks.js';
import { translate } from '../../../src/i18n/translate.js';
import { eventually } from '../../support/eventually.js';
import { freePort } from './free-port.js';
import { contextOf, inventoryOf, serviceChecks } from './service-context.js';

const AMQP_URL = 'amqp://guest:guest@127.0.0.1:5672';

// The machine's RabbitMQ, with queues of this run's own names, deleted afterwards.
const run = randomUUID();
const names = {
  backlog: `samaops-test-backlog-${run}`,
  served: `samaops-test-served-${run}`,
  deep: `samaops-test-deep-${run}`,
  idle: `samaops-test-idle-${run}`,
  missing: `samaops-test-missing-${run}`,
};
let connection: ChannelModel;
let channel: Channel;

beforeAll(async () => {
  connection = await amqp.connect(AMQP_URL);
  channel = await connection.createChannel();
  for (const queue of [names.backlog, names.served, names.deep, names.idle]) {
    await channel.assertQueue(queue, { durable: false });
  }
});

afterAll(async () => {
  for (const queue of [names.backlog, names.served, names.deep, names.idle]) {
    await channel?.deleteQueue(queue).catch(() => undefined);
  }
  await connection?.close();
});

/** Waits until the broker counts `ready` ready messages in `queue` (publishing is asynchronous). */
async function untilReady(queue: string, ready: number): Promise<void> {
  await eventually(
    `${queue} to reach ${ready} ready messages`,
    async () => (await channel.checkQueue(queue)).messageCount === ready,
  );
}

/** Channels open on an amqplib connection: its `channels` slots past 0 (the connection's own). */
function openChannels(model: ChannelModel): number {
  const slots = (model.connection as unknown as { channels: unknown[] }).channels;
  return slots.filter((slot, index) => index > 0 && slot !== null && slot !== undefined).length;
}

describe('rabbitmq.queue against the real broker', () => {
  it('checks every configured queue, each on its own channel, and tells each fault apart', async () => {
    for (let index = 0; index < 3; index++) channel.sendToQueue(names.backlog, Buffer.from(`task ${index}`));
    await untilReady(names.backlog, 3);

    // A worker listening on `served`: no backlog.
    const worker = await connection.createChannel();
    await worker.consume(names.served, (message) => message && worker.ack(message));

    // A slow worker on `deep`: prefetch 1, never acks, so all but one message stay ready.
    const slow = await connection.createChannel();
    await slow.prefetch(1);
    await slow.consume(names.deep, () => undefined);
    for (let index = 0; index < 5; index++) channel.sendToQueue(names.deep, Buffer.from(`task ${index}`));
    await untilReady(names.deep, 4);

    const inventory = inventoryOf({
      services: { rabbitmq: { url: AMQP_URL, queues: Object.values(names) } },
      thresholds: { queueDepth: { warn: 2, fail: 10 } },
    });
    const context = contextOf(inventory);
    try {
      const diagnosis = await runChecks(serviceChecks(['rabbitmq.queue'], inventory), context);
      const byQueue = new Map<string, CheckResult>(
        diagnosis.results.map((result) => [result.target, result]),
      );
      expect([...byQueue.keys()]).toEqual(Object.values(names));

      const backlog = byQueue.get(names.backlog);
      expect(backlog?.status).toBe('fail');
      expect(backlog?.value).toBe(3);
      expect(backlog?.data).toEqual({ messages: 3, consumers: 0 });
      expect(translate('en', backlog?.detail ?? { key: 'status.ok' })).toContain('no consumer');

      const served = byQueue.get(names.served);
      expect(served?.status).toBe('ok');
      expect(served?.value).toBe(0);
      expect(served?.data).toEqual({ messages: 0, consumers: 1 });

      const deep = byQueue.get(names.deep);
      expect(deep?.status).toBe('warn');
      expect(deep?.value).toBe(4);
      expect(deep?.threshold).toMatchObject({ direction: 'above', warn: 2, fail: 10 });

      const idle = byQueue.get(names.idle);
      expect(idle?.status).toBe('warn');
      expect(idle?.data).toEqual({ messages: 0, consumers: 0 });

      const missing = byQueue.get(names.missing);
      expect(missing?.status).toBe('fail');
      expect(translate('en', missing?.detail ?? { key: 'status.ok' })).toBe(
        `queue ${names.missing} does not exist`,
      );
      expect(diagnosis.status).toBe('fail');

      // The 404 closed only its own throwaway channel: the shared connection still serves checks.
      const again = await runChecks(serviceChecks(['rabbitmq.queue'], inventory), context);
      expect(again.results.map((result) => result.status)).toEqual(['fail', 'ok', 'warn', 'warn', 'fail']);
    } finally {
      await worker.close();
      await slow.close();
      await context.clients.close();
    }
  });

  it('leaves no channel open on the broker connection after the checks', async () => {
    const inventory = inventoryOf({
      services: { rabbitmq: { url: AMQP_URL, queues: [names.idle, names.missing] } },
    });
    const context = contextOf(inventory);
    try {
      await runChecks(serviceChecks(['rabbitmq.queue'], inventory), context);
      const shared = await context.clients.amqp(AbortSignal.timeout(1000));
      // Closing is asynchronous (the broker confirms it): poll until no channel slot is in use.
      const deadline = Date.now() + 2000;
      while (openChannels(shared) > 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(openChannels(shared)).toBe(0);
    } finally {
      await context.clients.close();
    }
  });

  it('fails every queue with the reason when the broker refuses the connection', async () => {
    const port = await freePort();
    const inventory = inventoryOf({
      services: { rabbitmq: { url: `amqp://guest:guest@127.0.0.1:${port}`, queues: ['urgent', 'normal'] } },
    });
    const context = contextOf(inventory);
    try {
      const diagnosis = await runChecks(serviceChecks(['rabbitmq.queue'], inventory), context);
      for (const result of diagnosis.results) {
        expect(result.status).toBe('fail');
        const text = translate('en', result.detail);
        expect(text).toContain('unreachable: ');
        expect(text).toContain('ECONNREFUSED');
        expect(text).not.toContain('guest:guest');
      }
    } finally {
      await context.clients.close();
    }
  });
});
