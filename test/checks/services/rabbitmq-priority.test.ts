import { randomUUID } from 'node:crypto';
import amqp, { type Channel, type ChannelModel } from 'amqplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckContext, CheckResult } from '../../../src/checks/check.js';
import { runChecks } from '../../../src/checks/run-checks.js';
import type { Inventory } from '../../../src/config/schema.js';
import { translate } from '../../../src/i18n/translate.js';
import { fetchQueueStats, managementTarget } from '../../../src/platform/rabbitmq-management.js';
import { eventuallyValue } from '../../support/eventually.js';
import { createScratchVhost, MANAGEMENT_URL, type ScratchVhost } from '../../support/rabbitmq-management.js';
import { freePort } from './free-port.js';
import { contextOf, inventoryOf, serviceChecks } from './service-context.js';

/**
 * rabbitmq.priority against the machine's broker, in a scratch vhost of this run (deleted
 * afterwards), over its real management API (enabled by test/global-setup.ts) and over AMQP.
 */

let scratch: ScratchVhost;
let vhost: string;
let AMQP_URL: string;
const QUEUES = ['urgent', 'high_priority', 'normal', 'low_priority'];
let connection: ChannelModel;
let channel: Channel;

beforeAll(async () => {
  scratch = await createScratchVhost();
  vhost = scratch.name;
  AMQP_URL = scratch.amqpUrl;
  connection = await amqp.connect(AMQP_URL);
  channel = await connection.createChannel();
  for (const queue of QUEUES) await channel.assertQueue(queue, { durable: false });
});

afterAll(async () => {
  await connection?.close().catch(() => undefined);
  await scratch?.drop();
});

function inventoryWith(rabbitmq: Record<string, unknown>): Inventory {
  return inventoryOf({ services: { rabbitmq: { url: AMQP_URL, queues: QUEUES, ...rabbitmq } } });
}

async function priority(context: CheckContext): Promise<CheckResult> {
  const diagnosis = await runChecks(serviceChecks(['rabbitmq.priority'], context.inventory), context);
  expect(diagnosis.results).toHaveLength(1);
  return diagnosis.results[0] as CheckResult;
}

/** Reads until `holds`: the management API's statistics refresh every 5 s, AMQP publishes are asynchronous. */
async function until<T>(what: string, read: () => Promise<T>, holds: (value: T) => boolean): Promise<T> {
  let last: T | undefined;
  return eventuallyValue(what, async () => {
    last = await read();
    return holds(last) ? last : undefined;
  }).catch((error: Error) => {
    throw new Error(`${error.message}; last: ${JSON.stringify(last)}`);
  });
}

/** A consumer on its own channel that takes `prefetch` messages and never acknowledges them. */
async function stuckConsumer(queue: string, prefetch: number): Promise<Channel> {
  const holder = await connection.createChannel();
  await holder.prefetch(prefetch);
  await holder.consume(queue, () => undefined);
  return holder;
}

function publish(queue: string, count: number): void {
  for (let index = 0; index < count; index++) channel.sendToQueue(queue, Buffer.from(`${queue} ${index}`));
}

