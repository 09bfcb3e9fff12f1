import { randomUUID } from 'node:crypto';
import amqp, { type Channel, type ChannelModel } from 'amqplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckContext } from '../../src/checks/check.js';
import type { Inventory } from '../../src/config/schema.js';
import { translate } from '../../src/i18n/translate.js';
import { collectReport } from '../../src/reports/collect-report.js';
import { rabbitmqQueues } from '../../src/reports/rabbitmq-overview-section.js';
import type { Report, ReportLine } from '../../src/reports/report-model.js';
import { compareReports } from '../../src/reports/report-trend.js';
import { freePort } from '../checks/services/free-port.js';
import { contextOf, inventoryOf } from '../checks/services/service-context.js';
import { EVENTUALLY_MS, eventuallyValue } from '../support/eventually.js';
import { createScratchVhost, MANAGEMENT_URL, type ScratchVhost } from '../support/rabbitmq-management.js';

/**
 * The weekly report's RabbitMQ section against the machine's broker and its real management API
 * (enabled by test/global-setup.ts), in a scratch vhost of this run, deleted afterwards.
 */

let scratch: ScratchVhost;
let _vhost: string;
let AMQP_URL: string;
const names = {
  backlog: 'backlog', // messages, nobody listening: fail
  busy: 'busy', // a consumer holding 2 unacknowledged, 4 ready over the warn depth of 2: warn
  flowing: 'flowing', // published and acknowledged all along: rates
  idle: 'idle', // never used: no message_stats at all, no consumer: warn
  missing: 'missing', // configured, never declared: fail
};
let connection: ChannelModel;
let channel: Channel;

beforeAll(async () => {
  scratch = await createScratchVhost();
  _vhost = scratch.name;
  AMQP_URL = scratch.amqpUrl;
  connection = await amqp.connect(AMQP_URL);
  channel = await connection.createChannel();
  for (const queue of [names.backlog, names.busy, names.flowing, names.idle])
    await channel.assertQueue(queue, { durable: false });
});

afterAll(async () => {
  await connection?.close().catch(() => undefined);
  await scratch?.drop();
});

function inventoryWith(rabbitmq: Record<string, unknown>): Inventory {
  return inventoryOf({
    services: { rabbitmq: { url: AMQP_URL, queues: Object.values(names), ...rabbitmq } },
    thresholds: { queueDepth: { warn: 2, fail: 10 } },
  });
}

const weekly = (context: CheckContext) => collectReport('weekly', [rabbitmqQueues], context);

function linesOf(report: Report): Map<string, ReportLine> {
  return new Map((report.sections[0]?.lines ?? []).map((line) => [line.label, line]));
}

const param = (line: ReportLine | undefined, name: string) => line?.text.params?.[name];

/**
 * Collects until `ready` holds: the management API samples queues every 5 s, and a rate needs
 * two samples. Fails with the last lines seen when the deadline passes.
 */
async function collectUntil(
  context: CheckContext,
  ready: (lines: Map<string, ReportLine>) => boolean,
  deadlineMs = EVENTUALLY_MS,
): Promise<Report> {
  let last: Report | undefined;
  return eventuallyValue(
    'the management API to show it',
    async () => {
      last = await weekly(context);
      return ready(linesOf(last)) ? last : undefined;
    },
    deadlineMs,
  ).catch((error: Error) => {
    throw new Error(`${error.message}; last lines: ${JSON.stringify(last?.sections[0]?.lines)}`);
  });
}

