import type { Inventory } from '../../config/schema.js';
import type { Remediation, RemediationArgs } from '../../core/remediation/remediation.js';
import { msg } from '../../i18n/message.js';
import { withAmqpChannel } from './amqp-channel.js';
import { accepted, refusedUsage, refusedValue, stringArg } from './parse-words.js';
import { RemediationError } from './remediation-error.js';

/** Queues whose purge drops work users wait for (PRODUCT.md §3): the highest tier. */
const PRIORITY_QUEUES = ['urgent', 'high_priority'];

const usage = msg('usage.purge');

/** Runbook 10.1 Problème 2 Solution 3 (`rabbitmqctl purge_queue`): AMQP purge of one Celery queue. */
export const purgeQueue: Remediation = {
  id: 'purge',
  usage,
  parse(words, inventory) {
    const queues = queuesOf(inventory);
    if (words.length !== 1 || words[0] === undefined) return refusedUsage(usage);
    if (!queues.includes(words[0])) return refusedValue('queue', words[0], queues);
    return accepted({ queue: words[0] });
  },
  tier: (args) => (PRIORITY_QUEUES.includes(stringArg(args, 'queue')) ? 3 : 2),
  targetKey: (args) => `queue:${stringArg(args, 'queue')}`,
  targetLabel: (args) => stringArg(args, 'queue'),
  async preview(context, args) {
    const queue = storedQueue(args, context.inventory);
    const { messageCount, consumerCount } = await withAmqpChannel(context, queue, (channel) =>
      channel.checkQueue(queue),
    );
    return {
      lines: [msg('fix.purge.preview', { queue, messages: messageCount, consumers: consumerCount })],
      data: { queue, messages: messageCount, consumers: consumerCount },
    };
  },
  async evidence(context, args) {
    const queue = storedQueue(args, context.inventory);
    const { messageCount, consumerCount } = await withAmqpChannel(context, queue, (channel) =>
      channel.checkQueue(queue),
    );
    return { queue, messagesBefore: messageCount, consumersBefore: consumerCount };
  },
  async run(context, args) {
    const queue = storedQueue(args, context.inventory);
    const { messageCount } = await withAmqpChannel(context, queue, (channel) => channel.purgeQueue(queue));
    return {
      ok: true,
      summary: msg('fix.purge.done', { queue, messages: messageCount }),
      output: `purge ${queue}: ${messageCount} messages removed`,
      data: { queue, purged: messageCount },
    };
  },
  verifiedBy: (args) => [{ id: 'rabbitmq.queue', target: stringArg(args, 'queue') }],
};

function queuesOf(inventory: Inventory): string[] {
  return inventory.services.rabbitmq?.queues ?? [];
}

/** The stored queue, still in the inventory's list at execution time. */
function storedQueue(args: RemediationArgs, inventory: Inventory): string {
  const queue = stringArg(args, 'queue');
  if (!queuesOf(inventory).includes(queue)) {
    throw new RemediationError(
      'REMEDIATION_ARGS_INVALID',
      msg('fix.args.notAllowed.queue', { given: queue, valid: queuesOf(inventory).join(', ') }),
      `queue ${queue} is no longer in the inventory`,
    );
  }
  return queue;
}