describe('rabbitmq.priority against the real broker', () => {
  it('flags an urgent backlog while low_priority consumers hold unacknowledged messages, and tells what AMQP can see', async () => {
    // urgent: its one consumer holds one message, so 14 wait with no consumer free for them.
    const urgentWorker = await stuckConsumer('urgent', 1);
    // low_priority: two consumers attached, idle for now.
    const lowWorkers = [await stuckConsumer('low_priority', 1), await stuckConsumer('low_priority', 1)];
    publish('urgent', 15);

    const withApi = contextOf(inventoryWith({ managementUrl: MANAGEMENT_URL }));
    const overAmqp = contextOf(inventoryWith({}));
    const api = managementTarget({ url: AMQP_URL, managementUrl: MANAGEMENT_URL });
    try {
      // 1. The backlog alone, lower consumers idle: no inversion.
      await until(
        'the API showing the urgent backlog and idle low_priority consumers',
        () => fetchQueueStats(withApi.clients.http, api, AbortSignal.timeout(5000), 5000),
        (stats) =>
          stats.get('urgent')?.ready === 14 &&
          stats.get('urgent')?.unacked === 1 &&
          stats.get('low_priority')?.consumers === 2,
      );
      const calm = await priority(withApi);
      expect(calm.target).toBe(`127.0.0.1:5672/${vhost}`);
      expect(calm).toMatchObject({ status: 'ok', value: 0, data: { source: 'management', inversions: [] } });

      // 2. low_priority's consumers each take one and never acknowledge it: busy.
      publish('low_priority', 2);
      const inverted = await until(
        'the check seeing the inversion over the API',
        () => priority(withApi),
        (result) => result.status === 'warn' && result.detail.params?.unacked === 2,
      );
      expect(inverted).toMatchObject({
        status: 'warn',
        value: 14,
        unit: 'count',
        threshold: { direction: 'above', warn: 10, unit: 'count' },
      });
      expect(inverted.detail).toEqual({
        key: 'check.rabbitmq.priority.inversion',
        params: { higher: 'urgent', ready: 14, lower: 'low_priority', consumers: 2, unacked: 2 },
      });
      expect(translate('fr', inverted.detail)).toBe(
        'urgent : 14 en attente pendant que low_priority occupe 2 consommateurs (2 non acquittés), selon l’API de gestion',
      );

      // 3. Over AMQP the same state looks calm: busy consumers keeping their queue empty are invisible.
      const blind = await priority(overAmqp);
      expect(blind).toMatchObject({ status: 'ok', value: 0, data: { source: 'amqp', inversions: [] } });
      expect(translate('en', blind.detail)).toContain('AMQP does not show unacknowledged messages');

      // 4. Three more wait behind them: AMQP sees ready messages beside consumers, all at their limit.
      publish('low_priority', 3);
      const seen = await until(
        'the check seeing the saturated low_priority over AMQP',
        () => priority(overAmqp),
        (result) => result.status === 'warn' && result.detail.params?.lowerReady === 3,
      );
      expect(seen.detail).toEqual({
        key: 'check.rabbitmq.priority.inversionAmqp',
        params: { higher: 'urgent', ready: 14, lower: 'low_priority', consumers: 2, lowerReady: 3 },
      });
      expect(seen.data).toMatchObject({ source: 'amqp', missing: [] });
    } finally {
      for (const holder of [urgentWorker, ...lowWorkers]) await holder.close();
      await withApi.clients.close();
      await overAmqp.clients.close();
    }
  });

  it('is unreachable, with the status and without the password, when the API refuses the login', async () => {
    const password = `not-the-password-${randomUUID()}`;
    const context = contextOf(inventoryWith({ managementUrl: `http://guest:${password}@127.0.0.1:15672` }));
    try {
      const result = await priority(context);
      expect(result.status).toBe('fail');
      expect(result.detail.key).toBe('check.unreachable');
      const text = translate('en', result.detail);
      expect(text).toContain('HTTP 401');
      expect(JSON.stringify(result)).not.toContain(password);
    } finally {
      await context.clients.close();
    }
  });

  it('is unreachable with the reason when nothing listens at managementUrl, or at the AMQP URL', async () => {
    const port = await freePort();
    const noApi = contextOf(inventoryWith({ managementUrl: `http://127.0.0.1:${port}` }));
    const noBroker = contextOf(
      inventoryOf({
        services: { rabbitmq: { url: `amqp://guest:guest@127.0.0.1:${port}`, queues: QUEUES } },
      }),
    );
    try {
      for (const context of [noApi, noBroker]) {
        const result = await priority(context);
        expect(result.status).toBe('fail');
        expect(result.detail.key).toBe('check.unreachable');
        expect(translate('en', result.detail)).toContain('ECONNREFUSED');
      }
    } finally {
      await noApi.clients.close();
      await noBroker.clients.close();
    }
  });

  it('has no target with fewer than two queues, and reports missing queues without judging them', async () => {
    expect(serviceChecks(['rabbitmq.priority'], inventoryWith({ queues: ['urgent'] }))).toEqual([]);
    const context = contextOf(inventoryWith({ queues: ['urgent', `absent-${randomUUID()}`] }));
    try {
      const result = await priority(context);
      expect(result.status).toBe('ok');
      expect(translate('en', result.detail)).toBe('fewer than two existing queues to compare (urgent)');
      expect(result.data?.missing).toEqual([expect.stringMatching(/^absent-/)]);
    } finally {
      await context.clients.close();
    }
  });
});