describe('weekly RabbitMQ section over the management API', () => {
  it('shows ready, unacknowledged, consumers and rates per queue, graded like rabbitmq.queue, with a backlog trend', async () => {
    for (let index = 0; index < 5; index++) channel.sendToQueue(names.backlog, Buffer.from(`task ${index}`));
    const holder = await connection.createChannel();
    await holder.prefetch(2);
    await holder.consume(names.busy, () => undefined);
    for (let index = 0; index < 6; index++) channel.sendToQueue(names.busy, Buffer.from(`task ${index}`));
    const worker = await connection.createChannel();
    await worker.consume(names.flowing, (message) => message && worker.ack(message));
    // A steady flow, so that every statistics sample sees messages published, delivered and acked.
    const flow = setInterval(() => channel.sendToQueue(names.flowing, Buffer.from('tick')), 50);

    // No credentials in managementUrl: the AMQP URL's are used.
    const context = contextOf(inventoryWith({ managementUrl: MANAGEMENT_URL }));
    try {
      const first = await collectUntil(
        context,
        (lines) =>
          lines.get(names.backlog)?.value === 5 &&
          lines.get(names.busy)?.value === 4 &&
          param(lines.get(names.busy), 'unacked') === 2 &&
          Number(param(lines.get(names.flowing), 'publish')) > 0 &&
          Number(param(lines.get(names.flowing), 'ack')) > 0 &&
          // On a busy machine the consumer can lag a sample behind: wait for the flow's steady state.
          lines.get(names.flowing)?.status === 'ok',
      );
      const section = first.sections[0];
      expect(section?.id).toBe('rabbitmq-queues');
      expect(section?.status).toBe('fail');
      const lines = linesOf(first);
      expect([...lines.keys()]).toEqual(Object.values(names));

      const backlog = lines.get(names.backlog);
      expect(backlog).toMatchObject({
        status: 'fail',
        metric: 'rabbitmq.queue:backlog',
        value: 5,
        unit: 'count',
      });
      expect(backlog?.text.params).toMatchObject({ ready: 5, unacked: 0, consumers: 0 });

      const busy = lines.get(names.busy);
      expect(busy?.status).toBe('warn');
      expect(busy?.text.params).toMatchObject({ ready: 4, unacked: 2, consumers: 1 });

      const flowing = lines.get(names.flowing);
      expect(flowing?.status).toBe('ok');
      expect(flowing?.text.params?.consumers).toBe(1);
      expect(Number(flowing?.text.params?.deliver)).toBeGreaterThan(0);
      expect(translate('en', flowing?.text ?? { key: 'status.ok' })).toMatch(
        /published [\d.]+ msg\/s, delivered [\d.]+ msg\/s, acknowledged [\d.]+ msg\/s$/,
      );

      const idle = lines.get(names.idle);
      expect(idle?.status).toBe('warn');
      expect(idle?.text.params).toEqual({
        ready: 0,
        unacked: 0,
        consumers: 0,
        publish: 0,
        deliver: 0,
        ack: 0,
      });

      const missing = lines.get(names.missing);
      expect(missing).toMatchObject({ status: 'fail', value: null });
      expect(translate('en', missing?.text ?? { key: 'status.ok' })).toBe('queue missing does not exist');

      // Three more waiting: the next report's trend shows the backlog growing.
      for (let index = 0; index < 3; index++)
        channel.sendToQueue(names.backlog, Buffer.from(`more ${index}`));
      const second = await collectUntil(context, (next) => next.get(names.backlog)?.value === 8);
      const growth = compareReports(first, second).find((delta) => delta.metric === 'rabbitmq.queue:backlog');
      expect(growth).toMatchObject({ change: 'changed', previous: 5, current: 8, unit: 'count' });
    } finally {
      clearInterval(flow);
      await worker.close();
      await holder.close();
      await context.clients.close();
    }
  });

  it('is unreachable, with the status and without the password, when the API refuses the credentials', async () => {
    const password = `not-the-password-${randomUUID()}`;
    const url = `http://guest:${password}@127.0.0.1:15672`;
    const context = contextOf(inventoryWith({ managementUrl: url }));
    try {
      const report = await weekly(context);
      const section = report.sections[0];
      expect(section?.status).toBe('unknown');
      expect(section?.lines).toHaveLength(1);
      const text = translate('en', section?.lines[0]?.text ?? { key: 'status.ok' });
      expect(text).toContain('unreachable: ');
      expect(text).toContain('HTTP 401');
      expect(JSON.stringify(report)).not.toContain(password);
      expect(translate('fr', section?.lines[0]?.text ?? { key: 'status.ok' })).not.toContain(password);
    } finally {
      await context.clients.close();
    }
  });

  it('is unreachable with the reason when nothing listens at managementUrl', async () => {
    const port = await freePort();
    const context = contextOf(inventoryWith({ managementUrl: `http://guest:guest@127.0.0.1:${port}` }));
    try {
      const section = (await weekly(context)).sections[0];
      expect(section?.status).toBe('unknown');
      const text = translate('en', section?.lines[0]?.text ?? { key: 'status.ok' });
      expect(text).toContain('ECONNREFUSED');
      expect(text).not.toContain('guest:guest');
    } finally {
      await context.clients.close();
    }
  });

  it('keeps the AMQP section of the rabbitmq.queue check when managementUrl is not set', async () => {
    const context = contextOf(inventoryWith({}));
    try {
      const section = (await weekly(context)).sections[0];
      expect(section?.id).toBe('rabbitmq-queues');
      const lines = [...(section?.lines ?? [])];
      expect(lines.map((line) => line.label)).toEqual(Object.values(names));
      for (const line of lines) {
        expect(line.metric).toBe(`rabbitmq.queue:${line.label}`);
        expect(line.text.key.startsWith('check.rabbitmq.queue.')).toBe(true);
        expect(line.text.params).not.toHaveProperty('publish');
      }
      expect(lines.find((line) => line.label === names.missing)?.status).toBe('fail');
    } finally {
      await context.clients.close();
    }
  });
});
