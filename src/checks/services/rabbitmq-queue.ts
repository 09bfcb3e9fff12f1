import type { Channel, ChannelModel } from 'amqplib';
import { msg } from '../../i18n/message.js';
import { abortable } from '../../platform/reconnecting.js';
import { type CheckOutcome, defineCheck, type Threshold } from '../check.js';
import { above, grade } from '../grade.js';
import { unreachable } from '../unreachable.js';

/**
 * Runbook 10.1 Problème 2: depth and consumers of one Celery queue. A queue holding messages with
 * no consumer means the workers stopped listening (`fail`); an empty queue with no consumer warns,
 * since the next message will wait. Otherwise the ready messages are held against
 * `thresholds.queueDepth`. A missing queue fails: Celery declares it at start-up, so it never ran.
 */
export const rabbitmqQueue = defineCheck<string>({
  id: 'rabbitmq.queue',
  title: msg('check.rabbitmq.queue.title'),
  targets: (inventory) =>
    (inventory.services.rabbitmq?.queues ?? []).map((queue) => ({ name: queue, target: queue })),
  async run({ clients, inventory }, queue, signal) {
    let connection: ChannelModel;
    try {
      connection = await clients.amqp(signal);
    } catch (error) {
      if (signal.aborted) throw error;
      return unreachable(error);
    }
    // A throwaway channel: checkQueue on a missing queue makes the server close it (404).
    const opening = connection.createChannel();
    const channel = await abortable(opening, signal).catch((error: unknown) => {
      // Timed out while opening: release the channel whenever it does arrive.
      opening.then(closeQuietly, () => undefined);
      throw error;
    });
    channel.on('error', () => undefined);
    try {
      const { messageCount, consumerCount } = await abortable(channel.checkQueue(queue), signal);
      return judgeQueue(messageCount, consumerCount, above(inventory.thresholds.queueDepth, 'count'));
    } catch (error) {
      if (!signal.aborted && isNotFound(error)) {
        return {
          status: 'fail',
          value: null,
          threshold: null,
          detail: msg('check.rabbitmq.queue.missing', { queue }),
        };
      }
      throw error;
    } finally {
      closeQuietly(channel);
    }
  },
});

/** Grades one queue from its ready messages and consumers (also the weekly report's, over the management API). */
export function judgeQueue(messages: number, consumers: number, threshold: Threshold): CheckOutcome {
  const base = { value: messages, unit: 'count', threshold, data: { messages, consumers } } as const;
  if (consumers === 0) {
    const status = messages > 0 ? 'fail' : 'warn';
    return { ...base, status, detail: msg('check.rabbitmq.queue.noConsumer', { messages }) };
  }
  return {
    ...base,
    status: grade(messages, threshold),
    detail: msg('check.rabbitmq.queue.detail', { messages, consumers }),
  };
}

/** The server's 404 NOT_FOUND channel close, as amqplib reports it. */
function isNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 404;
}

/** Closes without waiting: a channel the server already closed throws, and a hung peer never answers. */
function closeQuietly(channel: Channel): void {
  try {
    channel.close().catch(() => undefined);
  } catch {
    // Already closed by the server's 404: nothing left to release.
  }
}
