import type { Threshold } from '../checks/check.js';
import { above } from '../checks/grade.js';
import { judgeQueue } from '../checks/services/rabbitmq-queue.js';
import { msg } from '../i18n/message.js';
import { fetchQueueStats, managementTarget, type QueueStats } from '../platform/rabbitmq-management.js';
import { checkSection } from './check-section.js';
import { linesSection } from './lines-section.js';
import type { ReportCollector } from './report-collector.js';
import type { ReportLine } from './report-model.js';

const ID = 'rabbitmq-queues';
const TITLE = msg('report.section.rabbitmqQueues');

/** Rates are shown to a tenth of a message per second. */
const tenth = (rate: number) => Math.round(rate * 10) / 10;

/**
 * One configured queue as the management API sees it, graded like the `rabbitmq.queue` check:
 * messages with no consumer fail, no consumer at all warns, else the ready messages are held
 * against `thresholds.queueDepth`; a missing queue fails. The backlog is the line's value, under
 * the check's metric key, so the trend continues from reports collected over AMQP.
 */
export function queueLine(queue: string, stats: QueueStats | undefined, depth: Threshold): ReportLine {
  const metric = `rabbitmq.queue:${queue}`;
  if (!stats)
    return {
      label: queue,
      status: 'fail',
      text: msg('check.rabbitmq.queue.missing', { queue }),
      metric,
      value: null,
      unit: 'count',
    };
  const { status } = judgeQueue(stats.ready, stats.consumers, depth);
  return {
    label: queue,
    status,
    text: msg('report.rabbitmq.queue', {
      ready: stats.ready,
      unacked: stats.unacked,
      consumers: stats.consumers,
      publish: tenth(stats.publishRate),
      deliver: tenth(stats.deliverRate),
      ack: tenth(stats.ackRate),
    }),
    metric,
    value: stats.ready,
    unit: 'count',
  };
}

/** Runbook §9.2 over the management API: backlog, unacknowledged, consumers and rates per queue. */
const overTheManagementApi = linesSection(ID, TITLE, async ({ inventory, clients, signal }) => {
  const rabbitmq = inventory.services.rabbitmq;
  if (!rabbitmq?.managementUrl) return [];
  const target = managementTarget({ url: rabbitmq.url, managementUrl: rabbitmq.managementUrl });
  const stats = await fetchQueueStats(clients.http, target, signal, inventory.checkTimeoutMs);
  const depth = above(inventory.thresholds.queueDepth, 'count');
  return rabbitmq.queues.map((queue) => queueLine(queue, stats.get(queue), depth));
});

/** Without a management API: the `rabbitmq.queue` check's depth and consumers, over AMQP. */
const overAmqp = checkSection(ID, 'rabbitmq.queue', TITLE);

/**
 * The weekly report's RabbitMQ section: over the management API when `services.rabbitmq.managementUrl`
 * is set (it alone has the rates), else over AMQP. An API that cannot be read throws: the
 * collection shows the section unreachable and renders the rest.
 */
export const rabbitmqQueues: ReportCollector = {
  id: ID,
  title: TITLE,
  collect: (context) =>
    context.inventory.services.rabbitmq?.managementUrl
      ? overTheManagementApi.collect(context)
      : overAmqp.collect(context),
};
