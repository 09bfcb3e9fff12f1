import type { ChannelModel } from 'amqplib';
import { msg } from '../../i18n/message.js';
import { type CheckOutcome, defineCheck, type Threshold } from '../check.js';
import { above, grade } from '../grade.js';
import { unreachable } from '../unreachable.js';
import { readAmqpQueueState } from './amqp-queue-state.js';

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
    const state = await readAmqpQueueState(connection, queue, signal);
    if (!state)
      return {
        status: 'fail',
        value: null,
        threshold: null,
        detail: msg('check.rabbitmq.queue.missing', { queue }),
      };
    return judgeQueue(
      state.messageCount,
      state.consumerCount,
      above(inventory.thresholds.queueDepth, 'count'),
    );
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
