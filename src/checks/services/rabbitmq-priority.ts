import type { ChannelModel } from 'amqplib';
import { msg } from '../../i18n/message.js';
import {
  fetchQueueStats,
  ManagementApiError,
  type ManagementTarget,
  managementTarget,
} from '../../platform/rabbitmq-management.js';
import { defineCheck } from '../check.js';
import { unreachable } from '../unreachable.js';
import { readAmqpQueueState } from './amqp-queue-state.js';
import { judgePriority, type QueueLoad } from './judge-priority.js';
import { displayUrl } from './service-target.js';

interface PriorityTarget {
  /** `services.rabbitmq.queues`, highest priority first. */
  queues: string[];
  /** The management API when `managementUrl` is set; else AMQP, which cannot see unacknowledged messages. */
  management: ManagementTarget | null;
}

/**
 * PRODUCT.md §3: priority inversion across the Celery queues (runbook: worker 1 serves `urgent`
 * and `high_priority`, worker 2 `normal` and `low_priority`). One line for the broker; the
 * judging is `judgePriority`. Over the management API (`GET /api/queues/{vhost}`, statistics up to
 * 5 s old) it sees ready, unacknowledged and consumers per queue; over AMQP (`checkQueue`) only
 * ready and consumers. Needs two queues: none with fewer configured.
 */
export const rabbitmqPriority = defineCheck<PriorityTarget>({
  id: 'rabbitmq.priority',
  title: msg('check.rabbitmq.priority.title'),
  targets: (inventory) => {
    const rabbitmq = inventory.services.rabbitmq;
    if (!rabbitmq || rabbitmq.queues.length < 2) return [];
    const management = rabbitmq.managementUrl
      ? managementTarget({ url: rabbitmq.url, managementUrl: rabbitmq.managementUrl })
      : null;
    const defaultPort = new URL(rabbitmq.url).protocol === 'amqps:' ? '5671' : '5672';
    return [{ name: displayUrl(rabbitmq.url, defaultPort), target: { queues: rabbitmq.queues, management } }];
  },
  async run({ clients, inventory }, { queues, management }, signal) {
    const backlog = inventory.thresholds.priorityBacklog;
    if (management) {
      let stats: Awaited<ReturnType<typeof fetchQueueStats>>;
      try {
        stats = await fetchQueueStats(clients.http, management, signal, inventory.checkTimeoutMs);
      } catch (error) {
        // A refused login, a proxy's error page: the API could not be read, as a refused socket.
        if (error instanceof ManagementApiError) return unreachable(error);
        throw error;
      }
      const loads = new Map<string, QueueLoad>();
      for (const queue of queues) {
        const found = stats.get(queue);
        if (found)
          loads.set(queue, { ready: found.ready, consumers: found.consumers, unacked: found.unacked });
      }
      return judgePriority(queues, loads, 'management', backlog);
    }
    let connection: ChannelModel;
    try {
      connection = await clients.amqp(signal);
    } catch (error) {
      if (signal.aborted) throw error;
      return unreachable(error);
    }
    const states = await Promise.all(queues.map((queue) => readAmqpQueueState(connection, queue, signal)));
    const loads = new Map<string, QueueLoad>();
    queues.forEach((queue, index) => {
      const state = states[index];
      if (state)
        loads.set(queue, { ready: state.messageCount, consumers: state.consumerCount, unacked: null });
    });
    return judgePriority(queues, loads, 'amqp', backlog);
  },
});
